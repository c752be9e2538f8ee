import { ImageError } from "../image/image-error";
import { keepComponents, labelComponents, type Component, type Kept } from "../image/ink";
import { CONTENT_TYPES, cropKept, prepareInk, toModelInput, type Ink, type NormaliseOptions, type WorkSize } from "../image/normalise";
import type { Gap, LatticeShape } from "./decode";
import { removeComb, type Comb } from "./comb";

/**
 * One line of handwriting -> every way of cutting it into characters that is worth reading: the lattice the
 * decoder (lib/fields/decode.ts) walks. The whole image gets the normalisation a single character gets
 * (polarity, paper, lighting, specks, ruled lines); then connected components, the parts of one character
 * grouped (the dot of an i or j, the bars of =, a broken stroke), word gaps, and for a part much wider than
 * a character (touching characters) candidate cuts where its ink is thinnest. A node is a place between
 * characters; a span from one node to a later one is one candidate character, with the 28x28 the model
 * reads for it. Comb fields (a row of boxes) are cut at their box lines instead. Pure image work: it runs in
 * the image pool, and the model reads the spans afterwards, all in one batch.
 */

/** A line is analysed with about this many pixels along it: a short field keeps its size, a long one shrinks. */
const FIELD_SIZE: WorkSize = { cellTarget: 640, workMax: 768 };
/** Parts much smaller than the largest are specks, unless they sit above or below a character (a dot). */
const SPECK_SHARE = 0.01;
/** Parts that overlap this share of the narrower one's width belong to one character. */
const SAME_CHARACTER_OVERLAP = 0.5;
/** A space between words: a gap wider than this share of the characters' median height... */
const WORD_GAP_OF_HEIGHT = 0.9;
/** ...and this many times the median gap between neighbours (people space their letters differently). */
const WORD_GAP_OF_GAPS = 1.8;
/** Narrower than this share of the character height is no character on its own... */
const MIN_PIECE = 0.25;
/** ...and wider than this is more than one (M and W are about as wide as they are high). */
const MAX_PIECE = 1.3;
/** A part wider than this share of the character height may be several characters touching. */
const SPLIT_WIDER_THAN = 1.2;
/** How strongly a piece cut from a wider part is held to the width of the line's single characters. */
const WIDTH_PRIOR = 2;
/** At most this many cuts are tried in one part. */
const MAX_CUTS = 8;
/** Two neighbouring parts closer than this share of the height may be one broken character, if together narrow enough... */
const BROKEN_GAP = 0.12;
const BROKEN_WIDTH = 1.0;
/** ...or a little further apart when one is a small stroke (the flag of a 5, the bar of a T written apart). */
const STROKE_GAP = 0.35;
const STROKE_SIZE = 0.5;

const NO_WRITING = "no writing found: the image is blank or has too little contrast";

export type Box = { x: number; y: number; width: number; height: number };

export type LatticeSpan = {
  from: number;
  to: number;
  /** 784 bytes, row-major, ink = 255: what the model reads. */
  pixels: Uint8Array;
  /** Where it is in the original image, in its pixels. */
  box: Box;
  /** Log-probability of the piece's width alone (pieces cut from a wider part only; see WIDTH_PRIOR). */
  prior?: number;
};

export type Lattice = Omit<LatticeShape, "spans"> & {
  spans: LatticeSpan[];
  /** The original image's size. */
  size: { width: number; height: number };
  /** Whether the field was a row of boxes, cut at its lines. */
  comb: boolean;
  /** What the decoder found, never what the client claimed. */
  contentType: string;
};

type Group = { ids: number[]; x0: number; y0: number; x1: number; y1: number };

export async function buildLattice(input: Buffer, opts: NormaliseOptions): Promise<Lattice> {
  const prepared = await prepareInk(input, opts, FIELD_SIZE).catch((err: unknown) => {
    throw err instanceof ImageError && err.code === "NO_CHARACTER" ? new ImageError("NO_CHARACTER", NO_WRITING) : err;
  });
  let labelled = labelComponents(prepared.mask, prepared.width, prepared.height);
  const comb = removeComb(prepared, labelled);
  if (comb) labelled = labelComponents(prepared.mask, prepared.width, prepared.height); // without the box lines
  const { label, comps } = labelled;
  const largest = Math.max(0, ...comps.map((c) => c.area));
  const parts = comps.map((c, id) => ({ ...c, id })).filter((c) => c.area >= Math.max(3, largest * SPECK_SHARE));
  const cells = comb && groupByCell(parts, comb);
  const groups = cells ? cells.groups : groupCharacters(parts);
  if (!groups.length) throw new ImageError("NO_CHARACTER", NO_WRITING);
  return new LatticeBuilder(prepared, label, comps, groups, comb && { cellHeight: comb.cellHeight, emptyBefore: cells!.emptyBefore }).build();
}

