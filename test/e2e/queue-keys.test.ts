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
