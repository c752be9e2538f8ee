import { ImageError } from "../image/image-error";
import type { ClassSet } from "../models/classsets";
import type { Automaton } from "./pattern";

/**
 * The best readings of a field: a beam search through the segmentation lattice (lib/fields/lattice.ts) and
 * the constraint's automaton together, so every reading it gives matches the constraint. Each step reads
 * one span of the lattice as one character the automaton allows there; a word gap between two parts may be
 * read as a space.
 */

export type Gap = "word" | "narrow" | "none";

/** The shape of a lattice the decoder needs: spans between nodes 0..nodes-1, and what lies before each node. */
export type LatticeShape = {
  nodes: number;
  /** `prior`: a log-probability for the span's shape alone (a width far from a character's is less likely), added to its reading. */
  spans: { from: number; to: number; prior?: number }[];
  gaps: Gap[];
};

export type DecodedCharacter = {
  /** Index into the lattice's spans. */
  span: number;
  char: string;
  /** The model's probability for it, renormalised over what the constraint allowed at this place. */
  probability: number;
  /** A character the model has no class for (a / or - of a date), placed where the constraint wants it. */
  symbol?: true;
  /** The classes the constraint allowed here, when not all of them. */
  allowed?: string[];
};

export type Reading = { text: string; score: number; characters: DecodedCharacter[]; confidence: number };

/** Each character costs this much log-probability, so a part is not cut into slivers the model half-recognises. */
const PER_CHARACTER = 0.5;
/** Log-probability given to a piece standing for a character the model cannot read (/ - . :). */
const SYMBOL_SCORE = Math.log(0.3);
/** A word gap read as no space, and a narrow gap read as a space, cost this much. */
const SPACE_MISMATCH = Math.log(0.05);
/** Classes below this probability are not tried, unless nothing the constraint allows is above it... */
const FLOOR = 1e-4;
/** ...and at most this many classes per candidate character, the most probable the constraint allows. */
const CLASSES_PER_SPAN = 5;

export type DecodeOptions = {
  beam?: number;
  alternatives?: number;
  /**
   * Free text: a letter next to a digit in one word costs SCRIPT_SWITCH, so a close call between look-alikes
   * (O and 0, I and 1, S and 5) goes the way of its neighbours: HELLO, not HELL0; 2024, not 2O24.
   */
  consistentScript?: boolean;
};

const SCRIPT_SWITCH = Math.log(0.5);
/**
 * Automaton edges one field's decoding may look at, so that no pattern holds the request thread for long:
 * a 64-character line under a 10,000-value lexicon, a date or a 200-character line of words and codes stay
 * well below it; a 200-character line under nested repeats (`((.?){8}){8}` twice) reaches it and is
 * refused (400) instead of decoding for seconds.
 */
const WORK_BUDGET = 300_000;
const scriptOf = (c: string) => (/[0-9]/.test(c) ? 1 : /\p{L}/u.test(c) ? 2 : 0);

/** A partial reading; its characters are a chain back to the first (`last`, then `before`), copied out only at the end. */
type Hypothesis = { states: number[]; score: number; text: string; last: DecodedCharacter | null; before: Hypothesis | null };

function charactersOf(h: Hypothesis): DecodedCharacter[] {
  const out: DecodedCharacter[] = [];
  for (let at: Hypothesis | null = h; at?.last; at = at.before) out.push(at.last);
  return out.reverse();
}

export function decodeField(
  lattice: LatticeShape,
  probabilities: ArrayLike<number>[],
  classes: string[],
  set: ClassSet | undefined,
  automaton: Automaton,
  { beam = 16, alternatives = 5, consistentScript = false }: DecodeOptions = {},
): Reading[] {
  const walk = new Walker(automaton, classes, set);
  const at: Map<string, Hypothesis>[] = Array.from({ length: lattice.nodes }, () => new Map());
  const keep = (node: number, h: Hypothesis) => {
    const key = `${h.text}\u0000${h.states.join(",")}`;
    const old = at[node].get(key);
    if (!old || old.score < h.score) at[node].set(key, h);
  };
  keep(0, { states: walk.closure([automaton.start]), score: 0, text: "", last: null, before: null });
  const from = Array.from({ length: lattice.nodes }, () => [] as number[]);
  lattice.spans.forEach((s, i) => from[s.from].push(i));
  // each span's classes, most probable first
  const order = probabilities.map((row) => Array.from({ length: row.length }, (_, k) => k).sort((a, b) => row[b] - row[a]));

  for (let node = 0; node < lattice.nodes; node++) {
    let hypotheses = [...at[node].values()].sort((a, b) => b.score - a.score).slice(0, beam);
    hypotheses = hypotheses.flatMap((h) => withSpace(walk, h, lattice.gaps[node]));
    for (const h of hypotheses) {
      for (const s of from[node]) {
        const row = probabilities[s];
        for (const next of walk.steps(h.states, row, order[s])) {
          const character: DecodedCharacter = {
            span: s,
            char: next.char,
            probability: next.probability,
            ...(next.symbol && { symbol: true as const }),
            ...(next.allowed && { allowed: next.allowed }),
          };
          const before = h.text.at(-1);
          const switched = consistentScript && before !== undefined && scriptOf(before) * scriptOf(next.char) === 2;
          const score = h.score + next.logScore + (lattice.spans[s].prior ?? 0) - PER_CHARACTER + (switched ? SCRIPT_SWITCH : 0);
          keep(lattice.spans[s].to, { states: next.states, score, text: h.text + next.char, last: character, before: h });
        }
      }
    }
    if (node < lattice.nodes - 1) at[node].clear();
  }

  // Readings that differ only in where a space falls are one reading (the best placed) to the person reading them.
  const best = new Map<string, Hypothesis>();
  for (const h of at[lattice.nodes - 1].values()) {
    if (!h.states.some((s) => automaton.accept.has(s)) || !h.last) continue;
    const key = h.text.replace(/ /g, "");
    if (!best.has(key) || best.get(key)!.score < h.score) best.set(key, { ...h, text: h.text.trim() });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, alternatives)
    .map((h) => {
      const characters = charactersOf(h);
      return { text: h.text, score: h.score, characters, confidence: characters.reduce((p, c) => p * c.probability, 1) };
    });
}

