import os from "node:os";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { log } from "../log";
import { executeRun } from "./job";
import { claimRun, recoverStaleRuns } from "./runs";
import { forgetWorker, reportWorker, type StackStatus } from "./availability";
import { prepareTrainingStack } from "./stack";
import { maybeQueueRetrain } from "./trigger";

/**
 * Polls for work: requeues runs whose worker died, queues a retrain when enough new samples are
 * approved, and executes queued runs one at a time. Any number of workers may share a database.
 */
export class Worker {
  readonly id = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private stopping = false;
  private wake?: () => void;
  private stack: StackStatus = { state: "checking", detail: "starting" };
  private current?: AbortController;

  constructor(
    private readonly db: Db,
    private readonly cfg: Config,
  ) {}

  /** Sets up the training packages (apt, in the background of npm start), telling the database how it goes. */
  async prepare(): Promise<StackStatus> {
    this.stack = await prepareTrainingStack(this.cfg, async (s) => {
      this.stack = s;
      log.info({ worker: this.id, ...s }, "training stack");
      await reportWorker(this.db, this.id, s).catch(() => undefined);
    });
    return this.stack;
  }

  /** One pass; returns whether a run was executed. Runs wait in the queue until this machine can train. */
  async tick(): Promise<boolean> {
    if (this.stack.state !== "ready") return false;
    const recovered = await recoverStaleRuns(this.db);
    if (recovered.requeued.length || recovered.failed.length) log.warn({ ...recovered }, "recovered runs of a worker that stopped");
    const trigger = await maybeQueueRetrain(this.db, this.cfg.RETRAIN_AFTER);
    if (trigger.queued) log.info({ run: trigger.runId, unseen: trigger.unseen }, "queued a retraining run");
    const run = await claimRun(this.db, this.id);
    if (!run) return false;
    log.info({ run: run.id, mode: run.mode, worker: this.id }, "training run started");
    this.current = new AbortController();
    try {
      await executeRun(this.db, this.cfg, run, this.id, { signal: this.current.signal });
    } finally {
      this.current = undefined;
    }
    const done = await this.db.trainingRun.findUnique({ where: { id: run.id }, select: { status: true, error: true, modelVersionId: true } });
    log.info({ run: run.id, ...done }, "training run finished");
    return true;
  }

  async run(): Promise<void> {
    // The row stays fresh while packages install and while a run trains (minutes), so pages never take a
    // busy worker for a gone one.
    const alive = setInterval(() => void reportWorker(this.db, this.id, this.stack).catch(() => undefined), 10_000);
    try {
      await this.prepare();
      while (!this.stopping) {
        try {
          if (await this.tick()) continue;
        } catch (err) {
          log.error({ err: err instanceof Error ? err.message : String(err) }, "worker pass failed");
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.cfg.WORKER_POLL_MS).unref();
        });
      }
    } finally {
      clearInterval(alive);
    }
  }

  /** Stops polling and the run under way (its processes included); the caller puts the run back in the queue. */
  stop(): void {
    this.stopping = true;
    this.current?.abort();
    this.wake?.();
  }

  /** Removes this worker's row (and any left by workers long gone). */
  async forget(): Promise<void> {
    await forgetWorker(this.db, this.id);
  }
}
