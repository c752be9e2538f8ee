"use client";

import { useState } from "react";
import { boxStyle } from "./box-style";
import { gql } from "./gql";
import type { FieldReading } from "../lib/fields/read";
import { FieldFeedbackMutation } from "./operations";
import type { Card } from "./use-results";

export type { FieldReading };

export type FieldResultState = Card & { expected: string; reading?: FieldReading };

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Below this a character's box is drawn in orange: worth a second look. */
const UNSURE = 0.6;

/** The image with each character's box and reading drawn over it, where it was found. */
function Overlay({ preview, reading }: { preview: string; reading: FieldReading }) {
  return (
    <div className="relative mt-6 w-full rounded border border-slate-200 bg-white" style={{ aspectRatio: `${reading.width} / ${reading.height}` }}>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={preview} alt="The field as sent" className="absolute inset-0 h-full w-full object-fill" />
      {reading.characters.map((c) => {
        if (!c.box) return null; // a symbol of a stored field: it has no box of its own
        const unsure = c.confidence < UNSURE;
        return (
          <div
            key={c.position}
            data-testid="char-box"
            className={`absolute border-2 ${unsure ? "border-orange-500" : "border-blue-600"}`}
            style={boxStyle(c.box, reading.width, reading.height)}
          >
            <span className={`absolute -top-5 left-0 whitespace-nowrap rounded px-1 text-xs font-semibold text-[#fff] ${unsure ? "bg-orange-700" : "bg-blue-700"}`}>
              {c.label} {percent(c.confidence)}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** "It says …": the visitor's text, sent as a suggestion for the admins; can be changed. */
function Correction({ reading }: { reading: FieldReading }) {
  const [text, setText] = useState(reading.text);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (reading.id === null) return null;
  const send = async () => {
    setError(null);
    try {
      const res = await gql(FieldFeedbackMutation, { id: String(reading.id), text });
      if (res.errors?.length) return setError(res.errors[0].message);
      setSent(res.data?.fieldFeedback.suggestedText ?? text);
    } catch {
      setError("The server could not be reached; try again.");
    }
  };
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label className="text-sm">
        It says
        <input className="ml-2 rounded border border-slate-300 px-2 py-1 font-mono" value={text} onChange={(e) => setText(e.target.value)} data-testid="field-correction" />
      </label>
      <button type="submit" className="btn" disabled={!text.trim()}>
        {sent === null ? "Send correction" : "Change correction"}
      </button>
      <p className="w-full text-sm text-slate-700" role="status">
        {error ?? (sent !== null ? `Thanks: sent “${sent}” for review.` : "")}
      </p>
    </form>
  );
}

export function FieldResult({ result, onDismiss, onRetry }: { result: FieldResultState; onDismiss: () => void; onRetry?: () => void }) {
  const r = result.reading;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="field-result">
      <div className="mb-2 flex items-baseline justify-between gap-2 text-sm text-slate-700">
        <span>
          {result.name} · expected: {result.expected}
        </span>
        <button type="button" className="btn" onClick={onDismiss} aria-label={`Dismiss the result for ${result.name}`}>
          Dismiss
        </button>
      </div>
      {result.pending && <p className="text-slate-700">Reading…</p>}
      {result.error && (
        <div role="alert" className="text-red-800">
          {result.error}
          {onRetry && (
            <button type="button" className="btn ml-2" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      )}
      {r && (
        <>
          <p className="font-mono text-3xl font-semibold tracking-wider" data-testid="field-text">
            {r.text}
          </p>
          <p className="text-sm text-slate-700">
            {percent(r.confidence)} sure of every character · {r.characters.length} characters{r.comb ? " in boxes" : ""} · model v{r.model.version} ·{" "}
            {Math.round(r.timings.totalMs)} ms
          </p>
          {!r.matchesExpected && <p className="text-sm text-orange-800">No reading fits what was expected; this is the closest free reading.</p>}
          {r.alternatives.length > 0 && <p className="text-sm text-slate-700">Or: {r.alternatives.map((a) => `${a.text} (${percent(a.confidence)})`).join(", ")}</p>}
          <div className="mt-3">
            <Overlay preview={result.preview} reading={r} />
          </div>
          <Correction reading={r} />
        </>
      )}
    </li>
  );
}
