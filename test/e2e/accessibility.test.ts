import type { Page } from "playwright-core";
import { hashPassword } from "../../lib/auth/password";
import { fieldPng } from "../fixtures/glyphs";
import { useApp } from "../helpers/app";
import { signInByKeyboard } from "../helpers/browser";
import { seedUploads } from "../helpers/samples";

const AXE = require.resolve("axe-core/axe.min.js");

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core's serious and critical findings on the page as it is now, in words a failing test can show. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }).axe.run();
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("every page passes axe-core (no serious or critical findings), light and dark", () => {
  const app = useApp({
    browser: true,
    seed: async (t) => {
      await t.db.user.create({ data: { username: "carol", role: "admin", passwordHash: await hashPassword("carol password") } });
      const [, , right, wrong] = await seedUploads(t.db, [
        { predicted: "T", confidence: 0.06, restriction: "letters", unrestricted: [{ label: "7", probability: 0.9 }] },
        { predicted: "4", confidence: 0.5, suggested: "9" },
        { predicted: "2", confidence: 0.9 },
        { predicted: "1", confidence: 0.4 },
      ]);
      // approved uploads, so the statistics draw their charts and confusion matrix too
      await t.db.sample.update({ where: { id: right }, data: { status: "approved", label: "2" } });
      await t.db.sample.update({ where: { id: wrong }, data: { status: "approved", label: "7" } });
    },
  });

  it.each(["light", "dark"] as const)("in the %s colour scheme", async (colorScheme) => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 }, colorScheme });
    const found: Record<string, string[]> = {};
    await page.goto(app.server.url);
    await page.getByTestId("draw-pad").waitFor();
    found["/"] = await seriousViolations(page);
    // field mode with a reading on screen: its boxes and labels drawn over the image
    await page.goto(`${app.server.url}/#field`);
    await page.getByTestId("file-input").setInputFiles({ name: "field.png", mimeType: "image/png", buffer: await fieldPng("47 LX") });
    await page.getByTestId("field-text").waitFor();
    found["/#field"] = await seriousViolations(page);
    await page.goto(`${app.server.url}/admin/queue`);
    await page.getByLabel("Username").waitFor();
    found["/admin/login"] = await seriousViolations(page);
    await signInByKeyboard(page, "carol", "carol password", "/admin/queue");
    await page.getByTestId("current-prediction").waitFor();
    found["/admin/queue"] = await seriousViolations(page);
    await page.goto(`${app.server.url}/admin/stats`);
    found["/admin/stats"] = await seriousViolations(page);
    await page.goto(`${app.server.url}/admin/models`);
    await page.getByTestId("model-1").waitFor();
    found["/admin/models"] = await seriousViolations(page);
    expect(found).toEqual({ "/": [], "/#field": [], "/admin/login": [], "/admin/queue": [], "/admin/stats": [], "/admin/models": [] });
    await page.close();
  });
});
