import type { Db } from "../db/client";
import { withNamedLock } from "../db/lock";
import { TRAINING_QUEUE_LOCK } from "./runs";

/**
 * Approved user training samples that the active model has not seen: those approved (or relabelled) by a
 * LabelEvent newer than the model's cutoff and still approved now.
 */
export async function unseenApprovedSamples(db: Db): Promise<number> {
  const active = await db.modelVersion.findFirst({ where: { status: "active" }, orderBy: { activatedAt: "desc" }, select: { labelEventCutoff: true } });
  const rows = await db.$queryRawUnsafe<{ n: bigint | number }[]>(
    `SELECT COUNT(DISTINCT e.sampleId) AS n FROM LabelEvent e JOIN Sample s ON s.id = e.sampleId
     WHERE e.id > ? AND e.toStatus = 'approved' AND s.status = 'approved' AND s.source = 'user' AND s.split = 'train'`,
    active?.labelEventCutoff ?? 0,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * True when the latest run failed, or made a candidate the gate turned away, and nothing was approved
 * since it was queued: queuing again by itself would end the same way, over and over. New approvals, or
 * an admin, start the next one.
 */
async function lastRunWentNowhereOnTheseApprovals(db: Db): Promise<boolean> {
  const last = await db.trainingRun.findFirst({ orderBy: { id: "desc" }, select: { status: true, createdAt: true, modelVersion: { select: { status: true } } } });
  const wentNowhere = last?.status === "failed" || (last?.status === "succeeded" && last.modelVersion?.status === "rejected");
  if (!wentNowhere) return false;
  return (await db.labelEvent.count({ where: { toStatus: "approved", createdAt: { gt: last.createdAt } } })) === 0;
}

/**
 * Queues a fine-tuning run when enough new approved samples exist and no run is queued or running.
 * A named lock makes the check and the insert atomic across servers.
 */
export async function maybeQueueRetrain(db: Db, threshold: number): Promise<{ queued: boolean; unseen: number; runId?: number }> {
  const unseen = await unseenApprovedSamples(db);
  if (unseen < threshold || (await lastRunWentNowhereOnTheseApprovals(db))) return { queued: false, unseen };
  return db.$transaction((tx) =>
    withNamedLock(tx, TRAINING_QUEUE_LOCK, async () => {
      const busy = await tx.trainingRun.count({ where: { status: { in: ["queued", "running"] } } });
      if (busy) return { queued: false, unseen };
      const base = await tx.modelVersion.findFirst({ where: { status: "active" }, orderBy: { activatedAt: "desc" }, select: { id: true } });
      const run = await tx.trainingRun.create({ data: { trigger: "auto", mode: "fine_tune", baseModelId: base?.id } });
      return { queued: true, unseen, runId: run.id };
    }),
  );
}
