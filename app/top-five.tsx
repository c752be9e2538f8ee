/** A probability as a percentage, with a decimal only near 0 and 100% where whole numbers would mislead. */
export const pct = (p: number) => `${(p * 100).toFixed(p > 0.995 || p < 0.005 ? 1 : 0)}%`;

/** The model's top readings as labelled bars. */
export function TopFive({ ranked }: { ranked: { label: string; probability: number }[] }) {
  return (
    <ol className="space-y-1" aria-label="Top readings">
      {ranked.map((r) => (
        <li key={r.label} className="flex items-center gap-2 text-sm">
          <span className="w-5 text-center font-mono">{r.label}</span>
          <span className="h-2 flex-1 rounded bg-slate-100">
            <span className="block h-2 rounded bg-blue-600" style={{ width: `${Math.max(1, r.probability * 100)}%` }} />
          </span>
          <span className="w-12 text-right tabular-nums text-slate-600">{pct(r.probability)}</span>
        </li>
      ))}
    </ol>
  );
}
