import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { Prisma, TrainingRun } from "../db/generated/client";
import { heartbeat } from "./runs";
import { RunLog, type Progress, type RunContext } from "./run-context";
import { judge } from "./stages/judge";
import { prepare } from "./stages/prepare";
import { promote } from "./stages/promote";
import { register } from "./stages/register";
import { train } from "./stages/train";

const HEARTBEAT_MS = 5000;

/**
 * One training run from start to finish, as named stages: prepare (base data and the IDX snapshot),
 * train (the Python trainer, GPU when present), register (a candidate version), judge (ONNX parity and
 * the gate) and promote. A cancel seen in a heartbeat stops the stage under way, every child process
 * included, and nothing after it starts. Any failure leaves the serving model as it was.
 */
export async function executeRun(db: Db, cfg: Config, run: TrainingRun, workerId: string, opts: { onLine?: (line: string) => void; signal?: AbortSignal } = {}): Promise<void> {
  const log = new RunLog(opts.onLine);
  const work = await mkdtemp(path.join(os.tmpdir(), `handprint-run-${run.id}-`));
  const abort = new AbortController();
  const stopFromOutside = () => abort.abort();
  opts.signal?.addEventListener("abort", stopFromOutside, { once: true });
  const progress: Progress = { phase: "starting", history: [], curve: [] };
  let lastWrite = 0;
  let cancelled = false;
  const beat = async (force = false) => {
    if (!force && Date.now() - lastWrite < 2000) return;
    lastWrite = Date.now();
    const alive = await heartbeat(db, run.id, workerId, {
      progress: progress.epochs ? Math.min(0.99, ((progress.epoch ?? 1) - 1 + (progress.step ?? 0)) / progress.epochs) : 0,
      metrics: progress as unknown as Prisma.InputJsonValue,
      logTail: log.tail,
    });
    if (!alive && !abort.signal.aborted) {
      cancelled = true;
      log.add("the run was cancelled: stopping");
      abort.abort();
    }
  };
  const ctx: RunContext = {
    db,
    cfg,
    run,
    workerId,
    work,
    log,
    progress,
    signal: abort.signal,
    phase: async (name) => {
      progress.phase = name;
      await beat(true);
    },
  };
  const ticker = setInterval(() => void beat(true).catch(() => undefined), HEARTBEAT_MS);
  // Between stages the run's row is asked afresh: a cancel that came after the last heartbeat stops the
  // run here, so a cancelled run never registers a candidate, judges it or promotes it.
  const stage = async <T>(step: () => Promise<T>): Promise<T> => {
    await beat(true);
    abort.signal.throwIfAborted();
    return step();
  };
  try {
    await ctx.phase("preparing");
    const prepared = await stage(() => prepare(ctx));
    const trained = await stage(() => train(ctx, prepared));
    const candidate = await stage(() => register(ctx, prepared, trained));
    const judgement = await stage(() => judge(ctx, prepared, trained, candidate));
    await stage(() => promote(ctx, candidate, judgement));
  } catch (err) {
    if (cancelled) {
      // The run already says "cancelled"; keep the log of how far it got.
      await db.trainingRun.updateMany({ where: { id: run.id, workerId }, data: { logTail: log.tail } });
      return;
    }
    if (abort.signal.aborted) return; // this worker is stopping: it puts the run back in the queue
    const message = err instanceof Error ? err.message : String(err);
    log.add(`failed: ${message}`);
    await db.trainingRun.updateMany({ where: { id: run.id, workerId, status: "running" }, data: { status: "failed", finishedAt: new Date(), error: message, logTail: log.tail } });
  } finally {
    clearInterval(ticker);
    opts.signal?.removeEventListener("abort", stopFromOutside);
    await rm(work, { recursive: true, force: true });
  }
}
