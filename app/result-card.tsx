"use client";

import { useState } from "react";
import { gql } from "./gql";
import type { Card } from "./use-results";
import { FeedbackMutation } from "./operations";
import { pct, TopFive } from "./top-five";

export type Prediction = {
  id: string | number;
  label: string;
  confidence: number;
  top5: { label: string; probability: number }[];
  all?: { label: string; probability: number }[];
  image28: string;
  model: { version: number; classSet: string };
  timings?: { totalMs: number } | null;
};

export type Result = Card & {
  prediction?: Prediction;
  /** What the visitor chose under "Expect" ("Digits only"), when not any character. */
  expected?: string;
};

/** Below this, the best reading within a restriction is called a poor fit rather than an answer. */
const POOR_FIT = 0.5;


async function sendFeedback(id: string | number, body: { correct?: boolean; label?: string }): Promise<string | undefined> {
  const res = await gql(FeedbackMutation, { id: String(id), ...body });
  return res.errors?.[0]?.message;
}

function Feedback({ prediction }: { prediction: Prediction }) {
  const [state, setState] = useState<"idle" | "sent" | "error">("idle");
  const [message, setMessage] = useState("");
  const [label, setLabel] = useState("");
  const send = async (body: { correct?: boolean; label?: string }) => {
    const error = await sendFeedback(prediction.id, body);
    setState(error ? "error" : "sent");
    // The server lists every class it knows when a character is not one of them; one line is enough here.
    const unknown = error && /is not a character this model knows/.test(error);
    setMessage(
      unknown
        ? `“${body.label}” is not a character this model reads (it reads digits and letters).`
        : (error ?? `Sent: ${body.correct ? `“${prediction.label}” is right` : `it was “${body.label}”`}. Thanks! An admin will review it.`),
    );
  };
  if (state === "sent")
    return (
      <p className="text-sm text-emerald-800" data-testid="feedback-sent">
        {message}{" "}
        <button type="button" className="underline" onClick={() => setState("idle")}>
          Change
        </button>
      </p>
    );
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button type="button" className="btn" onClick={() => send({ correct: true })}>
        That&apos;s right
      </button>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim()) void send({ label: label.trim() });
        }}
      >
        <label className="text-slate-600" htmlFor={`fix-${prediction.id}`}>
          It was
        </label>
        <input
          id={`fix-${prediction.id}`}
          className="w-10 rounded border border-slate-300 px-2 py-1 text-center"
          maxLength={1}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          aria-label="The right character"
        />
        <button type="submit" className="btn" disabled={!label.trim()}>
          Send
        </button>
      </form>
      {state === "error" && <p className="w-full text-red-700">{message}</p>}
    </div>
  );
}

export function ResultCard({ result, onDismiss, onRetry }: { result: Result; onDismiss?: () => void; onRetry?: () => void }) {
  const p = result.prediction;
  const poorFit = p && result.expected && p.confidence < POOR_FIT;
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="result-card" aria-busy={result.pending}>
      <div className="flex items-start gap-4">
        {result.preview && !result.error && (
          <figure>
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={result.preview} alt={`Upload ${result.name}`} className="h-20 w-20 rounded border border-slate-200 object-contain" />
            <figcaption className="text-center text-xs text-slate-600">Your image</figcaption>
          </figure>
        )}
        {p && (
          <figure>
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={p.image28} alt="The 28×28 image the model saw" className="h-20 w-20 rounded border border-slate-200" style={{ imageRendering: "pixelated" }} />
            <figcaption className="text-center text-xs text-slate-600">What the model saw</figcaption>
          </figure>
        )}
        <div className="min-w-0 flex-1">
          <p className="truncate text-xs text-slate-600">
            {result.name}
            {result.expected && <span data-testid="expected"> · expected: {result.expected}</span>}
          </p>
          {result.pending && <p className="mt-2 text-slate-600">Reading…</p>}
          {result.error && (
            <>
              <p role="alert" className="mt-2 text-red-700">
                {result.error}
              </p>
              <div className="mt-2 flex gap-2">
                {onRetry && (
                  <button type="button" className="btn" onClick={onRetry}>
                    Try again
                  </button>
                )}
                {onDismiss && (
                  <button type="button" className="btn" onClick={onDismiss}>
                    Dismiss
                  </button>
                )}
              </div>
            </>
          )}
          {p && (
            <p className="mt-1">
              <span className="text-4xl font-semibold" data-testid="predicted-label">
                {p.label}
              </span>
              <span className="ml-2 text-slate-700">{pct(p.confidence)} sure</span>
            </p>
          )}
          {poorFit && (
            <p className="mt-1 text-sm text-amber-800" data-testid="poor-fit">
              Nothing of the kind expected ({result.expected!.toLowerCase()}) fits this well: {p.label} is only the closest.
            </p>
          )}
        </div>
      </div>
      {p && (
        <>
          <div className="mt-3">
            <TopFive ranked={p.top5} />
          </div>
          {p.all && p.all.length > p.top5.length && (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-700">All {p.all.length} readings</summary>
              <div className="mt-2 max-h-96 overflow-y-auto" data-testid="all-readings">
                <TopFive ranked={p.all} />
              </div>
            </details>
          )}
          <p className="mt-2 text-xs text-slate-600">
            Model v{p.model.version} ({p.model.classSet})
            {p.timings ? ` · ${p.timings.totalMs.toFixed(0)} ms` : ""}
          </p>
          <div className="mt-3">
            <Feedback prediction={p} />
          </div>
        </>
      )}
    </li>
  );
}
