import type { ClassSet } from "../models/classsets";

export type Restriction = "digits" | "letters" | "upper" | "lower";

/**
 * Which of the model's classes a restriction allows. A merged class (balanced47's "C" stands for C and c)
 * counts as lower case when a lower-case letter folds into it. An explicit list names characters;
 * each is mapped through the class set's merges.
 */
export function allowedClasses(classes: string[], set: ClassSet | undefined, restriction?: Restriction, explicit?: string[]): boolean[] | undefined {
  if (!restriction && !explicit?.length) return undefined;
  const stands = (label: string) => set?.standsFor(label) ?? [label];
  const wanted = explicit?.length ? new Set(explicit.map((c) => set?.fold(c) ?? c)) : undefined;
  return classes.map((label) => {
    if (wanted) return wanted.has(label);
    const chars = stands(label);
    switch (restriction) {
      case "digits":
        return /^[0-9]$/.test(label);
      case "letters":
        return /^[A-Za-z]$/.test(label);
      case "upper":
        return chars.some((c) => /^[A-Z]$/.test(c));
      case "lower":
        return chars.some((c) => /^[a-z]$/.test(c));
      default:
        return true;
    }
  });
}

export type Ranked = { label: string; probability: number };

/** Top-k of the probabilities, renormalised over the allowed classes (the same as a softmax over them). */
export function topK(probabilities: ArrayLike<number>, classes: string[], k: number, allowed?: boolean[]): Ranked[] {
  let total = 0;
  const rows: Ranked[] = [];
  for (let i = 0; i < classes.length; i++) {
    if (allowed && !allowed[i]) continue;
    total += probabilities[i];
    rows.push({ label: classes[i], probability: probabilities[i] });
  }
  rows.sort((a, b) => b.probability - a.probability);
  return rows.slice(0, k).map((r) => ({ label: r.label, probability: total > 0 ? r.probability / total : 0 }));
}
