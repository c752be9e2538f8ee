import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Config } from "../config";
import { resolvePath, ROOT } from "../config";
import type { Db } from "../db/client";
import type { Prisma, TrainingRun } from "../db/generated/client";
import { exportDataset } from "../datasets/export";
import { importDataset } from "../datasets/import";
import { parseCard } from "../models/card";
import { buildCard, type TrainResult } from "./card";
import { loadGateSets, runGate } from "./gate";
import { activate } from "./registry";
import { heartbeat } from "./runs";

const LOG_TAIL = 6000;

type CurvePoint = { at: number; loss: number; accuracy: number };
type Progress = { epoch?: number; epochs?: number; step?: number; loss?: number; accuracy?: number; etaS?: number; history: unknown[]; curve: CurvePoint[] };
const CURVE_POINTS = 300; // the live loss and accuracy curves keep at most this many points (thinned evenly)

function addPoint(curve: CurvePoint[], point: CurvePoint): void {
  curve.push(point);
  if (curve.length > CURVE_POINTS) for (let i = curve.length - 2; i > 0; i -= 2) curve.splice(i, 1);
}

class RunLog {
  private text = "";
  constructor(private readonly onLine?: (line: string) => void) {}
  add(line: string) {
    this.onLine?.(line);
    this.text = `${this.text}${line}\n`.slice(-LOG_TAIL);
  }
  get tail() {
    return this.text;
  }
}

/** The database needs base data to train and gate on; on first use it comes from the generated set. */
async function ensureBaseData(db: Db, cfg: Config, log: RunLog): Promise<void> {
  if (await db.sample.count({ where: { source: { not: "user" }, status: "approved", split: "train" } })) return;
  const dir = resolvePath(cfg.BASE_DATA_DIR);
  if (!existsSync(path.join(dir, "manifest.json")) && !existsSync(dir)) {
    log.add(`no base data in the database and none in ${cfg.BASE_DATA_DIR}: generating it (a few minutes, once)`);
    await runProcess(cfg.PYTHON, [path.join(ROOT, "training", "generate.py"), "--out", dir], (line) => log.add(line));
  }
  log.add(`importing the base data from ${cfg.BASE_DATA_DIR} (once)`);
  const res = await importDataset(db, { dir, onProgress: (p) => p.done === p.total && log.add(`imported ${p.split}: ${p.total}`) });
  log.add(`imported ${res.inserted} base samples`);
}

