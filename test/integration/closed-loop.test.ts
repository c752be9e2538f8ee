import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { parseConfig } from "../../lib/config";
import { createPool } from "../../lib/db/pool";
import { registerBundledModel } from "../../lib/db/seed";
import { importDataset } from "../../lib/datasets/import";
import { ActiveModel } from "../../lib/inference/active-model";
import { Batcher } from "../../lib/inference/batcher";
import { relabelSample } from "../../lib/labelling/actions";
import { analyseUpload, unwrap } from "../../lib/image/analyse";
import { predictAndStore, type PredictDeps } from "../../lib/samples/predict";
import { UploadStore } from "../../lib/samples/upload-store";
import { Worker } from "../../lib/training/worker";
import { BUNDLED_MODEL } from "../helpers/app";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { python } from "../helpers/python";

/**
 * A way of writing "4" that the bundled model has never seen: a box open at the bottom with a bar
 * through it. Visitors upload it, admins relabel it, and the loop must teach it to the model.
 */
function oddFour(i: number): Promise<Buffer> {
  const rotate = ((i * 37) % 17) - 8;
  const stroke = 5 + (i % 5);
  const squeeze = 0.8 + ((i * 13) % 5) * 0.08;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect x="-50" y="-50" width="200" height="200" fill="#fff"/>
    <g transform="rotate(${rotate} 50 50) translate(50 50) scale(${squeeze} 1) translate(-50 -50)">
    <path d="M28 86 L28 18 L72 18 L72 86 M12 58 L88 58" fill="none" stroke="#111" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/></g></svg>`;
  return sharp(Buffer.from(svg), { density: 144 + (i % 4) * 36 }).png().toBuffer();
}

describe("the closed loop", () => {
  let t: TestDatabase;
  const tinyData = mkdtempSync(path.join(os.tmpdir(), "handprint-loop-"));
  beforeAll(async () => {
    t = await freshDatabase();
    await registerBundledModel(t.db, BUNDLED_MODEL);
    python(["training/generate.py", "--out", tinyData, "--max-fonts", "6", "--per-font", "4", "--test-per-font", "3", "--workers", "2"]);
    await importDataset(t.db, { dir: tinyData });
  });
  afterAll(() => t.drop());

  it("approving enough wrongly read uploads fine-tunes a better model by itself, which then reads them right", async () => {
    const cfg = parseConfig({ ...process.env, RETRAIN_AFTER: "40", FINE_TUNE_EPOCHS: "3", GATE_TOLERANCE_POINTS: "0.5" });
    const active = new ActiveModel(t.db, { pollMs: 200, threads: 1 });
    const pool = createPool(t.url);
    const deps: PredictDeps = {
      uploads: new UploadStore(pool),
      batcher: new Batcher(() => active.require(), { maxBatch: 8 }),
      model: () => active.require(),
      analyse: async (bytes) => unwrap(await analyseUpload(bytes, 40_000_000)),
      maxUploadBytes: 10_000_000,
    };
    const admin = await t.db.user.create({ data: { username: "alice", passwordHash: "x" } });
    try {
      // held-out writings of the odd 4, never uploaded: the model gets them wrong today
      const unseen = await Promise.all(Array.from({ length: 12 }, (_, i) => oddFour(1000 + i)));
      const readAll = async () => (await Promise.all(unseen.map((b) => predictAndStore(deps, { bytes: b })))).map((p) => p.label);
      const before = await readAll();
      expect(before.filter((l) => l === "4").length).toBeLessThanOrEqual(3);
      await t.db.sample.deleteMany({ where: { source: "user" } });

      // visitors upload 60, admins relabel them as 4
      const uploads = [];
      for (let i = 0; i < 60; i++) uploads.push(await predictAndStore(deps, { bytes: await oddFour(i) }));
      for (const u of uploads) await relabelSample(t.db, admin.id, { id: u.id, version: 0, label: "4" });
      const trainCount = await t.db.sample.count({ where: { source: "user", split: "train", status: "approved" } });
      expect(trainCount).toBeGreaterThanOrEqual(40);

      // the worker sees enough new approvals, queues a fine-tune by itself, runs it and the gate
      const worker = new Worker(t.db, cfg);
      expect(await worker.prepare()).toMatchObject({ state: "ready" });
      expect(await worker.tick()).toBe(true);
      const run = await t.db.trainingRun.findFirstOrThrow({ include: { modelVersion: true } });
      expect(run).toMatchObject({ trigger: "auto", mode: "fine_tune", status: "succeeded" });
      expect(run.logTail).toMatch(/gate: passed/);
      expect(run.modelVersion).toMatchObject({ number: 2, status: "active" });

      // every server picks the new version up and now reads the odd 4 right
      await active.refresh();
      const after = await readAll();
      expect(after.filter((l) => l === "4").length).toBeGreaterThanOrEqual(10);
      expect(active.get()!.number).toBe(2);
    } finally {
      await active.stop();
      await pool.end();
    }
  }, 180_000); // a real fine-tune on this 2-core machine: about a minute, more when the machine is busy
});
