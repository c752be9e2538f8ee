import type { Db } from "../db/client";
import { evaluate, type LabelledImages } from "./evaluate";

/** How many real test characters (EMNIST, NIST) the gate scores: a fixed slice, the same for every candidate. */
const REAL_GATE_SLICE = 10_000;

export type GateSets = { base: LabelledImages; real: LabelledImages; user: LabelledImages };
export type GateScores = { base: number | null; real: number | null; user: number | null; baseCount: number; realCount: number; userCount: number };
export type GateDecision = { pass: boolean; reason: string; candidate: GateScores; active: GateScores | null; tolerance: number };

/**
 * The fixed sets every candidate is judged on, none of them ever exported for training (split = test):
 * the generated base test split; real handwriting, the REAL_GATE_SLICE approved test characters from
 * EMNIST or NIST with the smallest sha256 (so the same slice whatever order they were imported in); and
 * the held-out approved user samples.
 */
export async function loadGateSets(db: Db): Promise<GateSets> {
  const select = { image: true, label: true } as const;
  const approvedTest = { status: "approved", split: "test", label: { not: null } } as const;
  const [base, real, user] = await Promise.all([
    db.sample.findMany({ where: { ...approvedTest, source: "generated" }, select }),
    db.sample.findMany({ where: { ...approvedTest, source: { in: ["emnist", "nist"] } }, select, orderBy: { sha256: "asc" }, take: REAL_GATE_SLICE }),
    db.sample.findMany({ where: { ...approvedTest, source: "user" }, select }),
  ]);
  const images = (rows: { image: Uint8Array; label: string | null }[]): LabelledImages => ({ images: rows.map((r) => r.image), chars: rows.map((r) => r.label!) });
  return { base: images(base), real: images(real), user: images(user) };
}

async function score(onnx: Uint8Array | string, classes: string[], classSet: string, sets: GateSets): Promise<GateScores> {
  const run = async (set: LabelledImages) => (set.images.length ? await evaluate(onnx, classes, classSet, set) : undefined);
  const [base, real, user] = [await run(sets.base), await run(sets.real), await run(sets.user)];
  return {
    base: base?.top1 ?? null,
    real: real?.top1 ?? null,
    user: user?.top1 ?? null,
    baseCount: base?.count ?? 0,
    realCount: real?.count ?? 0,
    userCount: user?.count ?? 0,
  };
}

const pct = (v: number | null) => (v == null ? "n/a" : `${(v * 100).toFixed(2)}%`);
/** A score with the number of images behind it ("90.66% of 5,890"). */
const scored = (v: number | null, count: number) => (v == null ? "n/a (no images)" : `${pct(v)} of ${count.toLocaleString("en")}`);

/**
 * A candidate replaces the active model only if it is not worse on the generated base test set nor on
 * real handwriting (each within `tolerance` points of accuracy) and at least as good on the held-out
 * user samples. Scored with onnxruntime-node, the runtime that will serve it.
 */
export async function runGate(
  candidate: { onnx: Uint8Array | string; classes: string[]; classSet: string },
  active: { onnx: Uint8Array | string; classes: string[]; classSet: string } | undefined,
  sets: GateSets,
  tolerancePoints: number,
): Promise<GateDecision> {
  const tolerance = tolerancePoints / 100;
  const cand = await score(candidate.onnx, candidate.classes, candidate.classSet, sets);
  const decide = (pass: boolean, reason: string, act: GateScores | null): GateDecision => ({ pass, reason, candidate: cand, active: act, tolerance: tolerancePoints });
  // The base test set is what every candidate is measured on: without it there is nothing to judge by.
  if (!cand.baseCount) return decide(false, "the base test set is missing (no generated test images in the database): import the base data, then train again", null);
  if (!active) return decide(true, "no model is active", null);
  const act = await score(active.onnx, active.classes, active.classSet, sets);
  if (cand.base != null && act.base != null && cand.base < act.base - tolerance) {
    return decide(false, `worse on the base test set: ${scored(cand.base, cand.baseCount)} against ${pct(act.base)} (tolerance ${tolerancePoints} points)`, act);
  }
  if (cand.real != null && act.real != null && cand.real < act.real - tolerance) {
    return decide(false, `worse on real handwriting: ${scored(cand.real, cand.realCount)} EMNIST/NIST test characters against ${pct(act.real)} (tolerance ${tolerancePoints} points)`, act);
  }
  if (cand.user != null && act.user != null && cand.user < act.user) {
    return decide(false, `worse on held-out user samples: ${scored(cand.user, cand.userCount)} against ${pct(act.user)}`, act);
  }
  return decide(
    true,
    `base ${scored(cand.base, cand.baseCount)} (active ${pct(act.base)}), real handwriting ${scored(cand.real, cand.realCount)} (active ${pct(act.real)}), user ${scored(cand.user, cand.userCount)} (active ${pct(act.user)})`,
    act,
  );
}
