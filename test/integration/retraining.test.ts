import { execSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseConfig } from "../../lib/config";
import { createDb } from "../../lib/db/client";
import { registerBundledModel } from "../../lib/db/seed";
import { importDataset } from "../../lib/datasets/import";
import { ActiveModel } from "../../lib/inference/active-model";
import { Batcher } from "../../lib/inference/batcher";
import { approveSample } from "../../lib/labelling/actions";
import { loadGateSets, runGate } from "../../lib/training/gate";
import { describeAvailability, trainingAvailability } from "../../lib/training/availability";
import { executeRun } from "../../lib/training/job";
import { baseDataToImport, wholeDataset } from "../../lib/training/stages/prepare";
import { Worker } from "../../lib/training/worker";
import { promoteModel, rollbackModel } from "../../lib/training/registry";
import { cancelTraining, claimRun, heartbeat, HEARTBEAT_TIMEOUT_MS, recoverStaleRuns, startTraining } from "../../lib/training/runs";
import { maybeQueueRetrain, unseenApprovedSamples } from "../../lib/training/trigger";
import { BUNDLED_MODEL } from "../helpers/app";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { python } from "../helpers/python";
import { seedUploads } from "../helpers/samples";

describe("retraining: trigger, claims, recovery, gate, registry, hot swap", () => {
  let t: TestDatabase;
  let adminId: number;
  const tinyData = mkdtempSync(path.join(os.tmpdir(), "handprint-tiny-"));
  const badRun = mkdtempSync(path.join(os.tmpdir(), "handprint-bad-"));

  beforeAll(async () => {
    // a tiny generated set for base data, and a barely trained model to play the bad candidate
    python(["training/generate.py", "--out", tinyData, "--max-fonts", "4", "--per-font", "2", "--test-per-font", "2", "--workers", "2"]);
    python(["training/train.py", "--data", tinyData, "--out", badRun, "--epochs", "1", "--limit", "300"]);
  });
  beforeEach(async () => {
    t = await freshDatabase();
    await registerBundledModel(t.db, BUNDLED_MODEL);
    adminId = (await t.db.user.create({ data: { username: "alice", passwordHash: "x" } })).id;
  });
  afterEach(() => t.drop());

  const approveAll = async (ids: number[]) => {
    for (const id of ids) await approveSample(t.db, adminId, { id, version: 0 });
  };
  const train = (ids: number[]) => t.db.sample.updateMany({ where: { id: { in: ids } }, data: { split: "train" } });

  it("queues one fine-tuning run once RETRAIN_AFTER approved samples are new to the active model", async () => {
    const ids = await seedUploads(t.db, Array.from({ length: 5 }, () => ({ predicted: "7", confidence: 0.5 })));
    await train(ids);
    await approveAll(ids.slice(0, 2));
    expect(await unseenApprovedSamples(t.db)).toBe(2);
    expect(await maybeQueueRetrain(t.db, 3)).toEqual({ queued: false, unseen: 2 });
    await approveAll(ids.slice(2, 3));
    const queued = await maybeQueueRetrain(t.db, 3);
    expect(queued).toMatchObject({ queued: true, unseen: 3 });
    await approveAll(ids.slice(3));
    expect(await maybeQueueRetrain(t.db, 3)).toMatchObject({ queued: false, unseen: 5 });
    const runs = await t.db.trainingRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "queued", trigger: "auto", mode: "fine_tune" });
    // samples a model was trained on no longer count
    const cutoff = (await t.db.labelEvent.aggregate({ _max: { id: true } }))._max.id!;
    await t.db.modelVersion.updateMany({ where: { status: "active" }, data: { labelEventCutoff: cutoff } });
    expect(await unseenApprovedSamples(t.db)).toBe(0);
    await expect(startTraining(t.db, "full", adminId)).rejects.toThrow(/already queued/);
  });

  it("does not queue again by itself after a run failed or its candidate was rejected, until something new is approved", async () => {
    const ids = await seedUploads(t.db, Array.from({ length: 5 }, () => ({ predicted: "7", confidence: 0.5 })));
    await train(ids);
    await approveAll(ids.slice(0, 3));
    const first = await maybeQueueRetrain(t.db, 3);
    expect(first.queued).toBe(true);
    await t.db.trainingRun.update({ where: { id: first.runId }, data: { status: "failed", error: "boom", finishedAt: new Date() } });
    expect(await maybeQueueRetrain(t.db, 3)).toEqual({ queued: false, unseen: 3 });
    await approveAll(ids.slice(3, 4));
    const second = await maybeQueueRetrain(t.db, 3);
    expect(second).toMatchObject({ queued: true, unseen: 4 });
    // the gate turns the candidate away: the same approvals would only make the same candidate again
    const rejected = await t.db.modelVersion.create({ data: { number: 99, classSet: "balanced47", onnx: new Uint8Array(1), sha256: "0".repeat(64), card: {}, status: "rejected" } });
    await t.db.trainingRun.update({ where: { id: second.runId }, data: { status: "succeeded", finishedAt: new Date(), modelVersionId: rejected.id } });
    expect(await maybeQueueRetrain(t.db, 3)).toEqual({ queued: false, unseen: 4 });
    await approveAll(ids.slice(4));
    expect(await maybeQueueRetrain(t.db, 3)).toMatchObject({ queued: true, unseen: 5 });
  });

  it("gives each queued run to exactly one of several workers", async () => {
    const other = createDb(t.url);
    await startTraining(t.db, "fine_tune");
    const claims = await Promise.all([claimRun(t.db, "worker-a"), claimRun(other, "worker-b"), claimRun(other, "worker-c")]);
    const winners = claims.filter(Boolean);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ status: "running", attempts: 1 });
    await t.db.trainingRun.create({ data: { trigger: "manual", mode: "full" } });
    await t.db.trainingRun.create({ data: { trigger: "manual", mode: "full" } });
    const [a, b] = await Promise.all([claimRun(t.db, "worker-a"), claimRun(other, "worker-b")]);
    expect(a && b && a.id !== b.id).toBe(true);
    await other.$disconnect();
  });

  it("requeues the run of a worker that stopped sending heartbeats, and fails it after three attempts", async () => {
    await startTraining(t.db, "fine_tune");
    const run = (await claimRun(t.db, "worker-a"))!;
    expect(await heartbeat(t.db, run.id, "worker-a")).toBe(true);
    expect(await recoverStaleRuns(t.db)).toEqual({ requeued: [], failed: [] });
    const later = Date.now() + HEARTBEAT_TIMEOUT_MS + 1000;
    expect(await recoverStaleRuns(t.db, later)).toEqual({ requeued: [run.id], failed: [] });
    expect(await heartbeat(t.db, run.id, "worker-a")).toBe(false); // the old worker learns it lost the run
    await claimRun(t.db, "worker-b");
    await recoverStaleRuns(t.db, later + HEARTBEAT_TIMEOUT_MS * 2);
    await claimRun(t.db, "worker-c");
    expect(await recoverStaleRuns(t.db, later + HEARTBEAT_TIMEOUT_MS * 4)).toEqual({ requeued: [], failed: [run.id] });
    expect(await t.db.trainingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "failed", attempts: 3 });
  });

  it("a trainer killed mid-run fails the run and leaves the serving model untouched", async () => {
    await importDataset(t.db, { dir: tinyData });
    const active = await t.db.modelVersion.findFirstOrThrow({ where: { status: "active" } });
    await startTraining(t.db, "full");
    const run = (await claimRun(t.db, "worker-a"))!;
    const cfg = parseConfig({ ...process.env, FULL_TRAIN_EPOCHS: "50" });
    const job = executeRun(t.db, cfg, run, "worker-a", {
      onLine: (line) => {
        if (line.includes('"event": "step"')) {
          try {
            execSync(`pkill -KILL -f "handprint-run-${run.id}-"`);
          } catch {
            // already gone
          }
        }
      },
    });
    await job;
    const after = await t.db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.status).toBe("failed");
    expect(after.error).toMatch(/train\.py was stopped \(SIGKILL\)/);
    expect(after.logTail).toMatch(/"event": "start"/);
    const still = await t.db.modelVersion.findFirstOrThrow({ where: { status: "active" } });
    expect(still.id).toBe(active.id);
    expect(await t.db.modelVersion.count()).toBe(1);
  });

  it("a worker says whether it can train: ready here, and unavailable with the fix where PyTorch is missing and apt may not run", async () => {
    const ready = new Worker(t.db, parseConfig({ ...process.env }));
    expect(await ready.prepare()).toMatchObject({ state: "ready" });
    expect(await trainingAvailability(t.db)).toMatchObject({ state: "ready", workers: 1 });
    await t.db.trainingWorker.deleteMany();
    const lacking = new Worker(t.db, parseConfig({ ...process.env, PYTHON: "/nonexistent/python3", SKIP_APT: "true" }));
    const status = await lacking.prepare();
    expect(status.state).toBe("unavailable");
    expect(status.detail).toMatch(/^python3-torch, python3-onnx, python3-scipy, python3-pil not installed and SKIP_APT is set; run: sudo apt-get install -y --no-install-recommends python3-torch python3-onnx python3-scipy python3-pil, then restart the worker/);
    expect(describeAvailability(await trainingAvailability(t.db))).toMatch(/^training unavailable: python3-torch/);
    // a queued run waits for a worker that can train instead of failing
    await startTraining(t.db, "fine_tune");
    expect(await lacking.tick()).toBe(false);
    expect(await t.db.trainingRun.findFirstOrThrow()).toMatchObject({ status: "queued" });
  });

  it("a run cancelled just as its trainer finishes registers no candidate and judges nothing", async () => {
    await importDataset(t.db, { dir: tinyData });
    const versions = await t.db.modelVersion.count();
    await startTraining(t.db, "full");
    const run = (await claimRun(t.db, "worker-a"))!;
    const cfg = parseConfig({ ...process.env, BASE_DATA_DIR: tinyData, FULL_TRAIN_EPOCHS: "1" });
    await executeRun(t.db, cfg, run, "worker-a", {
      // the trainer's last line: the cancel arrives after the last heartbeat, before the register stage
      onLine: (line) => void (line.includes('"event": "done"') && cancelTraining(t.db, run.id)),
    });
    const after = await t.db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.status).toBe("cancelled");
    expect(after.logTail).not.toMatch(/candidate model version|gate:/);
    expect(await t.db.modelVersion.count()).toBe(versions);
  });

  it("cancelling a run while it generates base data stops the generator's processes, and nothing after it starts", async () => {
    await startTraining(t.db, "fine_tune");
    const run = (await claimRun(t.db, "worker-a"))!;
    const baseDir = path.join(mkdtempSync(path.join(os.tmpdir(), "handprint-nobase-")), "generated");
    const cfg = parseConfig({ ...process.env, BASE_DATA_DIR: baseDir });
    let generating = false;
    const job = executeRun(t.db, cfg, run, "worker-a", {
      onLine: (line) => {
        if (!generating && line.includes('"event": "start"')) {
          generating = true;
          void cancelTraining(t.db, run.id);
        }
      },
    });
    await job;
    expect(generating).toBe(true);
    const running = spawnSync("pgrep", ["-f", `generate.py --out ${baseDir}`], { encoding: "utf8" });
    expect(running.stdout.trim()).toBe(""); // the generator and its pool workers are gone
    const after = await t.db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.status).toBe("cancelled");
    expect(after.logTail).toMatch(/cancelled: stopping/);
    expect(after.logTail).not.toMatch(/importing the base data/);
    expect(await t.db.sample.count({ where: { source: "generated" } })).toBe(0);
    expect(await t.db.modelVersion.count()).toBe(1);
  });

  it("imports each base data folder the database lacks, even when other real handwriting was imported first", async () => {
    // EMNIST imported by hand before the first fine-tune must not stand in for the generated set
    await t.db.sample.create({ data: { source: "emnist", split: "train", classSet: "balanced47", label: "7", status: "approved", image: new Uint8Array(784), sha256: "e".repeat(64) } });
    expect(await baseDataToImport(t.db, tinyData)).toEqual([tinyData]);
    const missingGenerated = path.join(mkdtempSync(path.join(os.tmpdir(), "handprint-nobase-")), "generated");
    expect(await baseDataToImport(t.db, `${tinyData}, ${missingGenerated}`)).toEqual([tinyData, missingGenerated]);
    await importDataset(t.db, { dir: tinyData });
    expect(await baseDataToImport(t.db, tinyData)).toEqual([]);
  });

  it("a generated folder that a cancel left half-made counts as missing, so the next run generates it again", async () => {
    const halfMade = path.join(mkdtempSync(path.join(os.tmpdir(), "handprint-halfbase-")), "generated");
    mkdirSync(path.join(halfMade, ".parts"), { recursive: true }); // what a cancel during generation leaves
    expect(wholeDataset(halfMade)).toBe(false);
    expect(await baseDataToImport(t.db, halfMade)).toEqual([halfMade]);
    expect(wholeDataset(tinyData)).toBe(true);
  });

  it("the gate keeps a worse candidate out and lets a good one in", async () => {
    await importDataset(t.db, { dir: tinyData });
    const sets = await loadGateSets(t.db);
    expect(sets.base.images.length).toBeGreaterThan(50);
    const classes = JSON.parse(readFileSync(path.join(badRun, "result.json"), "utf8")).classes;
    const good = { onnx: BUNDLED_MODEL, classes, classSet: "balanced47" };
    const bad = { onnx: path.join(badRun, "model.onnx"), classes, classSet: "balanced47" };
    const rejected = await runGate(bad, good, sets, 0.5);
    expect(rejected.pass).toBe(false);
    expect(rejected.reason).toMatch(/worse on the base test set/);
    const accepted = await runGate(good, bad, sets, 0.5);
    expect(accepted.pass).toBe(true);
    expect(accepted.candidate.base!).toBeGreaterThan(accepted.active!.base!);
    expect(accepted.reason).toMatch(new RegExp(`^base [\\d.]+% of ${sets.base.images.length.toLocaleString("en")} `)); // the count behind each score
    // without the base test set there is nothing to judge by: the gate fails instead of passing on "n/a"
    const blind = await runGate(good, bad, { ...sets, base: { images: [], chars: [] } }, 0.5);
    expect(blind).toMatchObject({ pass: false, reason: expect.stringMatching(/the base test set is missing/) });
  });

  it("promotes any version and rolls back to one that served before", async () => {
    const v1 = await t.db.modelVersion.findFirstOrThrow({ where: { status: "active" } });
    const v2 = await t.db.modelVersion.create({
      data: { number: 2, classSet: "balanced47", onnx: readFileSync(path.join(badRun, "model.onnx")), sha256: "b".repeat(64), card: v1.card as object, status: "rejected", parentId: v1.id },
    });
    await promoteModel(t.db, v2.id);
    const statuses = async () => Object.fromEntries((await t.db.modelVersion.findMany()).map((m) => [m.number, m.status]));
    expect(await statuses()).toEqual({ 1: "retired", 2: "active" });
    await rollbackModel(t.db, v1.id);
    expect(await statuses()).toEqual({ 1: "active", 2: "retired" });
    await expect(rollbackModel(t.db, v1.id)).rejects.toThrow(/already active/);
  });

  it("swaps to a newly active version under concurrent predictions without failing one", async () => {
    const v1 = await t.db.modelVersion.findFirstOrThrow({ where: { status: "active" } });
    const v2 = await t.db.modelVersion.create({
      data: { number: 2, classSet: "balanced47", onnx: readFileSync(path.join(badRun, "model.onnx")), sha256: "c".repeat(64), card: v1.card as object, status: "candidate" },
    });
    const active = new ActiveModel(t.db, { pollMs: 50, threads: 1 });
    const batcher = new Batcher(() => active.require(), { maxBatch: 16 });
    await active.require();
    const image = new Uint8Array(784).fill(40);
    const versions: number[] = [];
    let failures = 0;
    let swapped = false;
    // Each client keeps predicting until it has had 20 answers from the new version (polling and
    // loading take a while; a fixed count finished before the swap on a fast machine).
    const deadline = Date.now() + 30_000;
    const load = Array.from({ length: 8 }, async () => {
      let fromNew = 0;
      for (let i = 0; fromNew < 20 && Date.now() < deadline; i++) {
        try {
          const version = (await batcher.predict(image)).model.number;
          versions.push(version);
          if (version === 2) fromNew++;
        } catch {
          failures++;
        }
        if (i === 20 && !swapped) {
          swapped = true;
          await promoteModel(t.db, v2.id);
        }
      }
    });
    await Promise.all(load);
    await active.stop();
    expect(failures).toBe(0);
    expect(versions.length).toBeGreaterThan(160);
    expect(versions[0]).toBe(1);
    expect(versions.at(-1)).toBe(2);
    // once switched, never back
    expect(versions.slice(versions.indexOf(2)).every((v) => v === 2)).toBe(true);
  });
});
