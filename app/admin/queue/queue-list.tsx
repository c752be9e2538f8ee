import type { Sample } from "./use-queue";

/** A stored confidence as people read it ("–" when there is none). */
export const pct = (p: number | null) => (p == null ? "–" : `${(p * 100).toFixed(0)}%`);

export const RESTRICTIONS: Record<string, string> = { digits: "digits only", letters: "letters only", upper: "upper case only", lower: "lower case only" };
/** How the visitor restricted the answer, in words ("digits only", "one of 0123"). */
export const restrictionText = (r: string | null) => (!r ? null : (RESTRICTIONS[r] ?? (r.startsWith("classes:") ? `one of ${r.slice(8)}` : r)));

/** The pending samples; the current one marked, selected ones clearly so. Clicking picks one. */
export function QueueList({ samples, index, selected, onPick }: { samples: Sample[]; index: number; selected: Set<string>; onPick: (i: number) => void }) {
  return (
    <ol className="max-h-[70vh] space-y-1 overflow-y-auto" aria-label="Pending samples">
      {samples.map((s, i) => (
        <li key={s.id}>
          <button
            type="button"
            tabIndex={-1}
            onClick={() => onPick(i)}
            aria-current={i === index}
            aria-pressed={selected.has(s.id)}
            className={`flex min-h-11 w-full items-center gap-2 rounded border px-2 py-1 text-left text-sm ${
              i === index ? "border-blue-700 bg-blue-50 text-slate-900" : "border-slate-200 bg-white"
            } ${selected.has(s.id) ? "ring-2 ring-amber-500" : ""}`}
          >
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={s.image28} alt="" className="h-8 w-8" style={{ imageRendering: "pixelated" }} />
            <span className="font-mono text-lg">{s.predictedLabel}</span>
            <span className="text-slate-600">{pct(s.confidence)}</span>
            {s.restriction && <span className="rounded bg-slate-200 px-1 text-xs" data-testid="restriction-badge">{restrictionText(s.restriction)}</span>}
            {s.suggestedLabel && <span className="rounded bg-amber-100 px-1 text-xs">visitor: {s.suggestedLabel}</span>}
            {s.field && <span className="rounded border border-slate-400 px-1 text-xs" data-testid="field-badge">in “{s.field.text}”</span>}
            {selected.has(s.id) && <span className="ml-auto rounded bg-amber-500 px-1 text-xs font-semibold text-[#fff]">selected</span>}
          </button>
        </li>
      ))}
    </ol>
  );
}
