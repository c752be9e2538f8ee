import { photograph } from "../fixtures/fields";
import { fieldPng } from "../fixtures/glyphs";
import { hashPassword } from "../../lib/auth/password";
import { useApp } from "../helpers/app";
import { drawOn, signInByKeyboard } from "../helpers/browser";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Pen strokes of a few characters in a unit cell (x right, y down), as a person writes them. */
const STROKES: Record<string, [number, number][][]> = {
  H: [[[0.15, 0.03], [0.15, 0.97]], [[0.85, 0.03], [0.85, 0.97]], [[0.15, 0.5], [0.85, 0.5]]],
  E: [[[0.82, 0.03], [0.18, 0.03], [0.18, 0.97], [0.85, 0.97]], [[0.18, 0.5], [0.7, 0.5]]],
  L: [[[0.2, 0.03], [0.2, 0.97], [0.85, 0.97]]],
  // round, as people write the letter (a zero is narrower)
  O: [Array.from({ length: 25 }, (_, i) => [0.5 + 0.62 * Math.sin((i / 24) * 2 * Math.PI), 0.5 - 0.47 * Math.cos((i / 24) * 2 * Math.PI)] as [number, number])],
  "2": [[[0.12, 0.25], [0.3, 0.05], [0.65, 0.03], [0.85, 0.22], [0.75, 0.5], [0.12, 0.95], [0.92, 0.95]]],
  "0": [Array.from({ length: 21 }, (_, i) => [0.5 + 0.36 * Math.sin((i / 20) * 2 * Math.PI), 0.5 - 0.47 * Math.cos((i / 20) * 2 * Math.PI)] as [number, number])],
  "4": [[[0.68, 0.97], [0.68, 0.03], [0.08, 0.66], [0.95, 0.66]]],
};

