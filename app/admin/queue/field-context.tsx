"use client";

import { useState } from "react";
import { boxStyle } from "../../box-style";
import type { Sample } from "./use-queue";

type Field = NonNullable<Sample["field"]>;

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;

/**
 * A character read from a field, shown where it was: the whole field with its box marked. The reviewer can
 * type the field's full text, which labels all its characters at once when it lines up with them.
 */
export function FieldContext({ sample, field, original, onLabelField }: { sample: Sample; field: Field; original: string | null | undefined; onLabelField: (text: string) => void }) {
  const [text, setText] = useState(field.suggestedText ?? field.text);
  const box = sample.box;
  return (
    <figure className="w-full" data-testid="field-context">
      <div className="relative w-full max-w-xl overflow-hidden rounded border border-slate-200 bg-white" style={{ aspectRatio: `${field.width} / ${field.height}` }}>
        {original ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={original} alt={`The field “${field.text}”`} className="absolute inset-0 h-full w-full object-fill" />
        ) : (
          <span className="absolute inset-0 flex items-center justify-center text-xs text-slate-600">{original === null ? "no original" : "loading…"}</span>
        )}
        {box && (
          <div
            data-testid="field-context-box"
            className="absolute border-[3px] border-orange-500"
            style={boxStyle(box, field.width, field.height)}
          />
        )}
      </div>
      <figcaption className="mt-1 text-xs text-slate-700">
        The {ordinal((sample.fieldPosition ?? 0) + 1)} of {field.characterCount} characters of field #{field.id}, read as “{field.text}”
        {field.suggestedText && <span className="ml-1 rounded bg-amber-100 px-1">visitor says “{field.suggestedText}”</span>}
        {field.reviewText && <span className="ml-1 rounded bg-amber-100 px-1">segmentation review: an admin typed “{field.reviewText}”</span>}
      </figcaption>
      <form
        className="mt-2 flex flex-wrap items-center gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) onLabelField(text.trim());
        }}
      >
        <label>
          The field says <input className="w-40 rounded border border-slate-300 px-2 py-1 font-mono" value={text} onChange={(e) => setText(e.target.value)} data-testid="field-full-text" />
        </label>
        <button type="submit" className="btn min-h-11">
          Label the whole field
        </button>
      </form>
    </figure>
  );
}
