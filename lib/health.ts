import type { Db } from "./db/client";
import { errorSummary } from "./error-summary";
import type { ImagePool, ImagePoolStatus } from "./image/pool";
import type { ActiveModel } from "./inference/active-model";
import { describeAvailability, trainingAvailability, type TrainingAvailability } from "./training/availability";

export type Health = {
  ok: boolean;
  database: { ok: boolean; latencyMs?: number; error?: string };
  model: { ok: boolean; version?: number; classSet?: string; classes?: number; error?: string };
  /** Whether a fine-tune can run (a worker with PyTorch); serving does not depend on it. */
  training: (TrainingAvailability & { message: string }) | { state: "unknown"; message: string };
  /** The image pool's worker threads and the uploads waiting for one (served by the web process only). */
  imageAnalysis?: ImagePoolStatus;
};

export async function checkHealth(db: Db, model: ActiveModel, images?: ImagePool): Promise<Health> {
  const started = performance.now();
  const [database, modelStatus, training] = await Promise.all([
    db
      .$queryRawUnsafe("SELECT 1")
      .then((): Health["database"] => ({ ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 }))
      .catch((err: unknown): Health["database"] => ({ ok: false, error: errorSummary(err) })),
    model
      .require()
      .then((m): Health["model"] => ({ ok: true, version: m.number, classSet: m.classSet, classes: m.classes.length }))
      .catch((err: unknown): Health["model"] => ({ ok: false, error: errorSummary(err) })),
    trainingAvailability(db)
      .then((a): Health["training"] => ({ ...a, message: describeAvailability(a) }))
      .catch((): Health["training"] => ({ state: "unknown", message: "training: unknown (the database did not answer)" })),
  ]);
  return { ok: database.ok && modelStatus.ok, database, model: modelStatus, training, ...(images && { imageAnalysis: images.status() }) };
}
