"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { QueueOrder, QueueSampleFieldsFragment, SampleFilter, SampleStatus } from "../../_generated/graphql";
import { gql } from "../../gql";
import { ApproveMutation, LabelFieldTextMutation, QueueSamplesQuery, RejectMutation, RelabelMutation, UndoMutation } from "./operations";

export type Sample = QueueSampleFieldsFragment;
/** Which samples the queue shows: pending ones normally; approved ones with a label when opened from a confusion matrix cell. */
export type QueueFilters = { status: SampleStatus; order: QueueOrder; predictedLabel: string; label: string; feedbackOnly: boolean };
type Action = "approve" | "approveSuggested" | "reject" | "relabel";
export type Message = { text: string; error?: boolean };

/**
 * The labelling queue's state and its actions. Keys can come faster than the server answers, so actions
 * (and reloads) run one after another in the order they were asked for, each looking at the queue as it is
 * when it runs (`live`), not as it was when its key was pressed.
 */
export function useQueue(filters: QueueFilters) {
  const [samples, setSamples] = useState<Sample[]>([]);
  const [total, setTotal] = useState(0);
  const [index, setIndex] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<Message>({ text: "" });
  const [loading, setLoading] = useState(true);
  const [session, setSession] = useState({ labelled: 0, since: 0 });
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const live = useRef({ samples, index, selected });
  live.current = { samples, index, selected };
  const serial = (fn: () => Promise<unknown>) => {
    chain.current = chain.current.then(fn, fn);
  };

  const show = (list: Sample[], at: number, chosen: Set<string>) => {
    // Actions queued behind this change must see it at once, not after the next render.
    live.current = { samples: list, index: at, selected: chosen };
    setSamples(list);
    setIndex(at);
    setSelected(chosen);
  };

  const load = useCallback(async () => {
    setLoading(true);
    const filter: SampleFilter = {};
    if (filters.predictedLabel) filter.predictedLabel = filters.predictedLabel;
    if (filters.label) filter.label = filters.label;
    if (filters.feedbackOnly) filter.hasFeedback = true;
    const res = await gql(QueueSamplesQuery, { status: filters.status, orderBy: filters.order, filter });
    setLoading(false);
    if (res.errors || !res.data) return setMessage({ text: res.errors?.[0].message ?? "the queue did not load", error: true });
    show(
      res.data.samples.edges.map((e) => e.node),
      0,
      new Set(),
    );
    setTotal(res.data.samples.totalCount);
  }, [filters.status, filters.order, filters.predictedLabel, filters.label, filters.feedbackOnly]);

  // Loads run in the action chain: a list fetched while an action is still on its way would show that
  // sample again, and acting on it twice would look like someone else's change.
  const refilling = useRef(false);
  useEffect(() => {
    serial(load);
  }, [load]);

  // Refill when the visible queue runs low.
  useEffect(() => {
    if (refilling.current || loading || samples.length >= 10 || total <= samples.length) return;
    refilling.current = true;
    serial(() => load().finally(() => (refilling.current = false)));
  }, [samples.length, total, loading, load]);

  const leave = (ids: string[]) => {
    const remaining = live.current.samples.filter((s) => !ids.includes(s.id));
    show(remaining, Math.max(0, Math.min(live.current.index, remaining.length - 1)), new Set());
    setTotal((t) => Math.max(0, t - ids.length));
  };

  const act = async (kind: Action, label?: string) => {
    const { samples, index, selected } = live.current;
    const targets = selected.size ? samples.filter((s) => selected.has(s.id)) : samples[index] ? [samples[index]] : [];
    if (!targets.length) return;
    const items = targets.map((s) => ({ id: s.id, version: s.version }));
    const res =
      kind === "relabel"
        ? await gql(RelabelMutation, { items, label: label ?? "" })
        : kind === "reject"
          ? await gql(RejectMutation, { items })
          : await gql(ApproveMutation, { items, as: kind === "approveSuggested" ? "SUGGESTED" : "PREDICTED" });
    if (res.errors || !res.data) return setMessage({ text: res.errors?.[0].message ?? "no answer", error: true });
    const ok = res.data.results.filter((r) => r.ok);
    const failed = res.data.results.filter((r) => !r.ok);
    // the label as stored: the class set may fold what was typed (m -> M in balanced47)
    const stored = ok[0]?.sample?.label ?? label;
    const verb = { approve: "Approved", approveSuggested: "Approved as suggested", reject: "Rejected", relabel: `Relabelled as “${stored}”` }[kind];
    const parts = [];
    if (ok.length) parts.push(`${verb} ${ok.length === 1 ? `#${ok[0].id}` : `${ok.length} samples`}. Z undoes.`);
    if (failed.length) parts.push(failed.map((f) => `#${f.id}: ${f.error?.message}`).join("; "));
    setMessage({ text: parts.join(" "), error: failed.length > 0 });
    setSession((s) => ({ labelled: s.labelled + ok.length, since: s.since || Date.now() }));
    // A conflict means someone else acted on it: it leaves our pending queue too.
    leave([...ok.map((r) => r.id), ...failed.filter((f) => f.error?.code === "CONFLICT").map((f) => f.id)]);
  };

  const undo = async () => {
    const res = await gql(UndoMutation);
    if (res.errors || !res.data) return setMessage({ text: res.errors?.[0].message ?? "no answer", error: true });
    const back = res.data.undo;
    const pending = back.filter((s) => s.status === "PENDING");
    const what = back.length === 1 ? `#${back[0].id} is ${back[0].status.toLowerCase()}` : `${back.length} samples are ${pending.length === back.length ? "pending" : "back as they were"}`;
    setMessage({ text: `Undone: ${what} again. Z undoes the action before.` });
    setSession((s) => ({ ...s, labelled: Math.max(0, s.labelled - back.length) }));
    if (pending.length) {
      const ids = new Set(pending.map((s) => s.id));
      show([...pending, ...live.current.samples.filter((x) => !ids.has(x.id))], 0, live.current.selected);
      setTotal((t) => t + pending.length);
    }
  };

  /** The field's whole text: its characters labelled in one action, or the field marked for segmentation review. */
  const labelField = async (fieldId: string, text: string) => {
    const res = await gql(LabelFieldTextMutation, { id: fieldId, text });
    if (res.errors || !res.data) return setMessage({ text: res.errors?.[0].message ?? "no answer", error: true });
    const { applied, results, field } = res.data.labelFieldText;
    if (!applied) {
      return setMessage({ text: `“${text}” has ${[...text.replace(/\s/g, "")].length} characters but the field was cut into ${field.characters.length}: it is marked for segmentation review.`, error: true });
    }
    const ok = results.filter((r) => r.ok).map((r) => r.id);
    setSession((s) => ({ labelled: s.labelled + ok.length, since: s.since || Date.now() }));
    setMessage({ text: `Field labelled “${text}”: ${ok.length} characters. Z undoes.` });
    leave(ok);
  };

  const move = (by: number) => setIndex((i) => Math.max(0, Math.min(live.current.samples.length - 1, i + by)));
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  return {
    samples,
    total,
    index,
    current: samples[index] as Sample | undefined,
    selected,
    loading,
    message,
    session,
    pick: setIndex,
    move,
    toggle,
    clearSelection: () => setSelected(new Set()),
    act: (kind: Action, label?: string) => serial(() => act(kind, label)),
    undo: () => serial(undo),
    labelField: (fieldId: string, text: string) => serial(() => labelField(fieldId, text)),
  };
}

export type QueueState = ReturnType<typeof useQueue>;
