import type { Db } from "../db/client";
import type { Prisma, TrainingMode } from "../db/generated/client";
import { ApiError } from "../api-errors";
import { withNamedLock } from "../db/lock";
import { pageSize } from "../pagination";

export const HEARTBEAT_TIMEOUT_MS = 60_000;
/** Held while checking that no run is queued or running and queuing one (admins and the trigger alike). */
export const TRAINING_QUEUE_LOCK = "handprint_retrain_trigger";
const MAX_ATTEMPTS = 3;

/** An admin's run: refused while another is queued or running. */
export async function startTraining(db: Db, mode: TrainingMode, requestedById?: number) {
  return db.$transaction((tx) =>
    withNamedLock(tx, TRAINING_QUEUE_LOCK, async () => {
      const busy = await tx.trainingRun.findFirst({ where: { status: { in: ["queued", "running"] } }, select: { id: true, status: true } });
      if (busy) throw new ApiError("CONFLICT", `training run ${busy.id} is already ${busy.status}`, { runId: busy.id });
      const base = await tx.modelVersion.findFirst({ where: { status: "active" }, orderBy: { activatedAt: "desc" }, select: { id: true } });
      return tx.trainingRun.create({ data: { trigger: "manual", mode, requestedById, baseModelId: base?.id } });
    }),
  );
}

export async function cancelTraining(db: Db, id: number) {
  const res = await db.trainingRun.updateMany({ where: { id, status: { in: ["queued", "running"] } }, data: { status: "cancelled", finishedAt: new Date() } });
  if (!res.count) {
    const run = await db.trainingRun.findUnique({ where: { id }, select: { status: true } });
    throw run ? new ApiError("CONFLICT", `training run ${id} is already ${run.status}`) : new ApiError("NOT_FOUND", `no training run ${id}`);
  }
  return db.trainingRun.findUniqueOrThrow({ where: { id } });
}

/**
 * Takes the oldest queued run for this worker. FOR UPDATE SKIP LOCKED lets any number of workers
 * share one database: each queued run goes to exactly one of them.
 */
export async function claimRun(db: Db, workerId: string) {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
      "SELECT id FROM TrainingRun WHERE status = 'queued' ORDER BY createdAt, id LIMIT 1 FOR UPDATE SKIP LOCKED",
    );
    if (!rows.length) return undefined;
    const now = new Date();
    return tx.trainingRun.update({
      where: { id: Number(rows[0].id) },
      data: { status: "running", workerId, startedAt: now, heartbeatAt: now, attempts: { increment: 1 }, progress: 0, error: null },
    });
  });
}

/** Progress and liveness from the worker; false when the run was cancelled meanwhile. */
export async function heartbeat(db: Db, id: number, workerId: string, data: Prisma.TrainingRunUpdateManyMutationInput = {}): Promise<boolean> {
  const res = await db.trainingRun.updateMany({ where: { id, workerId, status: "running" }, data: { ...data, heartbeatAt: new Date() } });
  return res.count === 1;
}

/** Runs whose worker stopped sending heartbeats: queued again, or failed after MAX_ATTEMPTS. */
export async function recoverStaleRuns(db: Db, now = Date.now()): Promise<{ requeued: number[]; failed: number[] }> {
  const stale = await db.trainingRun.findMany({
    where: { status: "running", heartbeatAt: { lt: new Date(now - HEARTBEAT_TIMEOUT_MS) } },
    select: { id: true, attempts: true, workerId: true },
  });
  const requeued: number[] = [];
  const failed: number[] = [];
  for (const run of stale) {
    const giveUp = run.attempts >= MAX_ATTEMPTS;
    const res = await db.trainingRun.updateMany({
      where: { id: run.id, status: "running", workerId: run.workerId },
      data: giveUp
        ? { status: "failed", finishedAt: new Date(), error: `worker ${run.workerId} stopped responding (attempt ${run.attempts} of ${MAX_ATTEMPTS})` }
        : { status: "queued", workerId: null, error: `worker ${run.workerId} stopped responding; queued again` },
    });
    if (res.count) (giveUp ? failed : requeued).push(run.id);
  }
  return { requeued, failed };
}

const RUN_INCLUDE = { modelVersion: { select: { number: true } }, baseModel: { select: { number: true } } } as const;

type RunRow = Prisma.TrainingRunGetPayload<{ include: typeof RUN_INCLUDE }>;

/** A run in the API's shape: the versions it made and started from, by number. */
function runView(r: RunRow) {
  return { ...r, modelVersion: r.modelVersion?.number ?? null, baseModel: r.baseModel?.number ?? null };
}

/** The newest runs first; `first` as every list takes it (lib/pagination). */
export async function listTrainingRuns(db: Db, first?: number | null) {
  return (await db.trainingRun.findMany({ orderBy: { id: "desc" }, take: pageSize(first), include: RUN_INCLUDE })).map(runView);
}

export async function findTrainingRun(db: Db, id: number) {
  const r = await db.trainingRun.findUnique({ where: { id }, include: RUN_INCLUDE });
  return r ? runView(r) : null;
}

export async function requireTrainingRun(db: Db, id: number) {
  return runView(await db.trainingRun.findUniqueOrThrow({ where: { id }, include: RUN_INCLUDE }));
}
