import type { Db } from "../db/client";
import type { LabelAction, SampleStatus } from "../db/generated/client";
import { ApiError, quoteInput } from "../api-errors";
import { CLASS_SETS } from "../models/classsets";

/**
 * Admin actions on user samples. Every change names the sample version the admin saw (optimistic
 * locking): if someone else changed the sample since, nothing is written and the caller gets CONFLICT
 * with the fresh state. Every change writes a LabelEvent.
 */

export const SAMPLE_STATE = {
  id: true,
  status: true,
  label: true,
  version: true,
  predictedLabel: true,
  suggestedLabel: true,
  classSet: true,
  source: true,
} as const;

export type SampleState = { id: number; status: SampleStatus; label: string | null; version: number; predictedLabel: string | null; suggestedLabel: string | null; classSet: string; source: string };

export type ActionInput = { id: number; version: number };

/** A label typed by an admin, checked against the sample's class set (merged letters fold: c -> C). */
export function validLabel(classSet: string, label: string): string {
  const set = CLASS_SETS[classSet];
  const known = set?.classOf(label.trim());
  if (!set || known === undefined) {
    throw new ApiError("BAD_USER_INPUT", `${quoteInput(label)} is not a label of ${classSet} (${set?.labels.join("") ?? "unknown class set"})`);
  }
  return known;
}

async function change(
  db: Db,
  userId: number,
  input: ActionInput,
  action: LabelAction,
  decide: (s: SampleState) => { status: SampleStatus; label: string | null },
): Promise<SampleState> {
  return db.$transaction(async (tx) => {
    const current = await tx.sample.findUnique({ where: { id: input.id }, select: SAMPLE_STATE });
    if (!current || current.source !== "user") throw new ApiError("NOT_FOUND", `no user sample ${input.id}`);
    if (current.version !== input.version) {
      throw new ApiError("CONFLICT", `sample ${input.id} was changed by someone else (now ${current.status}${current.label ? ` as "${current.label}"` : ""})`, { current });
    }
    const next = decide(current);
    const res = await tx.sample.updateMany({ where: { id: input.id, version: input.version }, data: { ...next, version: { increment: 1 } } });
    if (res.count !== 1) {
      const fresh = await tx.sample.findUnique({ where: { id: input.id }, select: SAMPLE_STATE });
      throw new ApiError("CONFLICT", `sample ${input.id} was changed by someone else`, { current: fresh });
    }
    await tx.labelEvent.create({
      data: { sampleId: input.id, userId, action, fromStatus: current.status, toStatus: next.status, fromLabel: current.label, toLabel: next.label },
    });
    return { ...current, ...next, version: current.version + 1 };
  });
}

export function approveSample(db: Db, userId: number, input: ActionInput & { as?: "predicted" | "suggested" }): Promise<SampleState> {
  return change(db, userId, input, "approve", (s) => {
    const label = input.as === "suggested" ? s.suggestedLabel : s.predictedLabel;
    if (!label) throw new ApiError("BAD_USER_INPUT", `sample ${s.id} has no ${input.as === "suggested" ? "suggestion" : "prediction"} to approve`);
    return { status: "approved", label: validLabel(s.classSet, label) };
  });
}

export function relabelSample(db: Db, userId: number, input: ActionInput & { label: string }): Promise<SampleState> {
  return change(db, userId, input, "relabel", (s) => ({ status: "approved", label: validLabel(s.classSet, input.label) }));
}

export function rejectSample(db: Db, userId: number, input: ActionInput): Promise<SampleState> {
  return change(db, userId, input, "reject", () => ({ status: "rejected", label: null }));
}

/** Takes back this admin's latest action, if nobody changed the sample since. */
export async function undoLast(db: Db, userId: number): Promise<SampleState> {
  const last = await db.labelEvent.findFirst({ where: { userId, action: { not: "undo" } }, orderBy: { id: "desc" } });
  if (!last) throw new ApiError("NOT_FOUND", "nothing to undo");
  const undone = await db.labelEvent.findFirst({ where: { userId, action: "undo", id: { gt: last.id }, sampleId: last.sampleId } });
  if (undone) throw new ApiError("NOT_FOUND", "your last action was already undone");
  const sample = await db.sample.findUnique({ where: { id: last.sampleId }, select: SAMPLE_STATE });
  if (!sample) throw new ApiError("NOT_FOUND", "the sample is gone");
  if (sample.status !== last.toStatus || sample.label !== last.toLabel) {
    throw new ApiError("CONFLICT", `sample ${sample.id} was changed again after your action`, { current: sample });
  }
  return change(db, userId, { id: sample.id, version: sample.version }, "undo", () => ({ status: last.fromStatus, label: last.fromLabel }));
}

export type BulkResult = { id: number; ok: boolean; sample?: SampleState; error?: { code: string; message: string } };

/** The same action on several samples; each succeeds or fails on its own (a conflict skips only that one). */
export async function bulk(items: ActionInput[], act: (input: ActionInput) => Promise<SampleState>): Promise<BulkResult[]> {
  const out: BulkResult[] = [];
  for (const item of items) {
    try {
      out.push({ id: item.id, ok: true, sample: await act(item) });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      out.push({ id: item.id, ok: false, error: { code: err.code, message: err.message } });
    }
  }
  return out;
}
