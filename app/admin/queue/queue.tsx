"use client";

import { useEffect, useRef, useState } from "react";
import type { QueueOrder } from "../../_generated/graphql";
import { KeyHelp } from "./key-help";
import { bindingFor, type QueueCommands } from "./keys";
import { QueueList } from "./queue-list";
import { SampleDetail } from "./sample-detail";
import { useQueue, type QueueFilters } from "./use-queue";

const ORDERS: readonly (readonly [QueueOrder, string])[] = [
  ["UNCERTAIN_FIRST", "Most uncertain first"],
  ["NEWEST_FIRST", "Newest first"],
  ["BY_PREDICTED_LABEL", "By predicted label"],
  ["SUGGESTIONS_FIRST", "Visitor suggestions first"],
];

/** Labels a minute since the first action of this visit. */
const rate = (labelled: number, since: number) => (since && labelled ? Math.round((labelled / Math.max(1, Date.now() - since)) * 60_000) : 0);

export function Queue({ labels, initial }: { labels: string; initial?: Partial<QueueFilters> }) {
  const [filters, setFilters] = useState<QueueFilters>({ status: "PENDING", order: "UNCERTAIN_FIRST", predictedLabel: "", label: "", feedbackOnly: false, ...initial });
  const q = useQueue(filters);
  const [relabeling, setRelabeling] = useState(false);
  const [help, setHelp] = useState(false);
  const [keysOn, setKeysOn] = useState(false);
  const relabelInput = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const focusQueue = () => root.current?.focus();

  // Each command leaves the focus on the queue, so after a button (which takes the focus) the keys work
  // again; from a key it is where it was already. Relabelling by any label and the help move it on purpose.
  const thenQueue = (run: () => void) => () => {
    run();
    focusQueue();
  };
  const commands: QueueCommands = {
    next: thenQueue(() => q.move(1)),
    previous: thenQueue(() => q.move(-1)),
    approve: thenQueue(() => q.act("approve")),
    approveSuggested: thenQueue(() => q.act("approveSuggested")),
    reject: thenQueue(() => q.act("reject")),
    undo: thenQueue(() => q.undo()),
    toggleSelect: thenQueue(() => q.current && q.toggle(q.current.id)),
    relabelAny: () => {
      setRelabeling(true);
      setTimeout(() => relabelInput.current?.focus(), 0);
    },
    relabel: (label) => thenQueue(() => q.act("relabel", label))(),
    help: () => setHelp(true),
  };

  const onKey = (e: React.KeyboardEvent) => {
    // Keys belong to the queue only while it has the focus itself: typed into a filter, an option list, a
    // checkbox or a button, they do what they do there and never act on a sample (WCAG 2.1.4).
    if (e.target !== e.currentTarget || relabeling || e.metaKey || e.ctrlKey || e.altKey) return;
    const run = bindingFor(e, labels);
    if (!run) return;
    e.preventDefault();
    run(commands);
  };
  const escapeToQueue = (e: React.KeyboardEvent) => e.key === "Escape" && focusQueue();

  useEffect(() => focusQueue(), [q.samples.length === 0]);
  useEffect(() => {
    if (!help) return;
    const close = (e: KeyboardEvent) => e.key === "Escape" && (setHelp(false), focusQueue());
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [help]);

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
            className="ml-2 min-h-11 rounded border border-slate-300 px-2 py-1"
            value={filters.order}
            onChange={(e) => setFilters((f) => ({ ...f, order: e.target.value as QueueOrder }))}
            onKeyDown={escapeToQueue}
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
            className="ml-2 min-h-11 w-12 rounded border border-slate-300 px-2 py-1"
            maxLength={1}
            value={filters.predictedLabel}
            onChange={(e) => setFilters((f) => ({ ...f, predictedLabel: e.target.value }))}
            onKeyDown={escapeToQueue}
            aria-label="Filter by predicted label"
          />
        </label>
        <label className="flex min-h-11 items-center gap-1">
          <input type="checkbox" checked={filters.feedbackOnly} onChange={(e) => setFilters((f) => ({ ...f, feedbackOnly: e.target.checked }))} onKeyDown={escapeToQueue} />{" "}
          with visitor feedback
        </label>
        {filters.status !== "PENDING" && (
          <span className="rounded bg-slate-200 px-2 py-1" data-testid="queue-scope">
            Showing {filters.status.toLowerCase()} samples{filters.label ? ` labelled ${filters.label}` : ""}
            {filters.predictedLabel ? ` read as ${filters.predictedLabel}` : ""}.{" "}
            <a className="underline" href="/admin/queue">
              Back to the pending queue
            </a>
          </span>
        )}
        <span className="ml-auto text-slate-700" data-testid="pending-count">
          {q.total} {filters.status.toLowerCase()}
        </span>
      </div>
      <p id="queue-keys" className="mb-3 text-xs text-slate-600">
        <span className={`mr-2 rounded px-1 font-semibold ${keysOn ? "bg-blue-700 text-[#fff]" : "bg-slate-200 text-slate-800"}`} data-testid="keys-state">
          {keysOn ? "Keys on" : "Keys off: click the queue (or press Esc in a filter) to use them"}
        </span>
        <kbd>?</kbd> lists every key.{" "}
        <span data-testid="session-counter">
          This visit: {q.session.labelled} labelled{q.session.labelled ? `, ${rate(q.session.labelled, q.session.since)} a minute` : ""}.
        </span>
        {q.selected.size > 0 && (
          <span className="ml-2 rounded bg-amber-500 px-1 font-semibold text-[#fff]" data-testid="selection-count">
            {q.selected.size} selected: the actions apply to all of them{" "}
            <button type="button" className="underline" onClick={q.clearSelection}>
              clear
            </button>
          </span>
        )}
      </p>
      <p role="status" className={`mb-3 min-h-6 text-sm ${q.message.error ? "text-red-700" : "text-emerald-800"}`} data-testid="queue-message">
        {q.message.text}
      </p>
      {relabeling && (
        <form
          className="mb-3 flex items-center gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const v = relabelInput.current?.value.trim();
            setRelabeling(false);
            focusQueue();
            if (v) q.act("relabel", v);
          }}
        >
          <label>
            Relabel as <input ref={relabelInput} className="w-12 rounded border border-slate-300 px-2 py-1" maxLength={2} onKeyDown={(e) => e.key === "Escape" && (setRelabeling(false), focusQueue())} />
          </label>
          <button className="btn" type="submit">
            Relabel
          </button>
        </form>
      )}
      {q.loading && q.samples.length === 0 ? (
        <p className="text-slate-600">Loading…</p>
      ) : q.samples.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">Nothing to review. New uploads appear here.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-[1fr_2fr]">
          {q.current && (
            <div className="md:order-2">
              <SampleDetail sample={q.current} labels={labels} selectedCount={q.selected.size} commands={commands} onLabelField={q.labelField} />
            </div>
          )}
          <div className="md:order-1">
            <QueueList
              samples={q.samples}
              index={q.index}
              selected={q.selected}
              onPick={(i) => {
                q.pick(i);
                focusQueue();
              }}
            />
          </div>
        </div>
      )}
      {help && (
        <KeyHelp
          onClose={() => {
            setHelp(false);
            focusQueue();
          }}
        />
      )}
    </div>
  );
}