/** Before a node that follows a word gap, a hypothesis may read a space there (or not, at a cost); never inside a part. */
function withSpace(walk: Walker, h: Hypothesis, gap: Gap): Hypothesis[] {
  if (gap === "none" || !h.last) return [h];
  const spaced = walk.space(h.states);
  const plain = gap === "word" ? { ...h, score: h.score + SPACE_MISMATCH } : h;
  if (!spaced.length) return [plain];
  const space = { ...h, states: spaced, text: h.text + " ", score: h.score + (gap === "word" ? 0 : SPACE_MISMATCH) };
  return [plain, space];
}

type Step = { states: number[]; char: string; probability: number; logScore: number; symbol: boolean; allowed?: string[] };

/** The automaton seen through the model's classes, with what it has worked out remembered. */
class Walker {
  private readonly closures = new Map<number, number[]>();
  /** Automaton edges looked at so far: a field's reading stops at WORK_BUDGET instead of holding the thread. */
  private work = 0;
  /** For each class, the characters it stands for: "C" stands for C and c where the set merges them. */
  private readonly stands: string[][];
  private readonly known = new Set<string>();
  private readonly moves = new Map<
    string,
    { byClass: ({ states: number[]; char: string } | null)[]; symbols: { states: number[]; char: string }[]; allowed?: string[] }
  >();

  constructor(
    private readonly automaton: Automaton,
    private readonly classes: string[],
    set: ClassSet | undefined,
  ) {
    this.stands = classes.map((label) => set?.standsFor(label) ?? [label]);
    this.stands.flat().forEach((c) => this.known.add(c));
  }

  private spend(edges: number): void {
    this.work += edges;
    if (this.work > WORK_BUDGET) {
      throw new ImageError("BAD_USER_INPUT", "the pattern or lexicon is too complex for a field this long: simplify it, or read the field in shorter pieces");
    }
  }

  closure(states: number[]): number[] {
    const seen = new Set<number>();
    const stack = [...states];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      this.spend(this.automaton.edges[s].length);
      for (const e of this.automaton.edges[s]) if (e.chars === null) stack.push(e.to);
    }
    return [...seen].sort((a, b) => a - b);
  }

  private move(states: number[], accepts: (chars: Set<string>) => string | undefined): { states: number[]; char: string } | null {
    let char: string | undefined;
    const to: number[] = [];
    for (const s of states) {
      this.spend(this.automaton.edges[s].length);
      for (const e of this.automaton.edges[s]) {
        const c = e.chars && accepts(e.chars);
        if (c === undefined || c === null) continue;
        char ??= c;
        to.push(e.to);
      }
    }
    return char === undefined ? null : { states: this.closure(to), char };
  }

  private movesFrom(states: number[]) {
    const key = states.join(",");
    let found = this.moves.get(key);
    if (!found) {
      const byClass = this.stands.map((chars) => this.move(states, (set) => chars.find((c) => set.has(c))));
      const symbols: { states: number[]; char: string }[] = [];
      const seen = new Set<string>();
      for (const s of states) {
        for (const e of this.automaton.edges[s]) {
          for (const c of e.chars ?? []) {
            if (c === " " || this.known.has(c) || seen.has(c)) continue;
            seen.add(c);
            const m = this.move(states, (set) => (set.has(c) ? c : undefined));
            if (m) symbols.push(m);
          }
        }
      }
      const allowed = this.classes.filter((_, k) => byClass[k]);
      found = { byClass, symbols, ...(allowed.length < this.classes.length && { allowed }) };
      this.moves.set(key, found);
    }
    return found;
  }

  space(states: number[]): number[] {
    return this.move(states, (set) => (set.has(" ") ? " " : undefined))?.states ?? [];
  }

  /** The characters the automaton allows next that the model finds most probable, with their (renormalised) probabilities. */
  steps(states: number[], row: ArrayLike<number>, order: number[]): Step[] {
    const { byClass, symbols, allowed } = this.movesFrom(states);
    let mass = 0;
    byClass.forEach((m, k) => {
      if (m) mass += row[k];
    });
    const out: Step[] = [];
    for (const k of order) {
      const m = byClass[k];
      if (!m) continue;
      // the most probable allowed class is always tried, however improbable
      if (out.length && (row[k] < FLOOR || out.length >= CLASSES_PER_SPAN)) break;
      if (row[k] <= 0) break;
      out.push({ states: m.states, char: m.char, probability: row[k] / mass, logScore: Math.log(row[k]), symbol: false, allowed });
    }
    for (const m of symbols) out.push({ states: m.states, char: m.char, probability: Math.exp(SYMBOL_SCORE), logScore: SYMBOL_SCORE, symbol: true });
    return out;
  }
}
