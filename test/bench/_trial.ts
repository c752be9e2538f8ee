// Manual trial of the running app (npm start on :3000): upload odd 4s, relabel them by keyboard in the
// console, watch the run start by itself, see the new model read them right. Not part of the suite.
import sharp from "sharp";
import { launchBrowser } from "/work/main/test/helpers/browser";
const BASE = "http://localhost:3000";
const N = Number(process.env.N ?? 230);
function oddFour(i: number): Promise<Buffer> {
  const rotate = ((i * 37) % 17) - 8;
  const stroke = 5 + (i % 5);
  const squeeze = 0.8 + ((i * 13) % 5) * 0.08;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect x="-50" y="-50" width="200" height="200" fill="#fff"/>
    <g transform="rotate(${rotate} 50 50) translate(50 50) scale(${squeeze} 1) translate(-50 -50)">
    <path d="M28 86 L28 18 L72 18 L72 86 M12 58 L88 58" fill="none" stroke="#111" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/></g></svg>`;
  return sharp(Buffer.from(svg), { density: 144 + (i % 4) * 36 }).png().toBuffer();
}
async function predict(png: Buffer) {
  const form = new FormData();
  form.append("image", new Blob([new Uint8Array(png)], { type: "image/png" }), "four.png");
  const res = await fetch(`${BASE}/api/predict`, { method: "POST", body: form });
  return (await res.json()) as { id: number; label: string; confidence: number; model: { version: number } };
}
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
async function main() {
  const heldOut = await Promise.all(Array.from({ length: 12 }, (_, i) => oddFour(Number(process.env.HELD_OUT ?? 5000) + i)));
  const before = await Promise.all(heldOut.map(predict));
  log("before: held-out readings", before.map((p) => p.label).join(" "), "model", before[0].model.version);
  if (process.env.PHASE === "upload") {
    for (let i = 0; i < N; i++) await predict(await oddFour(Number(process.env.START ?? 3000) + i));
    log(`uploaded ${N}`);
  }
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${BASE}/admin/login`);
  await page.keyboard.type("admin");
  await page.keyboard.press("Tab");
  await page.keyboard.type(process.env.ADMIN_PASSWORD!);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/admin/queue**");
  const gql = (query: string) => page.evaluate(async (q) => (await fetch("/api/graphql", { method: "POST", headers: { "content-type": "application/json", "apollo-require-preflight": "1" }, body: JSON.stringify({ query: q }) })).json(), query);
  // the held-out writings are for checking only: rejected, so they never become training data
  const rejected = await gql(`mutation { rejectSamples(items: [${before.map((p) => `{ id: "${p.id}", version: 0 }`).join(", ")}]) { id ok } }`);
  log("held-out rejected", JSON.stringify(rejected).slice(0, 200));
  if (process.env.PHASE !== "after") {
    await page.reload();
    await page.getByTestId("current-prediction").waitFor();
    await page.screenshot({ path: "/tmp/scratch/shots/queue.png" });
    let done = 0;
    for (;;) {
      const pending = await page.getByTestId("pending-count").textContent();
      if (!pending || pending.startsWith("0 ")) break;
      const before = await page.getByTestId("queue-message").textContent().catch(() => "");
      await page.keyboard.press("4");
      await page.waitForFunction((prev) => { const t = document.querySelector('[data-testid="queue-message"]')?.textContent ?? ""; return t !== prev && /Relabelled/.test(t); }, before);
      if (++done % 50 === 0) log(`relabelled ${done}, ${pending}`);
      if (done >= N + 20) break;
    }
    log(`relabelled ${done} by keyboard`);
  }
  let shot = false;
  for (;;) {
    const r = await gql("{ trainingRuns(first: 3) { id status trigger mode progress error modelVersion metrics logTail } }");
    const run = r.data.trainingRuns[0];
    if (run) log(run.id, run.status, run.trigger, run.mode, run.progress.toFixed(2), run.metrics?.epoch ?? "", run.metrics?.etaS ?? "");
    else log("no run yet", JSON.stringify(r.errors ?? ""));
    if (run?.status === "RUNNING" && run.progress > 0.3 && !shot) {
      await page.goto(`${BASE}/admin/models`);
      await page.waitForTimeout(3000);
      await page.screenshot({ path: "/tmp/scratch/shots/models-live.png", fullPage: true });
      shot = true;
    }
    if (run && ["SUCCEEDED", "FAILED", "CANCELLED"].includes(run.status)) { log(JSON.stringify(run).slice(0, 3000)); break; }
    await new Promise((r) => setTimeout(r, 10_000));
  }
  await page.goto(`${BASE}/admin/models`);
  await page.waitForTimeout(2000);
  await page.screenshot({ path: "/tmp/scratch/shots/models-after.png", fullPage: true });
  await new Promise((r) => setTimeout(r, 8000)); // hot swap polling
  const after = await Promise.all(heldOut.map(predict));
  log("after: held-out readings", after.map((p) => p.label).join(" "), "model", after[0].model.version);
  await browser.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
