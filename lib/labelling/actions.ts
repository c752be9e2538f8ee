import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { LabelAction, SampleStatus } from "../db/generated/client";
import { ApiError, quoteInput } from "../api-errors";
import { log } from "../log";
import { CLASS_SETS } from "../models/classsets";
import { maybeQueueRetrain } from "../training/trigger";
import { alignText, requireField } from "../fields/stored";

/**
 * Admin actions on user samples. Every change names the sample version the admin saw (optimistic
 * locking): if someone else changed the sample since, nothing is written and the caller gets CONFLICT
 * with the fresh state. Every change writes a LabelEvent.
 */

const SAMPLE_STATE = {
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

/** `group` ties the events of one bulk action together, so that undo takes them back as one. */
export type ActionInput = { id: number; version: number; group?: string };

/** A label typed by an admin, checked against the sample's class set (merged letters fold: c -> C). */
function validLabel(classSet: string, label: string): string {
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
      data: { sampleId: input.id, userId, action, fromStatus: current.status, toStatus: next.status, fromLabel: current.label, toLabel: next.label, groupId: input.group ?? null },
    });
    return { ...current, ...next, version: current.version + 1 };
  });
}

/** Which label an approval stores: the model's reading or the visitor's suggestion. */
export type ApproveAs = "predicted" | "suggested";

export function approveSample(db: Db, userId: number, input: ActionInput & { as?: ApproveAs }): Promise<SampleState> {
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

const UNDO_LOOKBACK = 500; // events: far more than the 20 actions an undo history needs

/**
 * Takes back this admin's latest action that can still be taken back: a bulk action whole, one sample
 * otherwise. An action can be taken back while it is the latest event on its sample (nobody, this admin
 * included, acted on the sample since; an undo is such an act), so calling again goes further back.
 */
export async function undoLast(db: Db, userId: number): Promise<SampleState[]> {
  const recent = await db.labelEvent.findMany({ where: { userId, action: { not: "undo" } }, orderBy: { id: "desc" }, take: UNDO_LOOKBACK });
  const newest = await db.labelEvent.groupBy({ by: ["sampleId"], where: { sampleId: { in: [...new Set(recent.map((e) => e.sampleId))] } }, _max: { id: true } });
  const latestOn = new Map(newest.map((g) => [g.sampleId, g._max.id]));
  const open = recent.filter((e) => latestOn.get(e.sampleId) === e.id);
  if (!open.length) throw new ApiError("NOT_FOUND", "nothing to undo");
  const action = open[0].groupId ? open.filter((e) => e.groupId === open[0].groupId) : [open[0]];
  const undone: SampleState[] = [];
  for (const event of action) {
    const sample = await db.sample.findUnique({ where: { id: event.sampleId }, select: SAMPLE_STATE });
    if (!sample) continue; // deleted since: nothing to restore
    if (sample.status !== event.toStatus || sample.label !== event.toLabel) {
      throw new ApiError("CONFLICT", `sample ${sample.id} was changed again after your action`, { current: sample });
    }
    undone.push(await change(db, userId, { id: sample.id, version: sample.version, group: event.groupId ?? undefined }, "undo", () => ({ status: event.fromStatus, label: event.fromLabel })));
  }
  if (!undone.length) throw new ApiError("NOT_FOUND", "nothing to undo: the samples of your latest action are gone");
  return undone;
}

export type BulkResult = { id: number; ok: boolean; sample?: SampleState; error?: { code: string; message: string } };

/**
 * The same action on several samples; each succeeds or fails on its own (a conflict skips only that one).
 * Their events form one group, which undo takes back whole.
 */
export async function bulk(items: ActionInput[], act: (input: ActionInput) => Promise<SampleState>): Promise<BulkResult[]> {
  const out: BulkResult[] = [];
  const group = items.length > 1 ? randomUUID() : undefined;
  for (const item of items) {
    try {
      out.push({ id: item.id, ok: true, sample: await act({ ...item, group }) });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      out.push({ id: item.id, ok: false, error: { code: err.code, message: err.message } });
    }
  }
  return out;
}

/** Who labels, and after how many unseen approvals a fine-tune is queued. */
export type Labeller = { db: Db; userId: number; retrainAfter: number };

/** Approvals may make enough unseen samples for a fine-tune: queue one then (a failure is logged, never the approval's). */
async function queueRetrainIfDue(l: Labeller): Promise<void> {
  await maybeQueueRetrain(l.db, l.retrainAfter).catch((err: unknown) => log.error({ err: String(err) }, "retrain trigger failed"));
}

export async function approveOne(l: Labeller, input: ActionInput & { as?: ApproveAs }): Promise<SampleState> {
  const sample = await approveSample(l.db, l.userId, input);
  await queueRetrainIfDue(l);
  return sample;
}

export async function relabelOne(l: Labeller, input: ActionInput & { label: string }): Promise<SampleState> {
  const sample = await relabelSample(l.db, l.userId, input);
  await queueRetrainIfDue(l);
  return sample;
}

export async function approveMany(l: Labeller, items: ActionInput[], as?: ApproveAs): Promise<BulkResult[]> {
  const results = await bulk(items, (i) => approveSample(l.db, l.userId, { ...i, as }));
  await queueRetrainIfDue(l);
  return results;
}

export async function relabelMany(l: Labeller, items: ActionInput[], label: string): Promise<BulkResult[]> {
  const results = await bulk(items, (i) => relabelSample(l.db, l.userId, { ...i, label }));
  await queueRetrainIfDue(l);
  return results;
}

export const rejectMany = (l: Labeller, items: ActionInput[]): Promise<BulkResult[]> => bulk(items, (i) => rejectSample(l.db, l.userId, i));

/**
 * An admin types a field's whole text. When it lines up with the field's characters, each character is
 * approved (the model read it so) or relabelled, as one action that undo takes back whole; reviewed
 * characters are left as they are. When it does not line up (a character missed, two read as one), the
 * text is kept on the field and the field is marked for a look at its segmentation.
 */
export async function labelFieldText(l: Labeller, fieldId: number, text: string): Promise<{ applied: boolean; results: BulkResult[] }> {
  const field = await requireField(l.db, fieldId);
  const aligned = alignText(text, field);
  if (!aligned) {
    await l.db.field.update({ where: { id: fieldId }, data: { reviewText: text.trim().slice(0, 255) } });
    return { applied: false, results: [] };
  }
  const pending = await l.db.sample.findMany({ where: { id: { in: aligned.map((a) => a.sampleId) }, status: "pending" }, select: { id: true, version: true, predictedLabel: true } });
  const labelOf = new Map(aligned.map((a) => [a.sampleId, a.label]));
  const predicted = new Map(pending.map((p) => [p.id, p.predictedLabel]));
  // one bulk action: approved where the model read the character so, relabelled elsewhere; undo takes it back whole
  const results = await bulk(
    pending.map((p) => ({ id: p.id, version: p.version })),
    (input) => {
      const label = labelOf.get(input.id)!;
      return predicted.get(input.id) === label ? approveSample(l.db, l.userId, input) : relabelSample(l.db, l.userId, { ...input, label });
    },
  );
  await l.db.field.update({ where: { id: fieldId }, data: { reviewText: null } });
  await queueRetrainIfDue(l);
  return { applied: true, results };
}
