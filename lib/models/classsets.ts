import raw from "../../models/classsets.json";

/**
 * The contract both languages read from models/classsets.json (training/classsets.py is the Python twin):
 * the class sets, the image geometry and how EMNIST's files are laid out.
 */
type RawSet = { labels: string; merge?: Record<string, string> };

export type ClassSet = {
  name: string;
  labels: string[];
  merge: Record<string, string>;
  /** The class a character belongs to ("o" -> "O" where the set merges the pair). */
  fold(char: string): string;
  /**
   * Index of the class a label stands for, or undefined when the set has none. A label may name several
   * characters (EMNIST letters: "Aa"); it has an index only where the set folds all of them into one class.
   */
  indexOf(label: string): number | undefined;
  /** The class one typed character belongs to ("o" -> "O"); undefined for anything else. */
  classOf(char: string): string | undefined;
  /** The characters a class stands for: itself and every character the set folds into it ("C" -> C, c). */
  standsFor(label: string): string[];
};

export const IMAGE = raw._image as { height: number; width: number };
export const PIXELS = IMAGE.height * IMAGE.width;
export const EMNIST = raw._emnist as { transposed: string[]; splits: Record<string, string> };

function makeClassSet(name: string, spec: RawSet): ClassSet {
  const labels = [...spec.labels];
  const merge = spec.merge ?? {};
  const index = new Map(labels.map((c, i) => [c, i]));
  const fold = (char: string) => merge[char] ?? char;
  const indexOf = (label: string) => {
    const found = new Set([...label].map((c) => index.get(fold(c))));
    const [only] = found;
    return found.size === 1 ? only : undefined;
  };
  const foldedInto = new Map<string, string[]>();
  for (const [from, to] of Object.entries(merge)) foldedInto.set(to, [...(foldedInto.get(to) ?? []), from]);
  const standsFor = (label: string) => [label, ...(foldedInto.get(label) ?? [])];
  const classOf = (char: string) => {
    const i = [...char].length === 1 ? indexOf(char) : undefined;
    return i === undefined ? undefined : labels[i];
  };
  return { name, labels, merge, fold, indexOf, classOf, standsFor };
}

/** The class sets (models/classsets.json is the source of truth, shared with training/). */
export const CLASS_SETS: Record<string, ClassSet> = Object.fromEntries(
  Object.entries(raw as Record<string, unknown>)
    .filter(([name]) => !name.startsWith("_"))
    .map(([name, spec]) => [name, makeClassSet(name, spec as RawSet)]),
);

export function classSet(name: string): ClassSet {
  const set = CLASS_SETS[name];
  if (!set) throw new Error(`unknown class set ${JSON.stringify(name)}; known: ${Object.keys(CLASS_SETS).join(", ")}`);
  return set;
}

/** The class set an EMNIST file prefix is labelled in: emnist-balanced and emnist-balanced-part… -> balanced47. */
export function emnistClassSet(prefix: string): string | undefined {
  const m = prefix.match(/^emnist-([a-z]+)(?:-part\d+-\d+|-pool)?$/);
  return m ? EMNIST.splits[m[1]] : undefined;
}
