"use client";

import { useEffect, useState } from "react";
import { FieldReader } from "./field-reader";
import { Recognizer } from "./recognizer";

type Mode = "character" | "field";

/** One character or a whole field; the choice is kept in the address (#field) so it can be linked and survives a reload. */
export function Modes() {
  const [mode, setMode] = useState<Mode>("character");
  useEffect(() => {
    const follow = () => setMode(window.location.hash === "#field" ? "field" : "character");
    follow();
    // a link to #field on this same page changes only the hash
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  const choose = (m: Mode) => {
    setMode(m);
    history.replaceState(null, "", m === "field" ? "#field" : window.location.pathname);
  };
  return (
    <>
      <div role="tablist" aria-label="What to read" className="mb-5 inline-flex rounded-lg border border-slate-300 bg-white p-1">
        {(
          [
            ["character", "One character"],
            ["field", "A field (a line of writing)"],
          ] as const
        ).map(([m, label]) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            className={`min-h-11 rounded-md px-4 text-sm font-medium ${mode === m ? "bg-blue-700 text-[#fff]" : "text-slate-800"}`}
            onClick={() => choose(m)}
          >
            {label}
          </button>
        ))}
      </div>
      {mode === "character" ? <Recognizer /> : <FieldReader />}
    </>
  );
}