class LatticeBuilder {
  private readonly characterHeight: number;
  private characterWidth = 0;
  private readonly spans: LatticeSpan[] = [];
  private readonly gaps: Gap[] = ["none"];

  constructor(
    private readonly prepared: Ink,
    private readonly label: Int32Array,
    private readonly comps: Component[],
    private readonly groups: Group[],
    /** A comb's box height, and for each character whether an empty box comes before it (read as a space). */
    private readonly comb: { cellHeight: number; emptyBefore: boolean[] } | undefined,
  ) {
    this.characterHeight = comb ? comb.cellHeight : median(groups.map((g) => g.y1 - g.y0 + 1));
  }

  build(): Lattice {
    const { groups, characterHeight: h } = this;
    // the width of the line's single characters: parts not wide enough to be several
    const single = groups.map((g) => g.x1 - g.x0 + 1).filter((w) => w <= h * SPLIT_WIDER_THAN);
    this.characterWidth = single.length ? median(single) : h * 0.7;
    const gapBefore = groups.map((g, i) => (i > 0 ? g.x0 - groups[i - 1].x1 - 1 : 0));
    const wordGap = this.comb ? Infinity : Math.max(h * WORD_GAP_OF_HEIGHT, median(gapBefore.slice(1)) * WORD_GAP_OF_GAPS);
    /** The node each group starts at. */
    const startOf: number[] = [];
    let node = 0;
    groups.forEach((g, i) => {
      startOf.push(node);
      if (i > 0) this.gaps[node] = this.comb ? (this.comb.emptyBefore[i] ? "word" : "none") : gapBefore[i] > wordGap ? "word" : "narrow";
      const kept = this.keptOf(g.ids);
      const positions = this.comb ? [g.x0, g.x1 + 1] : [g.x0, ...this.cuts(g), g.x1 + 1];
      this.addSpans(kept, positions, node, positions.length > 2);
      node += positions.length - 1;
      for (let k = 1; k < positions.length - 1; k++) this.gaps[startOf[i] + k] = "none";
    });
    this.gaps[node] = "none";
    if (!this.comb) this.addBrokenCharacters(startOf, gapBefore, node);
    const { width, height, format } = this.prepared.source;
    const gaps = Array.from({ length: node + 1 }, (_, i) => this.gaps[i] ?? "none");
    return { nodes: node + 1, spans: this.spans, gaps, size: { width, height }, comb: Boolean(this.comb), contentType: CONTENT_TYPES[format] };
  }

  private keptOf(ids: number[]): Kept {
    const members = new Set(ids);
    return keepComponents(this.label, this.comps, (id) => members.has(id), this.prepared.width, this.prepared.height);
  }

