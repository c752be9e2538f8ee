import os from "node:os";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { log } from "../log";
import { executeRun } from "./job";
import { claimRun, recoverStaleRuns } from "./runs";
import { maybeQueueRetrain } from "./trigger";

/**
 * Polls for work: requeues runs whose worker died, queues a retrain when enough new samples are
 * approved, and executes queued runs one at a time. Any number of workers may share a database.
 */
export class Worker {
  readonly id = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private stopping = false;
  private wake?: () => void;

  constructor(
    private readonly db: Db,
    private readonly cfg: Config,
  ) {}

  /** One pass; returns whether a run was executed. */
  async tick(): Promise<boolean> {
    const recovered = await recoverStaleRuns(this.db);
    if (recovered.requeued.length || recovered.failed.length) log.warn({ ...recovered }, "recovered runs of a worker that stopped");
    const trigger = await maybeQueueRetrain(this.db, this.cfg.RETRAIN_AFTER);
    if (trigger.queued) log.info({ run: trigger.runId, unseen: trigger.unseen }, "queued a retraining run");
    const run = await claimRun(this.db, this.id);
    if (!run) return false;
    log.info({ run: run.id, mode: run.mode, worker: this.id }, "training run started");
    await executeRun(this.db, this.cfg, run, this.id);
    const done = await this.db.trainingRun.findUnique({ where: { id: run.id }, select: { status: true, error: true, modelVersionId: true } });
    log.info({ run: run.id, ...done }, "training run finished");
    return true;
  }

  async run(): Promise<void> {
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
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }
}
