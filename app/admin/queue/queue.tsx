"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { QueueOrder, QueueSampleFieldsFragment, SampleFilter } from "../../_generated/graphql";
import { gql } from "../../gql";
import { ApproveMutation, PendingSamplesQuery, RejectMutation, RelabelMutation, UndoMutation } from "./operations";
import { TopFive } from "../../top-five";

type Sample = QueueSampleFieldsFragment;

const ORDERS: readonly (readonly [QueueOrder, string])[] = [
  ["UNCERTAIN_FIRST", "Most uncertain first"],
  ["NEWEST_FIRST", "Newest first"],
  ["BY_PREDICTED_LABEL", "By predicted label"],
  ["SUGGESTIONS_FIRST", "Visitor suggestions first"],
] as const;

const pct = (p: number | null) => (p == null ? "–" : `${(p * 100).toFixed(0)}%`);

export function Queue({ labels }: { labels: string }) {
  const [samples, setSamples] = useState<Sample[]>([]);
  const [total, setTotal] = useState(0);
  const [index, setIndex] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [order, setOrder] = useState<QueueOrder>("UNCERTAIN_FIRST");
  const [labelFilter, setLabelFilter] = useState("");
  const [feedbackOnly, setFeedbackOnly] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>({ text: "" });
  const [relabeling, setRelabeling] = useState(false);
  const [loading, setLoading] = useState(true);
  const [keysOn, setKeysOn] = useState(false);
  const relabelInput = useRef<HTMLInputElement>(null);
  // Keys can come faster than the server answers: actions run one after another, in the order pressed.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  // A queued action looks at the queue as it is when it runs, not as it was when its key was pressed.
  const live = useRef({ samples, index, selected });
  live.current = { samples, index, selected };
  const serial = (fn: () => Promise<unknown>) => {
    chain.current = chain.current.then(fn, fn);
  };
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const filter: SampleFilter = {};
    if (labelFilter) filter.predictedLabel = labelFilter;
    if (feedbackOnly) filter.hasFeedback = true;
    const res = await gql(PendingSamplesQuery, { orderBy: order, filter });
    setLoading(false);
    if (res.errors) return setMessage({ text: res.errors[0].message, error: true });
    const fresh = res.data!.samples.edges.map((e) => e.node);
    // Actions queued behind this load must see the fresh list at once, not after the next render.
    live.current = { samples: fresh, index: 0, selected: new Set() };
    setSamples(fresh);
    setTotal(res.data!.samples.totalCount);
    setIndex(0);
    setSelected(new Set());
  }, [order, labelFilter, feedbackOnly]);

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

  const done = (ids: string[]) => {
    const remaining = live.current.samples.filter((s) => !ids.includes(s.id));
    live.current = { ...live.current, samples: remaining, index: Math.max(0, Math.min(live.current.index, remaining.length - 1)), selected: new Set() };
    setSamples(remaining);
    setTotal((t) => Math.max(0, t - ids.length));
    setSelected(new Set());
    setIndex(live.current.index);
  };

  const act = useCallback(
    async (kind: "approve" | "approveSuggested" | "reject" | "relabel", label?: string) => {
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
      if (res.errors) return setMessage({ text: res.errors[0].message, error: true });
      const ok = res.data!.results.filter((r) => r.ok);
      const failed = res.data!.results.filter((r) => !r.ok);
      // the label as stored: the class set may fold what was typed (m -> M in balanced47)
      const stored = ok[0]?.sample?.label ?? label;
      const verb = { approve: "Approved", approveSuggested: "Approved as suggested", reject: "Rejected", relabel: `Relabelled as “${stored}”` }[kind];
      const parts = [];
      if (ok.length) parts.push(`${verb} ${ok.length === 1 ? `#${ok[0].id}` : `${ok.length} samples`}. Z undoes.`);
      if (failed.length) parts.push(failed.map((f) => `#${f.id}: ${f.error?.message}`).join("; "));
      setMessage({ text: parts.join(" "), error: failed.length > 0 });
      // A conflict means someone else acted on it: it leaves our pending queue too.
      done([...ok.map((r) => r.id), ...failed.filter((f) => f.error?.code === "CONFLICT").map((f) => f.id)]);
    },
    [],
  );

  const undo = useCallback(async () => {
    const res = await gql(UndoMutation);
    if (res.errors) return setMessage({ text: res.errors[0].message, error: true });
    const back = res.data!.undo;
    const pending = back.filter((s) => s.status === "PENDING");
    const what = back.length === 1 ? `#${back[0].id} is ${back[0].status.toLowerCase()}` : `${back.length} samples are ${pending.length === back.length ? "pending" : "back as they were"}`;
    setMessage({ text: `Undone: ${what} again. Z undoes the action before.` });
    if (pending.length) {
      const ids = new Set(pending.map((s) => s.id));
      const list = [...pending, ...live.current.samples.filter((x) => !ids.has(x.id))];
      live.current = { ...live.current, samples: list, index: 0 };
      setSamples(list);
      setTotal((t) => t + pending.length);
      setIndex(0);
    }
  }, []);

  const onKey = (e: React.KeyboardEvent) => {
    // Keys belong to the queue only while it has the focus itself: typed into a filter, an option list, a
    // checkbox or a button, they do what they do there and never act on a sample (WCAG 2.1.4).
    if (e.target !== e.currentTarget || relabeling || e.metaKey || e.ctrlKey || e.altKey) return;
    const key = e.key;
    const handled = () => e.preventDefault();
    if (key === "ArrowDown" || key === "ArrowRight") {
      handled();
      setIndex((i) => Math.min(samples.length - 1, i + 1));
    } else if (key === "ArrowUp" || key === "ArrowLeft") {
      handled();
      setIndex((i) => Math.max(0, i - 1));
    } else if (key === "Enter") {
      handled();
      const kind = e.shiftKey ? "approveSuggested" : "approve";
      serial(() => act(kind));
    } else if (key === "Backspace" || key === "Delete" || key === "x") {
      handled();
      serial(() => act("reject"));
    } else if (key === "z") {
      handled();
      serial(undo);
    } else if (key === " ") {
      handled();
      const id = samples[index]?.id;
      if (id) setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
    } else if (key === "/") {
      handled();
      setRelabeling(true);
      setTimeout(() => relabelInput.current?.focus(), 0);
    } else if (key.length === 1 && (labels.includes(key) || labels.includes(key.toUpperCase()))) {
      // balanced47 merges some lower-case letters into upper case (c -> C); the server folds them
      handled();
      serial(() => act("relabel", key));
    }
  };

  useEffect(() => root.current?.focus(), [samples.length === 0]);

  const current = samples[index];
  return (
    <div
      ref={root}
      tabIndex={0}
      onKeyDown={onKey}
      onFocus={(e) => e.target === e.currentTarget && setKeysOn(true)}
      onBlur={(e) => e.target === e.currentTarget && setKeysOn(false)}
      className={`rounded-lg p-2 outline-none ${keysOn ? "ring-2 ring-blue-600" : "ring-1 ring-transparent"}`}
      data-testid="queue"
      aria-label="Labelling queue"
      aria-describedby="queue-keys"
    >
      <div className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label>
          Order
          <select
            className="ml-2 rounded border border-slate-300 px-2 py-1"
            value={order}
            onChange={(e) => setOrder(e.target.value as QueueOrder)}
            onKeyDown={(e) => e.key === "Escape" && root.current?.focus()}
          >
            {ORDERS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Predicted label
          <input
            className="ml-2 w-12 rounded border border-slate-300 px-2 py-1"
            maxLength={1}
            value={labelFilter}
            onChange={(e) => setLabelFilter(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && root.current?.focus()}
            aria-label="Filter by predicted label"
          />
        </label>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={feedbackOnly}
            onChange={(e) => setFeedbackOnly(e.target.checked)}
            onKeyDown={(e) => e.key === "Escape" && root.current?.focus()}
          />{" "}
          with visitor feedback
        </label>
        <span className="ml-auto text-slate-600" data-testid="pending-count">
          {total} pending
        </span>
      </div>
      <p id="queue-keys" className="mb-3 text-xs text-slate-500">
        <span className={`mr-2 rounded px-1 font-semibold ${keysOn ? "bg-blue-600 text-white" : "bg-slate-200 text-slate-700"}`} data-testid="keys-state">
          {keysOn ? "Keys on" : "Keys off: click the queue (or press Esc in a filter) to use them"}
        </span>
        Keys: <kbd>Enter</kbd> approve · <kbd>Shift+Enter</kbd> approve the visitor&apos;s suggestion · type a character to relabel (<kbd>/</kbd> for any
        label) · <kbd>Backspace</kbd> or <kbd>x</kbd> reject · <kbd>↑</kbd>/<kbd>↓</kbd> move (skip) · <kbd>Space</kbd> select for bulk · <kbd>z</kbd> undo
      </p>
      <p role="status" className={`mb-3 min-h-6 text-sm ${message.error ? "text-red-700" : "text-emerald-700"}`} data-testid="queue-message">
        {message.text}
      </p>
      {relabeling && (
        <form
          className="mb-3 flex items-center gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const v = relabelInput.current?.value.trim();
            setRelabeling(false);
            root.current?.focus();
            if (v) void act("relabel", v);
          }}
        >
          <label>
            Relabel as <input ref={relabelInput} className="w-12 rounded border border-slate-300 px-2 py-1" maxLength={2} onKeyDown={(e) => e.key === "Escape" && setRelabeling(false)} />
          </label>
          <button className="btn" type="submit">
            Relabel
          </button>
        </form>
      )}
      {loading && samples.length === 0 ? (
        <p className="text-slate-500">Loading…</p>
      ) : samples.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">Nothing to review. New uploads appear here.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-[1fr_2fr]">
          <ol className="max-h-[70vh] space-y-1 overflow-y-auto" aria-label="Pending samples">
            {samples.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  tabIndex={-1}
                  onClick={() => {
                    setIndex(i);
                    root.current?.focus();
                  }}
                  aria-current={i === index}
                  className={`flex w-full items-center gap-2 rounded border px-2 py-1 text-left text-sm ${i === index ? "border-blue-600 bg-blue-50" : "border-slate-200 bg-white"}`}
                >
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={s.image28} alt="" className="h-8 w-8" style={{ imageRendering: "pixelated" }} />
                  <span className="font-mono text-lg">{s.predictedLabel}</span>
                  <span className="text-slate-500">{pct(s.confidence)}</span>
                  {s.suggestedLabel && <span className="rounded bg-amber-100 px-1 text-xs">visitor: {s.suggestedLabel}</span>}
                  {selected.has(s.id) && <span className="ml-auto text-xs text-blue-700">selected</span>}
                </button>
              </li>
            ))}
          </ol>
          {current && (
            <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="current-sample" aria-label={`Sample ${current.id}`}>
              <div className="flex flex-wrap gap-4">
                {current.original && (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={current.original} alt="Original upload" className="h-40 w-40 rounded border border-slate-200 object-contain" />
                )}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={current.image28} alt="28×28 view" className="h-40 w-40 rounded border border-slate-200" style={{ imageRendering: "pixelated" }} />
                <div>
                  <p className="text-sm text-slate-500">#{current.id}</p>
                  <p className="text-5xl font-semibold" data-testid="current-prediction">
                    {current.predictedLabel}
                  </p>
                  <p className="text-slate-600">{pct(current.confidence)} sure</p>
                  {current.suggestedLabel && <p className="mt-2 rounded bg-amber-100 px-2 py-1 text-sm">Visitor says: {current.suggestedLabel}</p>}
                </div>
              </div>
              <div className="mt-4">
                <TopFive ranked={current.topK ?? []} />
              </div>
              <div className="mt-4 flex flex-wrap gap-2">
                <button type="button" className="btn btn-primary" onClick={() => void act("approve")}>
                  Approve (Enter)
                </button>
                {current.suggestedLabel && (
                  <button type="button" className="btn" onClick={() => void act("approveSuggested")}>
                    Approve as {current.suggestedLabel}
                  </button>
                )}
                <button type="button" className="btn" onClick={() => void act("reject")}>
                  Reject (x)
                </button>
                <button type="button" className="btn" onClick={() => void undo()}>
                  Undo (z)
                </button>
              </div>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
