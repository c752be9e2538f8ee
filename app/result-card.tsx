"use client";

import { useState } from "react";
import { gql } from "./gql";
import { FeedbackMutation } from "./operations";
import { TopFive } from "./top-five";

export type Prediction = {
  id: string | number;
  label: string;
  confidence: number;
  top5: { label: string; probability: number }[];
  image28: string;
  model: { version: number; classSet: string };
  timings?: { totalMs: number } | null;
};

export type Result = { key: string; name: string; preview?: string; prediction?: Prediction; error?: string; pending?: boolean };

const pct = (p: number) => `${(p * 100).toFixed(p > 0.995 || p < 0.005 ? 1 : 0)}%`;

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
    setMessage(error ?? "Thanks! An admin will review it.");
  };
  if (state === "sent") return <p className="text-sm text-emerald-700">{message}</p>;
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

export function ResultCard({ result }: { result: Result }) {
  const p = result.prediction;
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="result-card" aria-busy={result.pending}>
      <div className="flex items-start gap-4">
        {result.preview && (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={result.preview} alt={`Upload ${result.name}`} className="h-20 w-20 rounded border border-slate-200 object-contain" />
        )}
        {p && (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={p.image28}
            alt="The 28×28 image the model saw"
            className="h-20 w-20 rounded border border-slate-200"
            style={{ imageRendering: "pixelated" }}
          />
        )}
        <div className="min-w-0 flex-1">
          <p className="truncate text-xs text-slate-500">{result.name}</p>
          {result.pending && <p className="mt-2 text-slate-500">Reading…</p>}
          {result.error && (
            <p role="alert" className="mt-2 text-red-700">
              {result.error}
            </p>
          )}
          {p && (
            <p className="mt-1">
              <span className="text-4xl font-semibold" data-testid="predicted-label">
                {p.label}
              </span>
              <span className="ml-2 text-slate-600">{pct(p.confidence)} sure</span>
            </p>
          )}
        </div>
      </div>
      {p && (
        <>
          <div className="mt-3">
            <TopFive ranked={p.top5} />
          </div>
          <p className="mt-2 text-xs text-slate-500">
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
