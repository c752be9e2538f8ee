import raw from "../../models/classsets.json";

export type ClassSet = { name: string; labels: string[]; merge: Record<string, string> };

type RawSet = { labels: string; merge?: Record<string, string> };

/** The class sets (models/classsets.json is the source of truth, shared with training/). */
export const CLASS_SETS: Record<string, ClassSet> = Object.fromEntries(
  Object.entries(raw as Record<string, unknown>)
    .filter(([name]) => !name.startsWith("_"))
    .map(([name, spec]) => [name, { name, labels: [...(spec as RawSet).labels], merge: (spec as RawSet).merge ?? {} }]),
);

export function classSet(name: string): ClassSet {
  const set = CLASS_SETS[name];
  if (!set) throw new Error(`unknown class set ${JSON.stringify(name)}; known: ${Object.keys(CLASS_SETS).join(", ")}`);
  return set;
}
