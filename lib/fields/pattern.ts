import { ImageError } from "../image/image-error";

/**
 * What a field may say, as a small automaton the decoder walks while it reads (lib/fields/decode.ts): a
 * pattern (a documented subset of regular expressions), a lexicon (a list of allowed values) or one
 * restriction for every character. Written here rather than taken from a regex library because the decoder
 * needs the automaton itself, state by state, over the model's classes, which regex engines do not expose.
 *
 * The pattern subset, always matched against the whole field:
 *   literal characters (escape . [ ] ( ) { } ? * + | \ ^ $ with a backslash); a space matches a word gap
 *   `.` any character the model knows; `\d` a digit; `\w` a letter or digit; `\s` a space
 *   `[...]` a set of characters and ranges (`[A-Z0-9]`, `[A-Za-z\-]`); no negation
 *   `(...)` groups, `|` alternatives
 *   `?` `*` `+` `{n}` `{n,}` `{n,m}` (at most 32 repeats); `^` and `$` are accepted and change nothing
 * Characters the model does not know (such as / - . :) may appear as literals: a piece of writing stands for
 * them wherever the pattern puts them.
 */

/** A set of characters, or null for an empty (epsilon) move. */
type Edge = { to: number; chars: Set<string> | null };

export type Automaton = {
  start: number;
  accept: Set<number>;
  edges: Edge[][];
  /** What the constraint was, for the answer and for storage ("pattern:\\d{5}", "lexicon:3 values", "digits"). */
  describe: string;
};

/**
 * A pattern's automaton may have at most this many states: nested repeats multiply (`((.?){32}){32}` has
 * over 2,000), and the decoder's work grows with them on every character of the line.
 */
const MAX_STATES = 2_000;
const MAX_REPEAT = 32;
export const MAX_PATTERN_LENGTH = 200;
export const MAX_LEXICON = { values: 10_000, characters: 200_000, valueLength: 64 };

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = UPPER.toLowerCase();
const WORD = DIGITS + UPPER + LOWER;

type Node =
  | { kind: "chars"; chars: Set<string> }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; item: Node; min: number; max: number | null };

const patternError = (pattern: string, why: string) => new ImageError("BAD_USER_INPUT", `the pattern ${JSON.stringify(pattern)} ${why}`);

/** Parses the subset above; `any` is what `.` stands for (every character the model knows). */
function parse(pattern: string, any: string): Node {
  let at = 0;
  const peek = () => pattern[at];
  const fail = (why: string): never => {
    throw patternError(pattern, `${why} (at character ${at + 1})`);
  };

  const escape = (inSet: boolean): Set<string> => {
    const c = pattern[at++];
    if (c === undefined) fail("ends with a lone backslash");
    if (c === "d") return new Set(DIGITS);
    if (c === "w") return new Set(WORD);
    if (c === "s") return new Set(" ");
    if (/[A-Za-z0-9]/.test(c) && !inSet) fail(`uses \\${c}, which is not supported (\\d, \\w and \\s are)`);
    return new Set(c);
  };

  const set = (): Set<string> => {
    const chars = new Set<string>();
    if (peek() === "^") fail("uses a negated set [^...], which is not supported");
    while (peek() !== "]") {
      if (peek() === undefined) fail("has a [ without its ]");
      let from: Set<string>;
      if (peek() === "\\") {
        at++;
        from = escape(true);
      } else {
        from = new Set(pattern[at++]);
      }
      if (peek() === "-" && pattern[at + 1] !== "]" && pattern[at + 1] !== undefined && from.size === 1) {
        at++;
        const lo = [...from][0].codePointAt(0)!;
        const hi = pattern[at++].codePointAt(0)!;
        if (hi < lo) fail("has a range written backwards");
        if (hi - lo > 256) fail("has a range wider than 256 characters");
        for (let c = lo; c <= hi; c++) chars.add(String.fromCodePoint(c));
      } else {
        from.forEach((c) => chars.add(c));
      }
    }
    at++;
    if (!chars.size) fail("has an empty set []");
    return chars;
  };

  const atom = (): Node => {
    const c = pattern[at++];
    if (c === "(") {
      if (peek() === "?" && pattern[at + 1] === ":") at += 2;
      const inner = alternatives();
      if (pattern[at++] !== ")") fail("has a ( without its )");
      return inner;
    }
    if (c === "[") return { kind: "chars", chars: set() };
    if (c === "\\") return { kind: "chars", chars: escape(false) };
    if (c === ".") return { kind: "chars", chars: new Set(any) };
    if ("?*+{".includes(c)) fail(`has ${c} with nothing before it to repeat`);
    if (c === ")") fail("has a ) without its (");
    if (c === "]" || c === "}") fail(`has an unescaped ${c}`);
    return { kind: "chars", chars: new Set(c) };
  };

  const quantified = (item: Node): Node => {
    for (;;) {
      const c = peek();
      let min: number, max: number | null;
      if (c === "?") [min, max] = [0, 1];
      else if (c === "*") [min, max] = [0, null];
      else if (c === "+") [min, max] = [1, null];
      else if (c === "{") {
        const m = pattern.slice(at).match(/^\{(\d+)(,(\d*))?\}/);
        if (!m) fail("has a { that is not {n}, {n,} or {n,m}");
        min = Number(m![1]);
        max = m![2] ? (m![3] ? Number(m![3]) : null) : min;
        if ((max ?? min) > MAX_REPEAT || min > MAX_REPEAT) fail(`repeats more than ${MAX_REPEAT} times`);
        if (max !== null && max < min) fail("has {n,m} with m below n");
        at += m![0].length - 1;
      } else return item;
      at++;
      item = { kind: "repeat", item, min, max };
    }
  };

  const sequence = (): Node => {
    const items: Node[] = [];
    while (at < pattern.length && peek() !== "|" && peek() !== ")") {
      if ((peek() === "^" && at === 0) || (peek() === "$" && at === pattern.length - 1)) {
        at++;
        continue;
      }
      items.push(quantified(atom()));
    }
    return { kind: "seq", items };
  };

  function alternatives(): Node {
    const options = [sequence()];
    while (peek() === "|") {
      at++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0] : { kind: "alt", options };
  }

  const tree = alternatives();
  if (at < pattern.length) fail("has a ) without its (");
  return tree;
}

