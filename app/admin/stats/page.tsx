import { adminPageUser } from "../../../lib/auth/page";
import { db } from "../../../lib/db/client";
import { datasetStats } from "../../../lib/stats";
import { AdminNav, Forbidden } from "../nav";
import { Bars, HeatMap } from "./charts";

export const dynamic = "force-dynamic";

const pct = (v: number | null) => (v == null ? "–" : `${(v * 100).toFixed(1)}%`);

function Counts({ title, rows, caption }: { title: string; rows: { key: string; count: number }[]; caption?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="text-sm font-medium">
        {title}
        {caption && <span className="font-normal text-slate-600"> ({caption})</span>}
      </h2>
      <dl className="mt-1 grid grid-cols-2 gap-x-3 text-sm">
        {rows.map((r) => (
          <div key={r.key} className="contents">
            <dt className="text-slate-600">{r.key}</dt>
            <dd className="text-right tabular-nums" data-testid={`count-${title.toLowerCase()}-${r.key}`}>
              {r.count}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const RANGES = [
  { days: 0, label: "All time" },
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
];

export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await adminPageUser("/admin/stats");
  if ("forbidden" in user) return <Forbidden username={user.username} />;
  const asked = Number((await searchParams).days ?? 0);
  const range = RANGES.find((r) => r.days === asked) ?? RANGES[0];
  const s = await datasetStats(db(), range.days || 30, range.days > 0);
  const m = s.activeModel;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <AdminNav username={user.username} current="stats" />
      <h1 className="mb-4 text-2xl font-semibold">Statistics</h1>
      <nav aria-label="Date range" className="mb-4 flex flex-wrap gap-2 text-sm">
        {RANGES.map((r) => (
          <a
            key={r.days}
            href={r.days ? `/admin/stats?days=${r.days}` : "/admin/stats"}
            aria-current={r === range ? "page" : undefined}
            className={`rounded px-3 py-1.5 ${r === range ? "bg-blue-700 text-[#fff]" : "border border-slate-300 text-slate-800"}`}
          >
            {r.label}
          </a>
        ))}
      </nav>
      <section className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Counts title="Source" rows={s.bySource} />
        <Counts title="Split" rows={s.bySplit} caption="uploads" />
        <Counts title="Status" rows={s.byStatus} caption="uploads" />
        <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <h2 className="font-medium">Admin actions ({s.actions.total})</h2>
          <p data-testid="rate-approve">approved {pct(s.actions.approveRate)}</p>
          <p data-testid="rate-relabel">relabelled {pct(s.actions.relabelRate)}</p>
          <p data-testid="rate-reject">rejected {pct(s.actions.rejectRate)}</p>
        </div>
      </section>
      <section className="mt-6 space-y-6 rounded-lg border border-slate-200 bg-white p-4">
        <Bars title="Approved uploads by label" data={s.byLabel} />
        <Bars title={`Uploads per day (last ${range.days || 30} days)`} data={s.uploadsPerDay.map((d) => ({ key: d.day.slice(5), count: d.count }))} color="#0f766e" />
      </section>
      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="base-data">
        <h2 className="text-lg font-semibold">Base data ({s.base.total.toLocaleString("en")} samples)</h2>
        <p className="text-sm text-slate-600">
          Imported handwriting and the generated set: fine-tunes draw from it, the queue and the counts above leave it out.
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <Counts title="Base source" rows={s.base.bySource} />
          <Counts title="Base split" rows={s.base.bySplit} />
        </div>
        {s.base.total > 0 && <Bars title="Approved base samples by label" data={s.base.byLabel} color="#64748b" />}
      </section>
      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Active model on approved uploads{range.days ? ` of the last ${range.days} days` : ""}</h2>
        {!m ? (
          <p className="text-sm text-slate-600">No model is active.</p>
        ) : !m.evaluated ? (
          <p className="mt-1 text-sm text-slate-600" data-testid="model-accuracy">
            Model v{m.version} ({m.classSet}) has no approved uploads it predicted yet.
          </p>
        ) : (
          <>
            <p className="mt-1 text-sm" data-testid="model-accuracy">
              Model v{m.version} ({m.classSet}): {pct(m.accuracy)} right on {m.evaluated} approved uploads it predicted.
            </p>
            <div className="mt-4 grid gap-6 lg:grid-cols-2">
              <Bars title="Accuracy by class (%)" data={m.perClass.map((c) => ({ key: c.label, count: Math.round(c.accuracy * 100) }))} color="#16a34a" height={100} />
              <div>
                <h3 className="text-sm font-medium">Most confused pairs</h3>
                <ul className="mt-1 text-sm">
                  {m.mostConfused.length ? (
                    m.mostConfused.map((p) => (
                      <li key={p.pair} data-testid={`confused-${p.pair}`}>
                        <span className="font-mono">{p.first}</span> read as <span className="font-mono">{p.second}</span>: {p.firstReadAsSecond};{" "}
                        <span className="font-mono">{p.second}</span> read as <span className="font-mono">{p.first}</span>: {p.secondReadAsFirst}
                      </li>
                    ))
                  ) : (
                    <li className="text-slate-600">none</li>
                  )}
                </ul>
              </div>
            </div>
            <div className="mt-4">
              <HeatMap title="Confusion matrix (rows: admins' label, columns: prediction)" labels={m.labels} matrix={m.confusion} />
            </div>
          </>
        )}
      </section>
    </main>
  );
}
