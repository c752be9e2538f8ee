"use client";

import { useCallback, useEffect, useState } from "react";
import type { ModelsPageQuery } from "../../_generated/graphql";
import { gql, type GqlError } from "../../gql";
import { CancelTrainingMutation, ModelsPageQuery as ModelsPageDocument, PromoteModelMutation, RollbackModelMutation, StartTrainingMutation } from "./operations";

type Gate = { pass: boolean; reason: string };
type Epoch = { epoch: number; loss: number; train_accuracy: number; test_top1: number };
type CurvePoint = { at: number; loss: number; accuracy: number };
type Page = ModelsPageQuery;
// The schema types `card` and `metrics` as JSON; these are the parts of them this page reads.
type Model = Omit<Page["models"][number], "card" | "metrics"> & {
  card: {
    metrics?: {
      heldOut?: { top1: number; top5: number };
      heldOutFonts?: { top1: number; top5: number };
      realHandwriting?: { split: string; images: number; top1: number; restrictedTo: string | null }[];
    };
  };
  metrics: { gate?: Gate & { candidate?: { base: number | null; real?: number | null; realCount?: number; user: number | null } } } | null;
};
type Run = Omit<Page["trainingRuns"][number], "metrics"> & {
  metrics: { phase?: string; epoch?: number; loss?: number; accuracy?: number; etaS?: number; history?: Epoch[]; curve?: CurvePoint[]; gate?: Gate } | null;
};
type Trigger = Page["retrainTrigger"];

/** A trainer's error ends with the exception itself; the traceback before it stays in the title and the log. */
const lastLine = (error: string) => error.split(" | ").at(-1)!.trim();
const pct = (v?: number | null) => (v == null ? "–" : `${(v * 100).toFixed(1)}%`);
const accuracyOf = (m: Model) => m.card.metrics?.heldOut?.top1 ?? m.card.metrics?.heldOutFonts?.top1 ?? null;

/** Accuracy on real handwriting: the gate's fixed slice of real test characters, else the card's EMNIST bymerge test figure. */
function realAccuracy(m: Model): { value: number; note: string } | null {
  const gate = m.metrics?.gate?.candidate;
  if (gate?.real != null) return { value: gate.real, note: `${gate.realCount} real test characters (the gate's slice)` };
  const bymerge = m.card.metrics?.realHandwriting?.find((r) => r.split.startsWith("emnist-bymerge") && !r.restrictedTo);
  return bymerge ? { value: bymerge.top1, note: `EMNIST bymerge test, ${bymerge.images} images (model card)` } : null;
}