describe("the field mode of the upload page in Chromium", () => {
  const app = useApp({
    browser: true,
    seed: async (t) => {
      await t.db.user.create({ data: { username: "alice", role: "admin", passwordHash: await hashPassword("alice password") } });
    },
  });

  it('reads "2024" written on the field canvas, draws a box per character, and puts each character in the queue', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(app.server.url);
    await page.getByRole("tab", { name: "A field (a line of writing)" }).click();
    expect(page.url()).toMatch(/#field$/);

    // four characters of about 150 px, side by side with gaps, on the 840x220 canvas
    const cellWidth = 0.12;
    for (const [i, digit] of [..."2024"].entries()) {
      const x0 = 0.12 + i * 0.17;
      for (const stroke of STROKES[digit]) await drawOn(page, stroke.map(([u, v]) => [x0 + u * cellWidth, 0.14 + v * 0.72]), "field-pad");
    }
    await page.getByRole("button", { name: "Read field" }).click();
    await page.getByTestId("field-text").waitFor();
    expect(await page.getByTestId("field-text").textContent()).toBe("2024");
    expect(await page.getByTestId("char-box").count()).toBe(4);

    const field = await app.t.db.field.findFirstOrThrow({ orderBy: { id: "desc" }, include: { characters: { orderBy: { fieldPosition: "asc" } } } });
    expect(field.text).toBe("2024");
    expect(field.characters.map((c) => [c.predictedLabel, c.status])).toEqual([
      ["2", "pending"],
      ["0", "pending"],
      ["2", "pending"],
      ["4", "pending"],
    ]);

    // the visitor corrects the reading; it lines up, so each character gets the suggestion
    await page.getByTestId("field-correction").fill("2025");
    await page.getByRole("button", { name: "Send correction" }).click();
    await page.getByText("Thanks: sent “2025” for review.").waitFor();
    const suggested = await app.t.db.sample.findMany({ where: { fieldId: field.id }, orderBy: { fieldPosition: "asc" } });
    expect(suggested.map((s) => s.suggestedLabel)).toEqual(["2", "0", "2", "5"]);
    expect(errors).toEqual([]);
  });

  it('reads "HELLO" written on the field canvas', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${app.server.url}/#field`);
    for (const [i, letter] of [..."HELLO"].entries()) {
      const x0 = 0.08 + i * 0.17;
      for (const stroke of STROKES[letter]) await drawOn(page, stroke.map(([u, v]) => [x0 + u * 0.12, 0.14 + v * 0.72]), "field-pad");
    }
    await page.getByRole("button", { name: "Read field" }).click();
    await page.getByTestId("field-text").waitFor();
    expect(await page.getByTestId("field-text").textContent()).toBe("HELLO");
  });

  it("reads uploads as a visitor would: a postcode under its pattern, a word in capitals, a phone photo of five digits in boxes", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${app.server.url}/#field`);
    const dir = mkdtempSync(path.join(os.tmpdir(), "field-"));
    const upload = async (name: string, image: Buffer) => {
      const file = path.join(dir, name);
      writeFileSync(file, image);
      await page.getByTestId("file-input").setInputFiles(file);
      // the newest card comes first; wait for its reading
      await page.locator('[data-testid="field-result"]').first().getByTestId("field-text").waitFor();
      return page.locator('[data-testid="field-result"]').first();
    };

    await page.getByTestId("field-expect").selectOption("pattern");
    await page.getByTestId("field-pattern").fill("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}");
    const postcode = await upload("postcode.png", await fieldPng("SW1A 1AA"));
    expect(await postcode.getByTestId("field-text").textContent()).toBe("SW1A 1AA");

    await page.getByTestId("field-expect").selectOption("free");
    const word = await upload("hello.png", await fieldPng("HELLO"));
    expect(await word.getByTestId("field-text").textContent()).toBe("HELLO");

    await page.getByTestId("field-expect").selectOption("pattern");
    await page.getByTestId("field-pattern").fill("\\d{5}");
    const boxes = await upload("boxes.jpg", await photograph(await fieldPng("40271", { boxes: true }), 3));
    expect(await boxes.getByTestId("field-text").textContent()).toBe("40271");
    expect(await boxes.getByText("characters in boxes").count()).toBe(1);

    // every character of the three is a pending sample of its field
    const stored = await app.t.db.field.findMany({ where: { text: { in: ["SW1A 1AA", "HELLO", "40271"] } }, include: { _count: { select: { characters: true } } } });
    expect(Object.fromEntries(stored.map((f) => [f.text, f._count.characters]))).toEqual({ "SW1A 1AA": 7, HELLO: 5, "40271": 5 });
  });

  it("shows a field's character in the queue with the whole field and its box, and labels the field from its full text", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${app.server.url}/admin/queue`);
    await signInByKeyboard(page, "alice", "alice password", "/admin/queue");
    await page.getByTestId("field-context").waitFor();
    expect(await page.getByTestId("field-context-box").count()).toBe(1);
    expect(await page.getByTestId("field-badge").count()).toBeGreaterThan(0);
    const context = (await page.getByTestId("field-context").textContent())!;
    const [, id, text] = context.match(/characters of field #(\d+), read as “([^”]+)”/)!;
    const fieldId = Number(id);
    const characterCount = text.replace(/ /g, "").length;

    // a text that does not line up marks the field for segmentation review
    const short = text.slice(0, -1).trim();
    await page.getByTestId("field-full-text").fill(short);
    await page.getByRole("button", { name: "Label the whole field" }).click();
    await page.getByText(/marked for segmentation review/).waitFor();
    expect((await app.t.db.field.findUniqueOrThrow({ where: { id: fieldId } })).reviewText).toBe(short);

    await page.getByTestId("field-full-text").fill(text);
    await page.getByRole("button", { name: "Label the whole field" }).click();
    await page.getByText(`Field labelled “${text}”: ${characterCount} characters. Z undoes.`).waitFor();
    const characters = await app.t.db.sample.findMany({ where: { fieldId }, orderBy: { fieldPosition: "asc" } });
    expect(characters.map((c) => c.status)).toEqual(Array(characterCount).fill("approved"));
    expect(characters.map((c) => c.label).join("")).toBe(text.replace(/ /g, ""));
  });
});
