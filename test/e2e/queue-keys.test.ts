import type { Page } from "playwright-core";
import { hashPassword } from "../../lib/auth/password";
import { useApp } from "../helpers/app";
import { signInByKeyboard } from "../helpers/browser";
import { seedUploads } from "../helpers/samples";

describe("the labelling queue's keys in Chromium", () => {
  const app = useApp({
    browser: true,
    seed: async (t) => {
      await t.db.user.create({ data: { username: "alice", role: "admin", passwordHash: await hashPassword("alice password") } });
      // most uncertain first: 7, F, 1, 5
      await seedUploads(t.db, [
        { predicted: "7", confidence: 0.1 },
        { predicted: "F", confidence: 0.2 },
        { predicted: "1", confidence: 0.3 },
        { predicted: "5", confidence: 0.4 },
      ]);
    },
  });

  let page: Page;
  beforeAll(async () => {
    page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${app.server.url}/admin/queue`);
    await signInByKeyboard(page, "alice", "alice password", "/admin/queue");
    await page.getByTestId("current-prediction").waitFor();
  });

  const message = () => page.getByTestId("queue-message").textContent();
  const statuses = async () => (await app.t.db.sample.findMany({ where: { source: "user" }, orderBy: { confidence: "asc" } })).map((s) => s.status);
  /** Presses a key on the queue and waits for its answer (a new message matching `expected`). */
  const step = async (key: string, expected: RegExp) => {
    const before = await message();
    await page.keyboard.press(key);
    await page.waitForFunction(
      ([re, prev]) => {
        const text = document.querySelector('[data-testid="queue-message"]')?.textContent ?? "";
        return text !== prev && new RegExp(re).test(text);
      },
      [expected.source, before] as const,
    );
  };

  it("keys typed into the filters, the order list or the checkbox never act on a sample", async () => {
    expect(await page.getByTestId("keys-state").textContent()).toBe("Keys on");

    const filter = page.getByLabel("Filter by predicted label");
    await filter.click();
    expect(await page.getByTestId("keys-state").textContent()).toMatch(/^Keys off/);
    await page.keyboard.press("F");
    expect(await filter.inputValue()).toBe("F");
    await page.waitForFunction(() => document.querySelector('[data-testid="pending-count"]')?.textContent === "1 pending");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    expect(await filter.inputValue()).toBe("");

    const order = page.getByRole("combobox");
    await order.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("x");

    const checkbox = page.getByRole("checkbox");
    await checkbox.focus();
    await page.keyboard.press("Space");
    expect(await checkbox.isChecked()).toBe(true);
    await page.keyboard.press("Space");
    expect(await checkbox.isChecked()).toBe(false);

    expect(await app.t.db.labelEvent.count()).toBe(0);
    expect(await statuses()).toEqual(["pending", "pending", "pending", "pending"]);

    // Esc hands the keys back to the queue
    await filter.focus();
    await page.keyboard.press("Escape");
    expect(await page.getByTestId("keys-state").textContent()).toBe("Keys on");
    await page.waitForFunction(() => document.querySelector('[data-testid="pending-count"]')?.textContent === "4 pending");
  });

  it("undo is a history: a bulk action comes back whole, then the action before it", async () => {
    await page.getByTestId("queue").focus();
    await page.waitForFunction(() => document.querySelector('[data-testid="current-prediction"]')?.textContent === "7");
    await step("Enter", /Approved #\d+/); // the 7, on its own
    for (const key of ["Space", "ArrowDown", "Space", "ArrowDown", "Space"]) await page.keyboard.press(key); // F, 1 and 5
    await step("Enter", /Approved 3 samples/);
    expect(await statuses()).toEqual(["approved", "approved", "approved", "approved"]);

    await step("z", /Undone: 3 samples are pending again/);
    expect(await statuses()).toEqual(["approved", "pending", "pending", "pending"]);
    await step("z", /Undone: #\d+ is pending again/);
    expect(await statuses()).toEqual(["pending", "pending", "pending", "pending"]);
    await page.waitForFunction(() => document.querySelector('[data-testid="pending-count"]')?.textContent === "4 pending");
    await step("z", /nothing to undo/);
  });
});

describe("the labelling queue on a phone and with help, in Chromium", () => {
  const app = useApp({
    browser: true,
    seed: async (t) => {
      await t.db.user.create({ data: { username: "bob", role: "admin", passwordHash: await hashPassword("bob password") } });
      // a 7 drawn under "Letters only": the restricted reading is T, the model's own is 7
      await seedUploads(t.db, [
        { predicted: "T", confidence: 0.06, restriction: "letters", unrestricted: [{ label: "7", probability: 0.9 }, { label: "T", probability: 0.06 }] },
        { predicted: "m", confidence: 0.3 },
        { predicted: "4", confidence: 0.5 },
      ]);
    },
  });

  it("shows the visitor's restriction and the unrestricted readings, and relabels by touch from the label picker", async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/admin/queue`);
    await signInByKeyboard(page, "bob", "bob password", "/admin/queue");
    await page.getByTestId("current-prediction").waitFor();
    expect(await page.getByTestId("restriction-badge").first().textContent()).toBe("letters only");
    expect(await page.getByTestId("current-restriction").textContent()).toMatch(/letters only/);
    expect(await page.getByTestId("unrestricted-top5").textContent()).toMatch(/7\s*90%/);

    // the actions sit with the sample, in view, with touch-sized targets
    const bar = page.getByTestId("action-bar");
    expect(await bar.isVisible()).toBe(true);
    const box = (await bar.getByRole("button", { name: /^Approve/ }).first().boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(box.height).toBeGreaterThanOrEqual(44);

    await bar.getByRole("button", { name: "Relabel…" }).tap();
    await page.getByRole("group", { name: "Relabel as" }).getByRole("button", { name: "7", exact: true }).tap();
    await page.waitForFunction(() => /Relabelled as “7”/.test(document.querySelector('[data-testid="queue-message"]')?.textContent ?? ""));
    const first = await app.t.db.sample.findFirstOrThrow({ where: { source: "user" }, orderBy: { confidence: "asc" } });
    expect([first.status, first.label]).toEqual(["approved", "7"]);

    // the status line says the label as stored: m is folded into M in balanced47
    await page.waitForFunction(() => document.querySelector('[data-testid="current-prediction"]')?.textContent === "m");
    await bar.getByRole("button", { name: "Relabel…" }).tap();
    await page.getByRole("group", { name: "Relabel as" }).getByRole("button", { name: "M", exact: true }).tap();
    await page.waitForFunction(() => /Relabelled as “M”/.test(document.querySelector('[data-testid="queue-message"]')?.textContent ?? ""));
    await context.close();
  });

  it("? lists every key, and a selection shows its count on the actions", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${app.server.url}/admin/queue`);
    await signInByKeyboard(page, "bob", "bob password", "/admin/queue");
    await page.getByTestId("current-prediction").waitFor();
    await page.keyboard.press("?");
    const help = page.getByTestId("key-help");
    await help.waitFor();
    for (const what of [/approve as the model read it/, /reject/, /undo/, /select for a bulk action/, /relabel as that character/]) expect(await help.textContent()).toMatch(what);
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "detached" });
    expect(await page.getByTestId("keys-state").textContent()).toBe("Keys on");

    await page.keyboard.press("Space");
    expect(await page.getByTestId("selection-count").textContent()).toMatch(/^1 selected/);
    expect(await page.getByTestId("action-bar").getByRole("button", { name: /^Approve 1/ }).count()).toBe(1);
    await page.close();
  });
});
