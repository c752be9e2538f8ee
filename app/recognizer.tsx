"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { DrawPad } from "./draw-pad";
import { ImageInputs } from "./image-inputs";
import { postImage } from "./post-image";
import { useResults } from "./use-results";
import { ResultCard, type Prediction, type Result } from "./result-card";
import { shrinkForUpload } from "./shrink-upload";

const RESTRICTIONS = [
  { value: "", label: "Any character" },
  { value: "digits", label: "Digits only" },
  { value: "letters", label: "Letters only" },
  { value: "upper", label: "Upper case" },
  { value: "lower", label: "Lower case" },
];

/** POST /api/predict: the reading as the result card holds it, or the server's words for why not. */
async function requestReading(image: Blob, name: string, fields: Record<string, string>, signal?: AbortSignal): Promise<{ prediction?: Prediction; error?: string }> {
  const { answer, error } = await postImage<Prediction>("/api/predict", image, name, fields, signal);
  return { prediction: answer, error };
}
const LIVE_DELAY_MS = 350;
const expectedOf = (restrict: string) => RESTRICTIONS.find((r) => r.value === restrict)?.label ?? "Any character";

export function Recognizer() {
  const [restrict, setRestrict] = useState("");
  // all: every class, for the card's full chart
  const send = useCallback(async (file: Blob, name: string) => requestReading(await shrinkForUpload(file), name, { all: "1", restrict }), [restrict]);
  const expected = useCallback(() => ({ expected: restrict ? expectedOf(restrict) : undefined }), [restrict]);
  const { results, busy, add: recognise, dismiss, retry, clear } = useResults<Result>(send, expected);
  const resultsSection = useRef<HTMLElement>(null);
  const newestKey = results[0]?.key;
  const newestPending = results[0]?.pending;

  // On a phone the results sit below the canvas: bring a new card into view, again once its answer has made
  // it taller. Never where the layout has two columns (the canvas must stay where the hand is) or the card
  // is in view already; without animation for those who ask for less motion.
  useEffect(() => {
    const card = resultsSection.current?.querySelector("li");
    if (!newestKey || !card || window.matchMedia("(min-width: 768px)").matches) return;
    const box = card.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    card.scrollIntoView({ behavior: reduced ? "auto" : "smooth", block: "nearest" });
  }, [newestKey, newestPending]);

  // The live reading while drawing: the latest drawing, a moment after the last stroke, stored nowhere.
  const [live, setLive] = useState<{ prediction?: Prediction; error?: string } | null>(null);
  const liveRequest = useRef<{ timer?: ReturnType<typeof setTimeout>; abort?: AbortController }>({});
  const readWhileDrawing = useCallback(
    (png: Blob | null) => {
      const pending = liveRequest.current;
      clearTimeout(pending.timer);
      pending.abort?.abort();
      if (!png) return setLive(null);
      pending.timer = setTimeout(async () => {
        const abort = (pending.abort = new AbortController());
        try {
          setLive(await requestReading(png, "drawing.png", { preview: "1", restrict }, abort.signal));
        } catch {
          // aborted by a newer stroke, or offline: the final Recognise says so
        }
      }, LIVE_DELAY_MS);
    },
    [restrict],
  );

  const addFiles = useCallback(
    (files: File[]) => {
      for (const f of files) void recognise(f, f.name || "pasted image");
    },
    [recognise],
  );

  return (
    <div className="grid gap-6 md:grid-cols-[320px_1fr]">
      <section className="space-y-5" aria-label="Input">
        <label className="block text-sm font-medium">
          Expect
          <select className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2" value={restrict} onChange={(e) => setRestrict(e.target.value)}>
            {RESTRICTIONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>

        <DrawPad busy={busy} onDrawing={readWhileDrawing} onSubmit={(png) => void recognise(png, "drawing.png")} />
        <p className="min-h-6 text-center text-sm text-slate-700" role="status" data-testid="live-reading">
          {live?.prediction
            ? `Reading so far: ${live.prediction.label} (${Math.round(live.prediction.confidence * 100)}%)`
            : live?.error
              ? live.error
              : ""}
        </p>

        <ImageInputs onFiles={addFiles} />
      </section>

      <section ref={resultsSection} aria-label="Results" aria-live="polite">
        {results.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">Results appear here, newest first.</p>
        ) : (
          <>
            <div className="mb-2 flex justify-end">
              <button type="button" className="btn" onClick={clear}>
                Remove all results
              </button>
            </div>
            <ul className="space-y-4">
              {results.map((r) => (
                <ResultCard key={r.key} result={r} onDismiss={() => dismiss(r.key)} onRetry={() => retry(r)} />
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