function runProcess(cmd: string, args: string[], onLine: (line: string) => void, register?: (kill: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, PYTHONUNBUFFERED: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    register?.(() => child.kill("SIGTERM"));
    let stderr = "";
    let buffered = "";
    child.stdout.on("data", (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      lines.filter(Boolean).forEach(onLine);
    });
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (buffered) onLine(buffered);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(args[0] ?? cmd)} ${signal ? `was stopped (${signal})` : `exited with code ${code}`}${stderr ? `: ${stderr.trim().split("\n").slice(-5).join(" | ")}` : ""}`));
    });
  });
}

/**
 * One training run from start to finish: base data, a snapshot of the approved samples as IDX, the
 * Python trainer (GPU when present) with progress streamed into the run, then a candidate model version
 * judged by the gate. Any failure leaves the serving model as it was.
 */
export async function executeRun(db: Db, cfg: Config, run: TrainingRun, workerId: string, onLine?: (line: string) => void): Promise<void> {
  const log = new RunLog(onLine);
  const work = await mkdtemp(path.join(os.tmpdir(), `handprint-run-${run.id}-`));
  let kill: (() => void) | undefined;
  let cancelled = false;
  const progress: Progress = { history: [], curve: [] };
  let lastWrite = 0;
  const beat = async (force = false) => {
    if (!force && Date.now() - lastWrite < 2000) return;
    lastWrite = Date.now();
    const alive = await heartbeat(db, run.id, workerId, {
      progress: progress.epochs ? Math.min(0.99, ((progress.epoch ?? 1) - 1 + (progress.step ?? 0)) / progress.epochs) : 0,
      metrics: progress as unknown as Prisma.InputJsonValue,
      logTail: log.tail,
    });
    if (!alive && !cancelled) {
      cancelled = true;
      log.add("the run was cancelled");
      kill?.();
    }
  };
  const ticker = setInterval(() => void beat(true).catch(() => undefined), 5000);
  try {
    await ensureBaseData(db, cfg, log);
    const base = run.baseModelId ? await db.modelVersion.findUnique({ where: { id: run.baseModelId } }) : undefined;
    const active = await db.modelVersion.findFirst({ where: { status: "active" }, orderBy: { activatedAt: "desc" } });
    const parent = base ?? active ?? undefined;
    const classSet = parent?.classSet ?? "balanced47";
    const cutoff = (await db.labelEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const fineTune = run.mode === "fine_tune" && !!parent?.weights;
    if (run.mode === "fine_tune" && !fineTune) log.add("the base model has no weights to fine-tune from: training from scratch instead");

    const dataDir = path.join(work, "data");
    const exported = await exportDataset(db, { classSet, out: dataDir, ...(fineTune ? { trainBaseLimit: 30_000, userRepeat: 5, realRepeat: 2 } : {}) });
    log.add(`exported ${JSON.stringify(exported.counts)} (${classSet})`);
    if (cancelled) return;

    const args = [path.join(ROOT, "training", "train.py"), "--data", dataDir, "--out", path.join(work, "run"), "--classes", classSet];
    if (fineTune) {
      const init = path.join(work, "init.pt");
      await writeFile(init, parent!.weights!);
      args.push("--init", init, "--epochs", String(cfg.FINE_TUNE_EPOCHS), "--lr", "3e-4");
    } else {
      args.push("--epochs", String(cfg.FULL_TRAIN_EPOCHS));
    }
    progress.epochs = fineTune ? cfg.FINE_TUNE_EPOCHS : cfg.FULL_TRAIN_EPOCHS;
    await runProcess(cfg.PYTHON, args, (line) => {
      log.add(line);
      try {
        const e = JSON.parse(line) as Record<string, number | string>;
        if (e.event === "step") {
          Object.assign(progress, { epoch: e.epoch, step: Number(e.step) / Number(e.steps), loss: e.loss, accuracy: e.accuracy, etaS: e.eta_s });
          addPoint(progress.curve, { at: Number(e.epoch) - 1 + progress.step!, loss: Number(e.loss), accuracy: Number(e.accuracy) });
        }
        if (e.event === "epoch") progress.history.push(e);
      } catch {
        // a plain log line
      }
      void beat().catch(() => undefined);
    }, (k) => (kill = k));
    if (cancelled) return;

    const result = JSON.parse(await readFile(path.join(work, "run", "result.json"), "utf8")) as TrainResult;
    const onnx = await readFile(path.join(work, "run", "model.onnx"));
    const weights = await readFile(path.join(work, "run", "weights.pt"));
    const last = await db.modelVersion.aggregate({ _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const card = buildCard(`handprint-${classSet}-v${number}`, result, onnx, { data: { description: "base data and approved user samples from the database", exported: exported.counts } });
    const candidate = await db.modelVersion.create({
      data: {
        number,
        classSet,
        onnx,
        weights,
        sha256: card.sha256,
        card: card as unknown as Prisma.InputJsonValue,
        status: "candidate",
        parentId: parent?.id,
        labelEventCutoff: cutoff,
        dataCounts: exported.counts as unknown as Prisma.InputJsonValue,
      },
    });
    log.add(`candidate model version ${number}: held-out top-1 ${(result.test.top1 * 100).toFixed(2)}%; evaluating against the active model`);
    const sets = await loadGateSets(db);
    const decision = await runGate(
      { onnx, classes: result.classes, classSet },
      active ? { onnx: active.onnx, classes: parseCard(active.card, `model version ${active.number}`).classes, classSet: active.classSet } : undefined,
      sets,
      cfg.GATE_TOLERANCE_POINTS,
    );
    log.add(`gate: ${decision.pass ? "passed" : "failed"}: ${decision.reason}`);
    await db.modelVersion.update({ where: { id: candidate.id }, data: { metrics: { gate: decision, heldOut: result.test } as unknown as Prisma.InputJsonValue, status: decision.pass ? "candidate" : "rejected" } });
    if (decision.pass) await activate(db, candidate.id);
    await db.trainingRun.updateMany({
      where: { id: run.id, workerId },
      data: {
        status: "succeeded",
        progress: 1,
        finishedAt: new Date(),
        modelVersionId: candidate.id,
        metrics: { ...progress, gate: decision } as unknown as Prisma.InputJsonValue,
        logTail: log.tail,
      },
    });
  } catch (err) {
    if (cancelled) return;
    const message = err instanceof Error ? err.message : String(err);
    log.add(`failed: ${message}`);
    await db.trainingRun.updateMany({ where: { id: run.id, workerId, status: "running" }, data: { status: "failed", finishedAt: new Date(), error: message, logTail: log.tail } });
  } finally {
    clearInterval(ticker);
    await rm(work, { recursive: true, force: true });
  }
}
