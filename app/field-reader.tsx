"use client";

import { useCallback, useState } from "react";
import { DrawPad } from "./draw-pad";
import { FieldResult, type FieldReading, type FieldResultState } from "./field-result";
import { ImageInputs } from "./image-inputs";
import { postImage } from "./post-image";
import { useResults } from "./use-results";
import { shrinkForUpload } from "./shrink-upload";

const EXPECT = [
  { value: "free", label: "Free text" },
  { value: "digits", label: "Digits only" },
  { value: "letters", label: "Letters only" },
  { value: "upper", label: "Upper case" },
  { value: "pattern", label: "A pattern…" },
  { value: "lexicon", label: "One of a list…" },
] as const;
type Expect = (typeof EXPECT)[number]["value"];

const PATTERN_EXAMPLES = ["\\d{5}", "\\d{1,2}/\\d{1,2}/\\d{4}", "[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}"];

/** POST /api/read: the reading as the field card holds it, or the server's words for why not. */
async function requestField(image: Blob, name: string, fields: Record<string, string>): Promise<{ reading?: FieldReading; error?: string }> {
  const { answer, error } = await postImage<FieldReading>("/api/read", image, name, fields);
  return { reading: answer, error };
}

/** Field mode: a line of writing (an amount, a date, a postcode, a name, a row of boxes) read whole. */
export function FieldReader() {
  const [expect, setExpect] = useState<Expect>("free");
  const [pattern, setPattern] = useState(PATTERN_EXAMPLES[0]);
  const [lexicon, setLexicon] = useState("");

  const fields = useCallback((): Record<string, string> => {
    if (expect === "pattern") return { pattern };
    if (expect === "lexicon") return { lexicon };
    if (expect === "free") return {};
    return { restrict: expect };
  }, [expect, pattern, lexicon]);
  const send = useCallback(async (file: Blob, name: string) => requestField(await shrinkForUpload(file), name, fields()), [fields]);
  const describe = useCallback(
    () => ({ expected: expect === "pattern" ? `pattern ${pattern}` : expect === "lexicon" ? "one of a list" : EXPECT.find((e) => e.value === expect)!.label.toLowerCase() }),
    [expect, pattern],
  );
  const { results, busy, add: read, dismiss, retry } = useResults<FieldResultState>(send, describe);
  const addFiles = useCallback((files: File[]) => files.forEach((f) => void read(f, f.name || "pasted image")), [read]);

  return (
    <div className="space-y-6">
      <section className="space-y-4" aria-label="Input">
        <div className="flex flex-wrap items-end gap-4">
          <label className="block text-sm font-medium">
            Expect
            <select className="mt-1 block rounded border border-slate-300 bg-white px-2 py-2" value={expect} onChange={(e) => setExpect(e.target.value as Expect)} data-testid="field-expect">
              {EXPECT.map((e) => (
                <option key={e.value} value={e.value}>
                  {e.label}
                </option>
              ))}
            </select>
          </label>
          {expect === "pattern" && (
            <label className="block text-sm font-medium">
              Pattern
              <input className="mt-1 block w-72 rounded border border-slate-300 px-2 py-2 font-mono" value={pattern} onChange={(e) => setPattern(e.target.value)} data-testid="field-pattern" list="pattern-examples" />
              <datalist id="pattern-examples">
                {PATTERN_EXAMPLES.map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
              <span className="block text-xs font-normal text-slate-600">\d a digit, [A-Z] a capital, {"{5}"} five of them, ? optional, a space a gap between words</span>
            </label>
          )}
          {expect === "lexicon" && (
            <label className="block text-sm font-medium">
              Allowed values, one per line
              <textarea className="mt-1 block h-20 w-72 rounded border border-slate-300 px-2 py-1 font-mono" value={lexicon} onChange={(e) => setLexicon(e.target.value)} data-testid="field-lexicon" />
            </label>
          )}
        </div>
        <DrawPad
          busy={busy}
          width={840}
          height={220}
          hint="Write a line here: a number, a date, a postcode, a name"
          label="Drawing area: write a line of characters"
          testId="field-pad"
          submitLabel="Read field"
          onSubmit={(png) => void read(png, "drawing.png")}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <ImageInputs onFiles={addFiles} what="photos of fields" />
        </div>
      </section>
      <section aria-label="Field results" aria-live="polite">
        {results.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">Readings appear here, newest first, with a box around each character.</p>
        ) : (
          <ul className="space-y-4">
            {results.map((r) => (
              <FieldResult key={r.key} result={r} onDismiss={() => dismiss(r.key)} onRetry={() => retry(r)} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
