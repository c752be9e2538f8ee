"use client";

import { useEffect, useRef, useState } from "react";
import { gql } from "../../gql";
import { TopFive } from "../../top-five";
import { keyFor, type QueueCommands } from "./keys";
import { FieldContext } from "./field-context";
import { SampleOriginalQuery } from "./operations";
import { pct, restrictionText } from "./queue-list";
import type { Sample } from "./use-queue";


/** The upload as sent, fetched for the sample on screen only (and remembered while the page is open). */
function useOriginal(id: string) {
  const cache = useRef(new Map<string, string | null>());
  const [original, setOriginal] = useState<string | null | undefined>(cache.current.get(id));
  useEffect(() => {
    if (cache.current.has(id)) return setOriginal(cache.current.get(id));
    setOriginal(undefined);
    let current = true;
    void gql(SampleOriginalQuery, { id }).then((res) => {
      const value = res.data?.sample?.original ?? null;
      cache.current.set(id, value);
      if (current) setOriginal(value);
    });
    return () => {
      current = false;
    };
  }, [id]);
  return original;
}

/** The sample on screen: what was sent and what the model saw, its readings, and every action as a button. */
export function SampleDetail({
  sample,
  labels,
  selectedCount,
  commands,
  onLabelField,
}: {
  sample: Sample;
  labels: string;
  selectedCount: number;
  commands: QueueCommands;
  onLabelField: (fieldId: string, text: string) => void;
}) {
  const original = useOriginal(sample.id);
  const [zoomed, setZoomed] = useState(false);
  const [picking, setPicking] = useState(false);
  const many = selectedCount > 0 ? ` ${selectedCount}` : "";
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="current-sample" aria-label={`Sample ${sample.id}`}>
      <div className="flex flex-wrap gap-4">
        {sample.field && <FieldContext key={sample.id} sample={sample} field={sample.field} original={original} onLabelField={(text) => onLabelField(sample.field!.id, text)} />}
        <figure className={sample.field ? "hidden" : ""}>
          <button type="button" className="block" onClick={() => setZoomed(true)} disabled={!original} aria-label="Open the original large">
            {original ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={original} alt="Original upload" className="h-28 w-28 rounded border border-slate-200 object-contain sm:h-40 sm:w-40" />
            ) : (
              <span className="flex h-28 w-28 items-center justify-center rounded border border-slate-200 text-xs text-slate-600 sm:h-40 sm:w-40">{original === null ? "no original" : "loading…"}</span>
            )}
          </button>
          <figcaption className="text-xs text-slate-600">Upload (click to enlarge)</figcaption>
        </figure>
        <figure>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={sample.image28} alt="28×28 view" className="h-28 w-28 rounded border border-slate-200 sm:h-40 sm:w-40" style={{ imageRendering: "pixelated" }} />
          <figcaption className="text-xs text-slate-600">What the model saw</figcaption>
        </figure>
        <div>
          <p className="text-sm text-slate-600">#{sample.id}</p>
          <p className="text-5xl font-semibold" data-testid="current-prediction">
            {sample.predictedLabel}
          </p>
          <p className="text-slate-700">{pct(sample.confidence)} sure</p>
          {sample.restriction && (
            <p className="mt-2 rounded bg-slate-100 px-2 py-1 text-sm" data-testid="current-restriction">
              The visitor asked for {restrictionText(sample.restriction)}
            </p>
          )}
          {sample.suggestedLabel && <p className="mt-2 rounded bg-amber-100 px-2 py-1 text-sm">Visitor says: {sample.suggestedLabel}</p>}
        </div>
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold">{sample.restriction ? "Top readings within the restriction" : "Top readings"}</h3>
          <TopFive ranked={sample.topK ?? []} />
        </div>
        {sample.unrestrictedTopK && (
          <div data-testid="unrestricted-top5">
            <h3 className="mb-1 text-sm font-semibold">Top readings over every class</h3>
            <TopFive ranked={sample.unrestrictedTopK} />
          </div>
        )}
      </div>
      {picking && (
        <div className="mt-4 grid grid-cols-8 gap-1 sm:grid-cols-12" role="group" aria-label="Relabel as">
          {[...labels].map((l) => (
            <button
              type="button"
              key={l}
              className="btn min-h-11 min-w-11 font-mono"
              onClick={() => {
                setPicking(false);
                commands.relabel(l);
              }}
            >
              {l}
            </button>
          ))}
        </div>
      )}
      <div className="sticky bottom-0 -mx-4 mt-4 flex flex-wrap gap-2 border-t border-slate-200 bg-white px-4 py-2" data-testid="action-bar">
        <button type="button" className="btn btn-primary min-h-11" onClick={commands.approve}>
          Approve{many} <kbd>{keyFor("approve")}</kbd>
        </button>
        {sample.suggestedLabel && (
          <button type="button" className="btn min-h-11" onClick={commands.approveSuggested}>
            Approve as {sample.suggestedLabel} <kbd>{keyFor("approveSuggested")}</kbd>
          </button>
        )}
        <button type="button" className="btn min-h-11" onClick={() => setPicking((p) => !p)} aria-expanded={picking}>
          Relabel{many}…
        </button>
        <button type="button" className="btn min-h-11" onClick={commands.reject}>
          Reject{many} <kbd>{keyFor("reject")}</kbd>
        </button>
        <button type="button" className="btn min-h-11" onClick={commands.undo}>
          Undo <kbd>{keyFor("undo")}</kbd>
        </button>
        <button type="button" className="btn min-h-11" onClick={commands.help}>
          Keys <kbd>?</kbd>
        </button>
      </div>
      {zoomed && original && (
        <div role="dialog" aria-modal="true" aria-label="Original upload" className="fixed inset-0 z-20 flex items-center justify-center bg-[#0f172a]/60 p-4" onClick={() => setZoomed(false)}>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={original} alt="Original upload, large" className="max-h-full max-w-full rounded bg-white object-contain" />
          <button type="button" className="btn absolute right-4 top-4 min-h-11" onClick={() => setZoomed(false)} autoFocus>
            Close (Esc)
          </button>
        </div>
      )}
    </section>
  );
}
