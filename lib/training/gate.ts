import type { Db } from "../db/client";
import { evaluate, type LabelledImages } from "./evaluate";

export type GateSets = { base: LabelledImages; user: LabelledImages };
export type GateScores = { base: number | null; user: number | null; baseCount: number; userCount: number };
export type GateDecision = { pass: boolean; reason: string; candidate: GateScores; active: GateScores | null; tolerance: number };

/**
 * The fixed sets every candidate is judged on: the base test split, and the held-out slice of approved
 * user samples (split = test, never exported for training).
 */
export async function loadGateSets(db: Db): Promise<GateSets> {
  const rows = await db.sample.findMany({
    where: { status: "approved", split: "test", label: { not: null } },
    select: { image: true, label: true, source: true },
  });
  const sets: GateSets = { base: { images: [], chars: [] }, user: { images: [], chars: [] } };
  for (const r of rows) {
    const set = r.source === "user" ? sets.user : sets.base;
    set.images.push(r.image);
    set.chars.push(r.label!);
  }
  return sets;
}

async function score(onnx: Uint8Array | string, classes: string[], classSet: string, sets: GateSets): Promise<GateScores> {
  const base = sets.base.images.length ? await evaluate(onnx, classes, classSet, sets.base) : undefined;
  const user = sets.user.images.length ? await evaluate(onnx, classes, classSet, sets.user) : undefined;
  return { base: base?.top1 ?? null, user: user?.top1 ?? null, baseCount: base?.count ?? 0, userCount: user?.count ?? 0 };
}

/**
 * A candidate replaces the active model only if it is not worse on the base test set (within
 * `tolerance` points of accuracy) and at least as good on the held-out user samples. Scored with
 * onnxruntime-node, the runtime that will serve it.
 */
export async function runGate(
  candidate: { onnx: Uint8Array | string; classes: string[]; classSet: string },
  active: { onnx: Uint8Array | string; classes: string[]; classSet: string } | undefined,
  sets: GateSets,
  tolerancePoints: number,
): Promise<GateDecision> {
  const tolerance = tolerancePoints / 100;
  const cand = await score(candidate.onnx, candidate.classes, candidate.classSet, sets);
  if (!active) return { pass: true, reason: "no model is active", candidate: cand, active: null, tolerance: tolerancePoints };
  const act = await score(active.onnx, active.classes, active.classSet, sets);
  const pct = (v: number | null) => (v == null ? "n/a" : `${(v * 100).toFixed(2)}%`);
  if (cand.base != null && act.base != null && cand.base < act.base - tolerance) {
    return { pass: false, reason: `worse on the base test set: ${pct(cand.base)} against ${pct(act.base)} (tolerance ${tolerancePoints} points)`, candidate: cand, active: act, tolerance: tolerancePoints };
  }
  if (cand.user != null && act.user != null && cand.user < act.user) {
    return { pass: false, reason: `worse on held-out user samples: ${pct(cand.user)} against ${pct(act.user)}`, candidate: cand, active: act, tolerance: tolerancePoints };
  }
  return {
    pass: true,
    reason: `base ${pct(cand.base)} (active ${pct(act.base)}), user ${pct(cand.user)} (active ${pct(act.user)})`,
    candidate: cand,
    active: act,
    tolerance: tolerancePoints,
  };
}
