import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { MAX_UPLOAD_SIDE } from "../../app/shrink-upload";
import { glyphPng, simulatedPhoto } from "../fixtures/glyphs";
import { useApp } from "../helpers/app";
import { drawOn } from "../helpers/browser";

const draw = (page: Page, points: [number, number][]) => drawOn(page, points);

describe("the upload page in Chromium", () => {
  const app = useApp({ browser: true });

  it("reads a character drawn on the canvas and an uploaded file, and stores both", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(app.server.url);

    await draw(page, [
      [0.25, 0.2],
      [0.75, 0.2],
      [0.42, 0.85],
    ]);
    // undo works: a stray stroke is drawn and taken back
    await draw(page, [
      [0.1, 0.9],
      [0.2, 0.95],
    ]);
    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByRole("button", { name: "Recognise drawing" }).click();
    const cards = page.getByTestId("result-card");
    await cards.first().getByTestId("predicted-label").waitFor();
    expect(await cards.first().getByTestId("predicted-label").textContent()).toBe("7");

    const dir = mkdtempSync(path.join(os.tmpdir(), "upload-"));
    const file = path.join(dir, "four.png");
    writeFileSync(file, await glyphPng("4", { size: 320 }));
    await page.getByTestId("file-input").setInputFiles(file);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="predicted-label"]').length === 2);
    expect(await cards.first().getByTestId("predicted-label").textContent()).toBe("4");
    expect(await cards.first().getByText("four.png").count()).toBe(1);
    expect(await cards.first().getByRole("listitem").count()).toBe(5);
    const seen = cards.first().getByAltText("The 28×28 image the model saw");
    expect(await seen.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(28);

    // the visitor confirms one reading
    await cards.first().getByRole("button", { name: "That's right" }).click();
    await cards.first().getByText("Thanks! An admin will review it.").waitFor();

    const stored = await app.t.db.sample.findMany({ where: { source: "user" }, orderBy: { id: "asc" } });
    expect(stored.map((s) => [s.predictedLabel, s.status, s.contentType])).toEqual([
      ["7", "pending", "image/png"],
      ["4", "pending", "image/png"],
    ]);
    expect(stored[1].suggestedLabel).toBe("4");
    expect(errors).toEqual([]);
  });

  it("sends a large photo as a smaller upright JPEG, quick on a phone, and reads it right", async () => {
    const page = await app.browser.newPage();
    await page.goto(app.server.url);
    const dir = mkdtempSync(path.join(os.tmpdir(), "upload-"));
    const file = path.join(dir, "photo.jpg");
    // as a phone stores it: the pixels sideways (a sideways 4 reads as V) and an EXIF orientation to turn them
    const sideways = await sharp(await simulatedPhoto("4", 2000, 3)).rotate(-90).jpeg({ quality: 90 }).toBuffer();
    const photo = await sharp(sideways).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toBuffer();
    writeFileSync(file, photo);
    await page.getByTestId("file-input").setInputFiles(file);
    const card = page.getByTestId("result-card").filter({ hasText: "photo.jpg" });
    await card.getByTestId("predicted-label").waitFor();
    expect(await card.getByTestId("predicted-label").textContent()).toBe("4");

    const stored = await app.t.db.sample.findFirstOrThrow({ where: { source: "user" }, orderBy: { id: "desc" } });
    const sent = await sharp(stored.original!).metadata();
    expect([sent.format, sent.width, sent.height]).toEqual(["jpeg", MAX_UPLOAD_SIDE, MAX_UPLOAD_SIDE]);
    expect(stored.original!.length).toBeLessThan(photo.length / 2);
  });

  it("on a phone, brings the new result into view below the canvas", async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.server.url);
    const dir = mkdtempSync(path.join(os.tmpdir(), "upload-"));
    const file = path.join(dir, "x.png");
    writeFileSync(file, await glyphPng("X", { size: 240 }));
    const card = page.getByTestId("result-card").first();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.getByTestId("file-input").setInputFiles(file);
    await card.getByTestId("predicted-label").waitFor();
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="result-card"]')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it("shows a clear error for a file that is not an image", async () => {
    const page = await app.browser.newPage();
    await page.goto(app.server.url);
    const dir = mkdtempSync(path.join(os.tmpdir(), "upload-"));
    const file = path.join(dir, "notes.txt");
    writeFileSync(file, "shopping list");
    await page.getByTestId("file-input").setInputFiles(file);
    const alert = page.getByTestId("result-card").getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/not an image we can read/);
  });

  // Last: its uploads would be counted by the tests above, which check what is stored.
  it("reads a clearly written 0, 1, 7 and g drawn on the canvas; q, O and I, which NIST writers rarely tell from 9, 0 and 1, are in the top five and read right as letters", async () => {
    // tall enough that no new card scrolls the page while the next character is drawn
    const page = await app.browser.newPage({ viewport: { width: 1000, height: 4000 } });
    await page.goto(app.server.url);
    const ellipse = (cx: number, cy: number, rx: number, ry: number): [number, number][] =>
      Array.from({ length: 25 }, (_, i) => [cx + rx * Math.sin((i / 24) * 2 * Math.PI), cy - ry * Math.cos((i / 24) * 2 * Math.PI)]);
    const glyphs: Record<string, [number, number][][]> = {
      "1": [[[0.38, 0.26], [0.52, 0.12], [0.52, 0.88]]],
      "0": [ellipse(0.5, 0.5, 0.2, 0.38)],
      "7": [[[0.28, 0.14], [0.72, 0.14], [0.44, 0.88]]],
      g: [ellipse(0.45, 0.33, 0.16, 0.16), [[0.61, 0.2], [0.61, 0.72], [0.55, 0.86], [0.42, 0.9], [0.3, 0.82]]],
      q: [ellipse(0.45, 0.33, 0.16, 0.16), [[0.61, 0.2], [0.61, 0.92], [0.7, 0.86]]],
      O: [ellipse(0.5, 0.5, 0.36, 0.38)],
      I: [[[0.35, 0.12], [0.65, 0.12]], [[0.5, 0.12], [0.5, 0.88]], [[0.35, 0.88], [0.65, 0.88]]],
    };
    const readAll = async () => {
      const read: Record<string, { label: string; top5: string[] }> = {};
      for (const [ch, strokes] of Object.entries(glyphs)) {
        const before = await page.getByTestId("predicted-label").count();
        for (const stroke of strokes) await draw(page, stroke);
        await page.getByRole("button", { name: "Recognise drawing" }).click();
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="predicted-label"]').length === n, before + 1);
        const card = page.getByTestId("result-card").first();
        const top5 = await card.getByRole("list", { name: "Top readings" }).locator("li span.font-mono").allTextContents();
        read[ch] = { label: (await card.getByTestId("predicted-label").textContent())!, top5 };
        await page.getByRole("button", { name: "Clear" }).click();
      }
      return read;
    };
    const free = await readAll();
    expect(Object.fromEntries(["0", "1", "7", "g"].map((c) => [c, free[c].label]))).toEqual({ "0": "0", "1": "1", "7": "7", g: "g" });
    expect({ q: free.q.top5.includes("q"), O: free.O.top5.includes("O"), I: free.I.top5.includes("I") }).toEqual({ q: true, O: true, I: true });
    await page.getByLabel("Expect").selectOption("letters");
    delete glyphs["0"];
    delete glyphs["1"];
    delete glyphs["7"];
    const letters = await readAll();
    expect(Object.fromEntries(Object.entries(letters).map(([c, r]) => [c, r.label]))).toEqual({ g: "g", q: "q", O: "O", I: "I" });
  });

  it("reads while drawing without storing anything; only Recognise uploads", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(app.server.url);
    expect(await page.getByTestId("draw-hint").isVisible()).toBe(true);
    const before = await app.t.db.sample.count({ where: { source: "user" } });
    // not quite the 7 of the first test: the same bytes would reuse its sample
    await draw(page, [
      [0.22, 0.22],
      [0.78, 0.18],
      [0.45, 0.88],
    ]);
    expect(await page.getByTestId("draw-hint").count()).toBe(0);
    await page.waitForFunction(() => /^Reading so far: 7 \(\d+%\)$/.test(document.querySelector('[data-testid="live-reading"]')?.textContent ?? ""));
    expect(await app.t.db.sample.count({ where: { source: "user" } })).toBe(before);
    await page.getByRole("button", { name: "Recognise drawing" }).click();
    await page.getByTestId("predicted-label").first().waitFor();
    expect(await app.t.db.sample.count({ where: { source: "user" } })).toBe(before + 1);
    await page.getByRole("button", { name: "Remove all results" }).click();
    expect(await page.getByTestId("result-card").count()).toBe(0);
    await page.close();
  });

  it("on a desktop, new results never scroll the canvas out of reach", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(app.server.url);
    for (let i = 1; i <= 4; i++) {
      await draw(page, [
        [0.3, 0.15],
        [0.3, 0.85],
        [0.7, 0.85],
      ]);
      await page.getByRole("button", { name: "Recognise drawing" }).click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="predicted-label"]').length === n, i);
      await page.waitForTimeout(400); // a smooth scroll would have started by now
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await page.getByRole("button", { name: "Clear", exact: true }).click();
    }
    await page.close();
  });

  it("says what was expected and when nothing of that kind fits; a failed card can be dismissed", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(app.server.url);
    await page.getByLabel("Expect").selectOption("digits");
    const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-e2e-"));
    const x = path.join(dir, "x.png");
    writeFileSync(x, await glyphPng("X", { size: 200 }));
    await page.getByTestId("file-input").setInputFiles(x);
    const card = page.getByTestId("result-card").first();
    await card.getByTestId("predicted-label").waitFor();
    expect(await card.getByTestId("expected").textContent()).toMatch(/Digits only/);
    expect(await card.getByTestId("poor-fit").textContent()).toMatch(/Nothing of the kind expected \(digits only\) fits this well/);
    expect(await card.getByText("Your image").count()).toBe(1);
    expect(await card.getByText("What the model saw").count()).toBe(1);
    await card.getByText("All 10 readings").click(); // digits only: every digit, most probable first
    expect(await card.getByTestId("all-readings").locator("li").count()).toBe(10);

    const text = path.join(dir, "notes.png");
    writeFileSync(text, "not an image at all");
    await page.getByTestId("file-input").setInputFiles(text);
    const failed = page.getByTestId("result-card").first();
    await failed.getByRole("alert").waitFor();
    expect(await failed.locator("img").count()).toBe(0);
    await failed.getByRole("button", { name: "Dismiss" }).click();
    expect(await page.getByTestId("result-card").count()).toBe(1);
    await page.close();
  });
});
