import { hashPassword } from "../../lib/auth/password";
import { useApp } from "../helpers/app";
import { signInByKeyboard } from "../helpers/browser";

describe("the models page in Chromium", () => {
  const app = useApp({
    browser: true,
    seed: async (t) => {
      await t.db.user.create({ data: { username: "alice", role: "admin", passwordHash: await hashPassword("alice password") } });
      // a candidate the gate kept out, to promote by hand
      const v1 = await t.db.modelVersion.findFirstOrThrow({ where: { status: "active" } });
      await t.db.modelVersion.create({
        data: { number: 2, classSet: v1.classSet, onnx: v1.onnx, sha256: "2".repeat(64), card: v1.card as object, status: "rejected", parentId: v1.id },
      });
    },
  });

  it("starts and cancels a run, promotes a rejected candidate and rolls back to the first version", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${app.server.url}/admin/models`);
    await signInByKeyboard(page, "alice", "alice password", "/admin/models");

    const message = page.getByTestId("models-message");
    const row = (n: number) => page.getByTestId(`model-${n}`);
    await page.getByText("No training runs yet.").waitFor();
    await page.getByTestId("retrain-trigger").getByText("0 of 200 new approved samples").waitFor();
    expect(await row(1).textContent()).toMatch(/^v1active\d+\.\d%/);
    expect(await row(2).textContent()).toMatch(/^v2rejected/);

    // no worker runs beside this server, so the run waits in the queue until it is cancelled
    await page.getByRole("button", { name: "Fine-tune now" }).click();
    await message.getByText("Fine-tuning queued.").waitFor();
    await page.getByTestId("live-run").getByText(/Run \d+ \(fine-tune, manual\) is queued/).waitFor();
    expect(await page.getByTestId("run-phase").textContent()).toBe("waiting for a training worker");
    expect(await page.getByRole("button", { name: "Train from scratch" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: /^Cancel run \d+$/ }).click();
    await page.getByTestId("confirm-cancel").getByRole("button", { name: /^Cancel run \d+ now$/ }).click();
    await message.getByText("Cancelled.").waitFor();
    await page.getByRole("cell", { name: "cancelled" }).waitFor();
    expect((await app.t.db.trainingRun.findFirstOrThrow()).status).toBe("cancelled");

    // promoting asks first (v2 is a candidate the gate turned away); "keep" changes nothing
    await row(2).getByRole("button", { name: "Promote" }).click();
    await page.getByTestId("confirm-activate").getByRole("button", { name: "Keep the current model" }).click();
    await page.getByTestId("confirm-activate").waitFor({ state: "detached" });
    expect((await app.t.db.modelVersion.findFirstOrThrow({ where: { number: 2 } })).status).toBe("rejected");
    await row(2).getByRole("button", { name: "Promote" }).click();
    await page.getByTestId("confirm-activate").getByRole("button", { name: "Make v2 active" }).click();
    await message.getByText("v2 is now active.").waitFor();
    await row(2).getByText("active").waitFor();
    await row(1).getByRole("button", { name: "Roll back to this" }).click();
    await page.getByTestId("confirm-activate").getByRole("button", { name: "Make v1 active" }).click();
    await message.getByText("v1 is now active.").waitFor();
    await row(1).getByText("active").waitFor();
    const statuses = Object.fromEntries((await app.t.db.modelVersion.findMany()).map((m) => [m.number, m.status]));
    expect(statuses).toEqual({ 1: "active", 2: "retired" });
  });

  it("asks before training from scratch, and starts nothing when told no", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${app.server.url}/admin/models`);
    await signInByKeyboard(page, "alice", "alice password", "/admin/models");
    const runsBefore = await app.t.db.trainingRun.count();
    await page.getByRole("button", { name: "Train from scratch" }).click();
    const confirm = page.getByTestId("confirm-full");
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "Keep the current model" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(await app.t.db.trainingRun.count()).toBe(runsBefore);

    await page.getByRole("button", { name: "Train from scratch" }).click();
    await page.getByTestId("confirm-full").getByRole("button", { name: "Start it" }).click();
    await page.getByTestId("models-message").getByText("Full training queued.").waitFor();
    await page.getByTestId("live-run").getByText(/Run \d+ \(full, manual\) is queued/).waitFor();
    expect(await app.t.db.trainingRun.count()).toBe(runsBefore + 1);
    await page.getByRole("button", { name: /^Cancel run \d+$/ }).click();
    await page.getByTestId("confirm-cancel").getByRole("button", { name: /^Cancel run \d+ now$/ }).click();
    await page.getByTestId("models-message").getByText("Cancelled.").waitFor();
    await page.close();
  });
});