/** A small line chart scaled to its own range, so that 90.2% against 90.6% is visible. One point is a number, not a dot. */
function Line({ points, title, color, max }: { points: number[]; title: string; color: string; max?: number }) {
  const w = 320;
  const h = 120;
  if (points.length < 1) return null;
  if (points.length === 1)
    return (
      <figure>
        <figcaption className="text-sm font-medium">{title}</figcaption>
        <p className="text-2xl font-semibold tabular-nums">{max === 1 ? `${(points[0] * 100).toFixed(1)}%` : points[0].toFixed(3)}</p>
        <p className="text-xs text-slate-600">one point so far</p>
      </figure>
    );
  const pad = (Math.max(...points) - Math.min(...points)) * 0.1 || 0.01;
  const top = Math.min(Math.max(...points) + pad, max ?? Infinity);
  const bottom = Math.max(Math.min(...points) - pad, 0);
  const x = (i: number) => 44 + (i * (w - 54)) / Math.max(1, points.length - 1);
  const y = (v: number) => 10 + (h - 30) * (1 - (v - bottom) / Math.max(1e-9, top - bottom));
  const label = (v: number) => (max === 1 ? `${(v * 100).toFixed(1)}%` : v.toFixed(2));
  return (
    <figure>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg width={w} height={h} role="img" aria-label={title}>
        <text x={0} y={14} fontSize={10} fill="#64748b">{label(top)}</text>
        <text x={0} y={h - 20} fontSize={10} fill="#64748b">{label(bottom)}</text>
        <polyline fill="none" stroke={color} strokeWidth={2} points={points.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
        {points.length <= 40 &&
          points.map((v, i) => (
            <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={color}>
              <title>{v.toFixed(4)}</title>
            </circle>
          ))}
        <text x={44} y={h - 4} fontSize={10} fill="#64748b">
          {points.length} point{points.length === 1 ? "" : "s"}; last {label(points.at(-1)!)}
        </text>
      </svg>
    </figure>
  );
}

export function Models() {
  const [models, setModels] = useState<Model[]>([]);
  const [runs, setRuns] = useState<Run[]>([]);
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [message, setMessage] = useState("");
  // One question at a time before an action that is hard to take back: what it does, and the two answers.
  const [asking, setAsking] = useState<{ id: string; label: string; text: string; yes: string; no: string; act: () => void } | null>(null);

  const load = useCallback(async () => {
    const res = await gql(ModelsPageDocument);
    if (res.data) {
      setModels(res.data.models as Model[]);
      setRuns(res.data.trainingRuns as Run[]);
      setTrigger(res.data.retrainTrigger);
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 2000);
    return () => clearInterval(timer);
  }, [load]);

  const mutate = async (send: () => Promise<{ errors?: GqlError[] }>, done: string) => {
    const res = await send();
    setMessage(res.errors ? res.errors[0].message : done);
    void load();
  };

  const live = runs.find((r) => r.status === "RUNNING" || r.status === "QUEUED");
  const history = live?.metrics?.history ?? [];
  const curve = live?.metrics?.curve ?? [];
  const byNumber = [...models].sort((a, b) => a.number - b.number);
  return (
    <div className="space-y-6">
      <p role="status" className="min-h-5 text-sm text-slate-700" data-testid="models-message">
        {message}
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="mr-auto text-lg font-semibold">Training</h2>
          {trigger && trigger.training.state !== "READY" && (
            <p className="w-full text-sm text-amber-800" data-testid="training-availability" role="status">
              {trigger.training.message}
            </p>
          )}
          <button type="button" className="btn" disabled={!!live} onClick={() => void mutate(() => gql(StartTrainingMutation, { mode: "FINE_TUNE" }), "Fine-tuning queued.")}>
            Fine-tune now
          </button>
          <button
            type="button"
            className="btn"
            disabled={!!live}
            onClick={() =>
              setAsking({
                id: "confirm-full",
                label: "Confirm training from scratch",
                text: "Training from scratch learns everything again from the base data, for many more epochs than a fine-tune: on a machine without a GPU it keeps the training worker busy for a long time. The current model serves meanwhile.",
                yes: "Start it",
                no: "Keep the current model",
                act: () => void mutate(() => gql(StartTrainingMutation, { mode: "FULL" }), "Full training queued."),
              })
            }
          >
            Train from scratch
          </button>
          {live && (
            <button
              type="button"
              className="btn"
              onClick={() =>
                setAsking({
                  id: "confirm-cancel",
                  label: `Confirm cancelling run ${live.id}`,
                  text: `Cancel run ${live.id}? It stops where it is, its work is thrown away, and it registers no model.`,
                  yes: `Cancel run ${live.id} now`,
                  no: "Let it run",
                  act: () => void mutate(() => gql(CancelTrainingMutation, { id: live.id }), "Cancelled."),
                })
              }
            >
              Cancel run {live.id}
            </button>
          )}
          {asking && (
            <p
              className="fixed inset-x-0 bottom-0 z-10 border-t border-amber-300 bg-amber-100 p-3 text-sm text-amber-900 shadow-lg"
              role="alertdialog"
              aria-label={asking.label}
              data-testid={asking.id}
            >
              {asking.text}{" "}
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setAsking(null);
                  asking.act();
                }}
              >
                {asking.yes}
              </button>{" "}
              <button type="button" className="btn" autoFocus onClick={() => setAsking(null)}>
                {asking.no}
              </button>
            </p>
          )}
        </div>
        {live ? (
          <div className="mt-3" data-testid="live-run">
            <p className="text-sm">
              Run {live.id} ({live.mode.toLowerCase().replace("_", "-")}, {live.trigger}) is {live.status.toLowerCase()}:{" "}
              <span data-testid="run-phase">{live.status === "QUEUED" ? "waiting for a training worker" : (live.metrics?.phase ?? "starting")}</span>
              {live.metrics?.epoch != null &&
                `. Epoch ${live.metrics.epoch}, loss ${live.metrics.loss?.toFixed(3) ?? "–"}, accuracy ${pct(live.metrics.accuracy)}${live.metrics.etaS != null ? `, about ${Math.round(live.metrics.etaS)} s left` : ""}`}
            </p>
            <div className="mt-2 h-3 rounded bg-slate-100" role="progressbar" aria-valuenow={Math.round(live.progress * 100)} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-3 rounded bg-blue-600" style={{ width: `${live.progress * 100}%` }} />
            </div>
            <div className="mt-3 flex flex-wrap gap-6">
              <Line title="Training loss" points={curve.map((c) => c.loss)} color="#dc2626" />
              <Line title="Training accuracy" points={curve.map((c) => c.accuracy)} color="#2563eb" max={1} />
              <Line title="Held-out accuracy by epoch" points={history.map((h) => h.test_top1)} color="#16a34a" max={1} />
            </div>
            {live.logTail && <pre className="mt-3 max-h-40 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100">{live.logTail.split("\n").slice(-12).join("\n")}</pre>}
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600" data-testid="retrain-trigger">
            No run in progress.{" "}
            {trigger
              ? `${trigger.unseenApproved} of ${trigger.threshold} new approved samples: a fine-tune starts by itself at ${trigger.threshold} (about 10% of approvals are held out for the gate and do not count).`
              : "Retraining starts by itself once enough new samples are approved."}
          </p>
        )}
        {runs.length === 0 ? (
          // trigger arrives with the runs: until then nothing is known yet
          trigger && <p className="mt-4 text-sm text-slate-600">No training runs yet.</p>
        ) : (
          <table className="mt-4 w-full text-left text-sm">
            <thead>
              <tr className="text-slate-600">
                <th>Run</th>
                <th>Mode</th>
                <th>Status</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td>{r.id}</td>
                  <td>
                    {r.mode.toLowerCase()} ({r.trigger})
                  </td>
                  <td>{r.status.toLowerCase()}</td>
                  <td className="text-slate-600" title={r.error ?? undefined}>{r.error ? lastLine(r.error) : (r.metrics?.gate ? `v${r.modelVersion}: gate ${r.metrics.gate.pass ? "passed" : "failed"} — ${r.metrics.gate.reason}` : "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Versions</h2>
        <Line title="Held-out accuracy across versions" points={byNumber.map(accuracyOf).filter((v): v is number => v != null)} color="#2563eb" max={1} />
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr className="text-slate-600">
              <th>Version</th>
              <th>Status</th>
              <th>Held-out top-1</th>
              <th>Real handwriting</th>
              <th>Gate</th>
              <th>Parent</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.id} className="border-t border-slate-100" data-testid={`model-${m.number}`}>
                <td>v{m.number}</td>
                <td>{m.status.toLowerCase()}</td>
                <td>{pct(accuracyOf(m))}</td>
                <td title={realAccuracy(m)?.note} data-testid={`model-${m.number}-real`}>
                  {realAccuracy(m) ? `${pct(realAccuracy(m)!.value)}` : "–"}
                </td>
                <td className="text-slate-600">{m.metrics?.gate ? (m.metrics.gate.pass ? "passed" : `failed: ${m.metrics.gate.reason}`) : "–"}</td>
                <td>{m.parentNumber ? `v${m.parentNumber}` : "–"}</td>
                <td className="text-right">
                  {m.status !== "ACTIVE" && (
                    <button
                      type="button"
                      className="btn"
                      onClick={() =>
                        setAsking({
                          id: "confirm-activate",
                          label: `Confirm making v${m.number} the serving model`,
                          text: `Make v${m.number} the model every server answers with (each switches within seconds)?${m.metrics?.gate && !m.metrics.gate.pass ? ` The gate turned it away: ${m.metrics.gate.reason}.` : ""}`,
                          yes: `Make v${m.number} active`,
                          no: "Keep the current model",
                          act: () =>
                            void mutate(() => (m.activatedAt ? gql(RollbackModelMutation, { id: m.id }) : gql(PromoteModelMutation, { id: m.id })), `v${m.number} is now active.`),
                        })
                      }
                    >
                      {m.activatedAt ? "Roll back to this" : "Promote"}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