/** Thompson's construction: each node becomes a piece of automaton from one state to another. */
class Builder {
  edges: Edge[][] = [];

  state(): number {
    if (this.edges.length >= MAX_STATES) throw new ImageError("BAD_USER_INPUT", `the pattern is too complex to read with (more than ${MAX_STATES} states): use fewer nested repeats`);
    this.edges.push([]);
    return this.edges.length - 1;
  }

  link(from: number, to: number, chars: Set<string> | null) {
    this.edges[from].push({ to, chars });
  }

  /** Builds `node` from state `from`; returns the state it ends in. */
  build(node: Node, from: number): number {
    switch (node.kind) {
      case "chars": {
        const to = this.state();
        this.link(from, to, node.chars);
        return to;
      }
      case "seq":
        return node.items.reduce((at, item) => this.build(item, at), from);
      case "alt": {
        const end = this.state();
        for (const option of node.options) this.link(this.build(option, from), end, null);
        return end;
      }
      case "repeat": {
        let at = from;
        for (let i = 0; i < node.min; i++) at = this.build(node.item, at);
        if (node.max === null) {
          const loop = this.state();
          this.link(at, loop, null);
          this.link(this.build(node.item, loop), loop, null);
          return loop;
        }
        const end = this.state();
        this.link(at, end, null);
        for (let i = node.min; i < node.max; i++) {
          at = this.build(node.item, at);
          this.link(at, end, null);
        }
        return end;
      }
    }
  }
}

/** `known`: every character the model can read (its classes and the characters they stand for). */
export function compilePattern(pattern: string, known: string): Automaton {
  if (pattern.length > MAX_PATTERN_LENGTH) throw patternError(pattern.slice(0, 40) + "…", `is longer than ${MAX_PATTERN_LENGTH} characters`);
  const builder = new Builder();
  const start = builder.state();
  const end = builder.build(parse(pattern, known), start);
  return { start, accept: new Set([end]), edges: builder.edges, describe: `pattern:${pattern}` };
}

/** A list of allowed values as a trie: one state per distinct prefix, so reading it stays cheap for thousands of names. */
export function compileLexicon(values: string[]): Automaton {
  const cleaned = [...new Set(values.map((v) => v.trim().replace(/\s+/g, " ")).filter(Boolean))];
  if (!cleaned.length) throw new ImageError("BAD_USER_INPUT", "the lexicon is empty: give the values the field may take");
  if (cleaned.length > MAX_LEXICON.values) throw new ImageError("BAD_USER_INPUT", `the lexicon has ${cleaned.length} values; at most ${MAX_LEXICON.values}`);
  const long = cleaned.find((v) => v.length > MAX_LEXICON.valueLength);
  if (long) throw new ImageError("BAD_USER_INPUT", `the lexicon value ${JSON.stringify(long.slice(0, 20) + "…")} is longer than ${MAX_LEXICON.valueLength} characters`);
  if (cleaned.reduce((n, v) => n + v.length, 0) > MAX_LEXICON.characters) throw new ImageError("BAD_USER_INPUT", `the lexicon is longer than ${MAX_LEXICON.characters} characters`);
  const edges: Edge[][] = [[]];
  const child: Map<string, number>[] = [new Map()];
  const accept = new Set<number>();
  for (const value of cleaned) {
    let at = 0;
    for (const c of value) {
      let next = child[at].get(c);
      if (next === undefined) {
        next = edges.length;
        edges.push([]);
        child.push(new Map());
        child[at].set(c, next);
        edges[at].push({ to: next, chars: new Set(c) });
      }
      at = next;
    }
    accept.add(at);
  }
  return { start: 0, accept, edges, describe: `lexicon:${cleaned.length} value${cleaned.length === 1 ? "" : "s"}` };
}

/** Any characters of `allowed`, with spaces between words: free text, or one restriction for every character. */
export function anyOf(allowed: string, describe: string): Automaton {
  return { start: 0, accept: new Set([0]), edges: [[{ to: 0, chars: new Set(allowed + " ") }]], describe };
}
