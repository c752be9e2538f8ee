import type { Db } from "./db/client";
import type { ActiveModel } from "./inference/active-model";

export type Health = {
  ok: boolean;
  database: { ok: boolean; latencyMs?: number; error?: string };
  model: { ok: boolean; version?: number; classSet?: string; classes?: number; error?: string };
};

export async function checkHealth(db: Db, model: ActiveModel): Promise<Health> {
  const started = performance.now();
  const database: Health["database"] = await db
    .$queryRawUnsafe("SELECT 1")
    .then(() => ({ ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 }))
    .catch((err: unknown) => ({ ok: false, error: err instanceof Error ? err.message.split("\n")[0] : String(err) }));
  let modelStatus: Health["model"];
  try {
    const m = await model.require();
    modelStatus = { ok: true, version: m.number, classSet: m.classSet, classes: m.classes.length };
  } catch (err) {
    modelStatus = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  return { ok: database.ok && modelStatus.ok, database, model: modelStatus };
}
