import os from "node:os";
import type { Db } from "../db/client";
import type { TrainingWorkerState } from "../db/generated/client";

/** What a worker's machine can do about training (lib/training/stack.ts finds out and installs). */
export type StackStatus = { state: TrainingWorkerState; detail: string };

const SEEN_WITHIN_MS = 60_000;

/** This worker's row: what it can do, refreshed on every pass so readers can tell a live worker. */
export async function reportWorker(db: Db, id: string, s: StackStatus): Promise<void> {
  const seenAt = new Date();
  await db.trainingWorker.upsert({ where: { id }, create: { id, host: os.hostname(), ...s, seenAt }, update: { ...s, seenAt } });
}

export async function forgetWorker(db: Db, id: string): Promise<void> {
  await db.trainingWorker.deleteMany({ where: { OR: [{ id }, { seenAt: { lt: new Date(Date.now() - 10 * SEEN_WITHIN_MS) } }] } });
}

export type TrainingAvailability = { state: TrainingWorkerState | "no_worker"; detail: string; workers: number };

/** Whether training can run now, from the workers seen in the last minute; the best state wins. */
export async function trainingAvailability(db: Db): Promise<TrainingAvailability> {
  const live = await db.trainingWorker.findMany({ where: { seenAt: { gte: new Date(Date.now() - SEEN_WITHIN_MS) } }, orderBy: { seenAt: "desc" } });
  for (const state of ["ready", "installing", "checking", "unavailable"] as const) {
    const w = live.find((r) => r.state === state);
    if (w) return { state, detail: w.detail ?? "", workers: live.filter((r) => r.state === "ready").length };
  }
  return { state: "no_worker", detail: "no training worker is running; npm start runs one, or start one with npm run worker", workers: 0 };
}

/** One line for people: "training: installing PyTorch…", "training unavailable: …". */
export function describeAvailability(a: TrainingAvailability): string {
  if (a.state === "ready") return `training: ready (${a.workers} worker${a.workers === 1 ? "" : "s"})`;
  if (a.state === "unavailable" || a.state === "no_worker") return `training unavailable: ${a.detail}`;
  return `training: ${a.detail}`;
}
