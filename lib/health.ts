import type { Db } from "./db/client";
import { errorSummary } from "./errors";
import type { ActiveModel } from "./inference/active-model";

export type Health = {
  ok: boolean;
  database: { ok: boolean; latencyMs?: number; error?: string };
  model: { ok: boolean; version?: number; classSet?: string; classes?: number; error?: string };
};

export async function checkHealth(db: Db, model: ActiveModel): Promise<Health> {
  const started = performance.now();
  const [database, modelStatus] = await Promise.all([
    db
      .$queryRawUnsafe("SELECT 1")
      .then((): Health["database"] => ({ ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 }))
      .catch((err: unknown): Health["database"] => ({ ok: false, error: errorSummary(err) })),
    model
      .require()
      .then((m): Health["model"] => ({ ok: true, version: m.number, classSet: m.classSet, classes: m.classes.length }))
      .catch((err: unknown): Health["model"] => ({ ok: false, error: errorSummary(err) })),
  ]);
  return { ok: database.ok && modelStatus.ok, database, model: modelStatus };
}
