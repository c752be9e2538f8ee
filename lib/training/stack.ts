import os from "node:os";
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { TrainingWorkerState } from "../db/generated/client";
import { aptInstall, installCommand, missingPackages } from "../system-packages";

export type StackStatus = { state: TrainingWorkerState; detail: string };

/**
 * Makes this machine able to train: installs the training packages (PyTorch first among them) with apt
 * when they are missing and apt may run, reporting each state as it goes. Never throws: what it cannot
 * do comes back as "unavailable" with the reason and the command that fixes it.
 */
export async function prepareTrainingStack(cfg: Config, report: (s: StackStatus) => Promise<void> | void): Promise<StackStatus> {
  await report({ state: "checking", detail: `checking PyTorch and the training packages for ${cfg.PYTHON}` });
  const missing = missingPackages(["training"], cfg.PYTHON).map((p) => p.name);
  if (!missing.length) return finish({ state: "ready", detail: `PyTorch and the training packages are installed (${cfg.PYTHON})` });
  const fix = `${installCommand(missing)}, then restart the worker (npm start or npm run worker)`;
  if (cfg.SKIP_APT) return finish({ state: "unavailable", detail: `${missing.join(", ")} not installed and SKIP_APT is set; run: ${fix}` });
  const what = missing.includes("python3-torch") ? "PyTorch" : missing.join(", ");
  await report({ state: "installing", detail: `installing ${what} (${missing.join(" ")})…` });
  try {
    await aptInstall(missing, `training needs ${missing.join(", ")}`, () => undefined, { quiet: true });
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    return finish({ state: "unavailable", detail: `${reason}; run: ${fix}` });
  }
  const still = missingPackages(["training"], cfg.PYTHON).map((p) => p.name);
  return finish(
    still.length
      ? { state: "unavailable", detail: `${still.join(", ")} still cannot be used by ${cfg.PYTHON} after installing; run: ${fix}` }
      : { state: "ready", detail: `installed ${missing.join(", ")}` },
  );

  async function finish(s: StackStatus): Promise<StackStatus> {
    await report(s);
    return s;
  }
}

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
