import { hashPassword } from "../../lib/auth/password";
import { useApp } from "../helpers/app";
import { signInByKeyboard } from "../helpers/browser";
import { seedUploads } from "../helpers/samples";

describe("the admin console in Chromium", () => {
  const app = useApp({
    browser: true,
    seed: async (t) => {
      await t.db.user.create({ data: { username: "alice", role: "admin", passwordHash: await hashPassword("alice password") } });
      // most uncertain first: 7, then O (the visitor says 0), then 1, 5, S, B
      await seedUploads(t.db, [
        { predicted: "7", confidence: 0.1 },
        { predicted: "O", confidence: 0.2, suggested: "0" },
        { predicted: "1", confidence: 0.3 },
        { predicted: "5", confidence: 0.4 },
        { predicted: "S", confidence: 0.5 },
        { predicted: "B", confidence: 0.6 },
      ]);
    },
  });

  it("signs in, labels five samples with the keyboard only, undoes one, and the statistics follow", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${app.server.url}/admin/queue`);
    expect(page.url()).toContain("/admin/login");
    await signInByKeyboard(page, "alice", "alice password", "/admin/queue");

    const current = page.getByTestId("current-prediction");
    const message = page.getByTestId("queue-message");
    const pending = page.getByTestId("pending-count");
    await current.waitFor();
    /** Presses a key and waits for the console's answer to it (a new message). */
    const step = async (key: string, expectMessage: RegExp) => {
      const before = await message.textContent();
      await page.keyboard.press(key);
      await page.waitForFunction(
        ([re, prev]) => {
          const text = document.querySelector('[data-testid="queue-message"]')?.textContent ?? "";
          return text !== prev && new RegExp(re).test(text);
        },
        [expectMessage.source, before] as const,
      );
    };
    expect(await current.textContent()).toBe("7");
    await step("Enter", /Approved #\d+/); // 7 approved as predicted
    expect(await current.textContent()).toBe("O");
    await step("Shift+Enter", /Approved as suggested/); // O approved as the visitor's 0
    expect(await current.textContent()).toBe("1");
    await step("7", /Relabelled as “7”/); // the 1 was a 7
    expect(await current.textContent()).toBe("5");
    await step("x", /Rejected/); // not a character
    expect(await current.textContent()).toBe("S");
    await page.keyboard.press("ArrowDown"); // skip S

    expect(await current.textContent()).toBe("B");
    await step("Backspace", /Rejected #\d+/);
    await step("z", /Undone: #\d+ is pending again/);
    expect(await current.textContent()).toBe("B");
    await page.waitForFunction(() => document.querySelector('[data-testid="pending-count"]')?.textContent === "2 pending");
    expect(await pending.textContent()).toBe("2 pending");
    expect(await message.textContent()).toMatch(/pending again/);

    const rows = await app.t.db.sample.findMany({ where: { source: "user" }, orderBy: { confidence: "asc" } });
    expect(rows.map((r) => [r.predictedLabel, r.status, r.label])).toEqual([
      ["7", "approved", "7"],
      ["O", "approved", "0"],
      ["1", "approved", "7"],
      ["5", "rejected", null],
      ["S", "pending", null],
      ["B", "pending", null],
    ]);
    expect(await app.t.db.labelEvent.count()).toBe(6);

    await page.goto(`${app.server.url}/admin/stats`);
    expect(await page.getByTestId("count-status-approved").textContent()).toBe("3");
    expect(await page.getByTestId("count-status-rejected").textContent()).toBe("1");
    expect(await page.getByTestId("model-accuracy").textContent()).toMatch(/33\.3% right on 3 approved uploads/);
    expect(await page.getByTestId("rate-relabel").textContent()).toBe("relabelled 20.0%");
    expect(await page.getByTestId("confused-1/7").textContent()).toMatch(/1 read as 7: 0; 7 read as 1: 1/);

    // a confusion matrix cell opens the samples behind it: the 1 an admin relabelled as 7
    await page.getByRole("link", { name: "true 7, read as 1: 1" }).click();
    await page.waitForURL("**/admin/queue?status=APPROVED&label=7&predicted=1");
    expect(await page.getByTestId("current-prediction").textContent()).toBe("1");
    expect(await page.getByTestId("queue-scope").textContent()).toMatch(/Showing approved samples labelled 7 read as 1/);
    expect(await page.getByTestId("pending-count").textContent()).toBe("1 approved");

    // a date range: nothing was uploaded more than a week ago, so the week shows the same
    await page.goto(`${app.server.url}/admin/stats`);
    await page.getByRole("link", { name: "Last 7 days" }).click();
    await page.waitForURL("**/admin/stats?days=7");
    expect(await page.getByRole("heading", { name: "Active model on approved uploads of the last 7 days" }).count()).toBe(1);
    expect(await page.getByTestId("model-accuracy").textContent()).toMatch(/33\.3% right on 3 approved uploads/);
  });

  it("labels more than one page of the queue in a row without tripping over its own refills", async () => {
    // 70 more uploads: the console holds 60 at a time and refills while keys keep coming
    await seedUploads(app.t.db, Array.from({ length: 70 }, (_, i) => ({ predicted: "R", confidence: 0.01 + i / 10_000 })));
    const page = await app.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${app.server.url}/admin/login`);
    await signInByKeyboard(page, "alice", "alice password", "/admin/queue");
    await page.getByTestId("current-prediction").waitFor();
    for (let i = 0; i < 70; i++) {
      const before = await page.getByTestId("queue-message").textContent();
      await page.keyboard.press("4");
      await page.waitForFunction(
        (prev) => (document.querySelector('[data-testid="queue-message"]')?.textContent ?? "") !== prev,
        before,
      );
      expect(await page.getByTestId("queue-message").textContent()).toMatch(/^Relabelled as “4” #\d+/);
    }
    expect(await app.t.db.sample.count({ where: { predictedLabel: "R", status: "approved", label: "4" } })).toBe(70);
    await page.waitForFunction(() => document.querySelector('[data-testid="pending-count"]')?.textContent === "2 pending");
  });
});