  /** Spans between the positions (x) of one group, as wide as a character can be; the first position is node `first`. */
  private addSpans(kept: Kept, positions: number[], first: number, cut: boolean) {
    const h = this.characterHeight;
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const w = positions[j] - positions[i];
        const whole = i === 0 && j === positions.length - 1;
        if (whole || this.comb || (w >= h * MIN_PIECE && w <= h * MAX_PIECE)) {
          // in a part with cuts, a piece far from a character's width is less likely to be one
          const prior = cut ? -WIDTH_PRIOR * Math.log(w / this.characterWidth) ** 2 : 0;
          this.addSpan(kept, positions[i], positions[j], first + i, first + j, prior);
        }
      }
    }
  }

  private addSpan(kept: Kept, from: number, to: number, fromNode: number, toNode: number, prior = 0) {
    const piece = { ...kept, x0: Math.max(kept.x0, from), x1: Math.min(kept.x1, to - 1) };
    const crop = cropKept(this.prepared, piece);
    const s = this.prepared.scale;
    // the box of the ink itself, not of the kept area with its rim
    const bounds = inkBounds(this.prepared, piece);
    this.spans.push({
      from: fromNode,
      to: toNode,
      ...(prior && { prior }),
      pixels: toModelInput(crop),
      box: { x: Math.round(bounds.x0 * s), y: Math.round(bounds.y0 * s), width: Math.round((bounds.x1 - bounds.x0 + 1) * s), height: Math.round((bounds.y1 - bounds.y0 + 1) * s) },
    });
  }

  /** Candidate cuts in a part wider than a character: local minima of the ink per column, apart from the ends and each other. */
  private cuts(g: Group): number[] {
    const h = this.characterHeight;
    if (g.x1 - g.x0 + 1 <= h * SPLIT_WIDER_THAN) return [];
    const { label } = this;
    const { width } = this.prepared;
    const members = new Set(g.ids);
    const columns: number[] = [];
    for (let x = g.x0; x <= g.x1; x++) {
      let n = 0;
      for (let y = g.y0; y <= g.y1; y++) if (members.has(label[y * width + x])) n++;
      columns.push(n);
    }
    const minGap = Math.max(2, Math.round(h * MIN_PIECE));
    const candidates = columns
      .map((n, i) => ({ x: g.x0 + i, n }))
      .filter(({ x }) => x - g.x0 >= minGap && g.x1 + 1 - x >= minGap)
      .filter(({ x, n }) => n <= (columns[x - g.x0 - 1] ?? Infinity) && n <= (columns[x - g.x0 + 1] ?? Infinity))
      .sort((a, b) => a.n - b.n);
    const cuts: number[] = [];
    for (const c of candidates) if (cuts.length < MAX_CUTS && cuts.every((x) => Math.abs(x - c.x) >= minGap)) cuts.push(c.x);
    return cuts.sort((a, b) => a - b);
  }

  /** Two close, narrow neighbours may be one character written in two strokes that do not meet (a 5's flag). */
  private addBrokenCharacters(startOf: number[], gapBefore: number[], lastNode: number) {
    const h = this.characterHeight;
    for (let i = 0; i + 1 < this.groups.length; i++) {
      const a = this.groups[i];
      const b = this.groups[i + 1];
      const gap = gapBefore[i + 1];
      const width = b.x1 - a.x0 + 1;
      const small = (g: Group) => Math.min(g.x1 - g.x0 + 1, g.y1 - g.y0 + 1) <= h * STROKE_SIZE;
      const broken = gap <= h * BROKEN_GAP && width <= h * BROKEN_WIDTH;
      const stroke = gap <= h * STROKE_GAP && width <= h * MAX_PIECE && (small(a) || small(b));
      if (!broken && !stroke) continue;
      const end = i + 2 < this.groups.length ? startOf[i + 2] : lastNode;
      this.addSpan(this.keptOf([...a.ids, ...b.ids]), a.x0, b.x1 + 1, startOf[i], end);
    }
  }
}

function inkBounds({ ink, width }: Ink, kept: Kept) {
  let x0 = kept.x1, y0 = kept.y1, x1 = kept.x0, y1 = kept.y0;
  for (let y = kept.y0; y <= kept.y1; y++) {
    for (let x = kept.x0; x <= kept.x1; x++) {
      const i = y * width + x;
      if (!kept.keep[i] || ink[i] <= 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < x0 ? kept : { x0, y0, x1, y1 };
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Components left to right; one that overlaps the character before it enough along the line joins it. */
export function groupCharacters(parts: (Component & { id: number })[]): Group[] {
  const groups: Group[] = [];
  for (const c of [...parts].sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0)) {
    const last = groups.at(-1);
    const overlap = last ? Math.min(last.x1, c.x1) - Math.max(last.x0, c.x0) + 1 : 0;
    const narrower = last ? Math.min(last.x1 - last.x0, c.x1 - c.x0) + 1 : 1;
    if (last && overlap >= narrower * SAME_CHARACTER_OVERLAP) joinGroup(last, c);
    else groups.push({ ids: [c.id], x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 });
  }
  return groups;
}

function joinGroup(g: Group, c: Component & { id: number }) {
  g.ids.push(c.id);
  g.x0 = Math.min(g.x0, c.x0);
  g.y0 = Math.min(g.y0, c.y0);
  g.x1 = Math.max(g.x1, c.x1);
  g.y1 = Math.max(g.y1, c.y1);
}

/** In a comb, each box holds one character: the parts are grouped by the box their middle falls in. */
function groupByCell(parts: (Component & { id: number })[], comb: Comb): { groups: Group[]; emptyBefore: boolean[] } {
  const cells = new Map<number, Group>();
  for (const c of parts) {
    const middle = (c.x0 + c.x1) / 2;
    const cell = comb.lines.findIndex((x, i) => i + 1 < comb.lines.length && middle > x && middle < comb.lines[i + 1]);
    if (cell < 0) continue;
    const g = cells.get(cell);
    if (g) joinGroup(g, c);
    else cells.set(cell, { ids: [c.id], x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 });
  }
  const order = [...cells.keys()].sort((a, b) => a - b);
  return { groups: order.map((cell) => cells.get(cell)!), emptyBefore: order.map((cell, i) => i > 0 && cell - order[i - 1] > 1) };
}
