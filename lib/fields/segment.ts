import { ImageError } from "../image/image-error";
import { keepComponents, labelComponents, type Component, type Kept } from "../image/ink";
import { cropKept, prepareInk, toModelInput, type NormaliseOptions, type WorkSize } from "../image/normalise";

/**
 * One line of handwriting -> its characters, left to right, each as the 28x28 the model reads: the same
 * normalisation of the whole image as a single character gets, then connected components, the parts of one
 * character grouped (the dot of an i or j, the bars of =, a broken stroke), and word gaps as spaces.
 * Touching characters are split when a classifier is given (recognition-driven, see splitTouching).
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
/** Each character of a reading costs this much log-probability, so a part is not cut into slivers the model half-recognises. */
const PER_CHARACTER = 0.5;

const NO_WRITING = "no writing found: the image is blank or has too little contrast";

export type Box = { x: number; y: number; width: number; height: number };

export type FieldCharacter = {
  /** 784 bytes, row-major, ink = 255: the model's input. */
  pixels: Uint8Array;
  /** Where it is in the original image, in its pixels. */
  box: Box;
  /** A word gap comes before it. */
  spaceBefore: boolean;
};

type Group = { ids: number[]; x0: number; y0: number; x1: number; y1: number };

/** The model's probabilities for a batch of 28x28 images (the character model, run by the caller). */
export type Classify = (images: Uint8Array[]) => Promise<ArrayLike<number>[]>;

/**
 * `classify`, when given, splits touching characters: a part much wider than a character is cut where its
 * ink is thinnest, and the cuts the model reads most confidently win (see splitTouching).
 */
export async function segmentField(input: Buffer, opts: NormaliseOptions, classify?: Classify): Promise<FieldCharacter[]> {
  const prepared = await prepareInk(input, opts, FIELD_SIZE).catch((err: unknown) => {
    throw err instanceof ImageError && err.code === "NO_CHARACTER" ? new ImageError("NO_CHARACTER", NO_WRITING) : err;
  });
  const { width, height, scale } = prepared;
  const { label, comps } = labelComponents(prepared.mask, width, height);
  const largest = Math.max(0, ...comps.map((c) => c.area));
  const parts = comps.map((c, id) => ({ ...c, id })).filter((c) => c.area >= Math.max(3, largest * SPECK_SHARE));
  if (!parts.length) throw new ImageError("NO_CHARACTER", NO_WRITING);

  const groups = groupCharacters(parts);
  const characterHeight = median(groups.map((g) => g.y1 - g.y0 + 1));
  const gaps = groups.map((g, i) => (i > 0 ? g.x0 - groups[i - 1].x1 - 1 : 0));
  const wordGap = Math.max(characterHeight * WORD_GAP_OF_HEIGHT, median(gaps.slice(1)) * WORD_GAP_OF_GAPS);
  const out: FieldCharacter[] = [];
  for (const [i, g] of groups.entries()) {
    const members = new Set(g.ids);
    const kept = keepComponents(label, comps, (id) => members.has(id), width, height);
    const pieceOf = (from: number, to: number): Piece => {
      const columns = onlyColumns(kept, from, to);
      return { pixels: toModelInput(cropKept(prepared, columns)), kept: columns };
    };
    const pieces = classify ? await splitTouching(g, characterHeight, width, label, pieceOf, classify) : [pieceOf(g.x0, g.x1 + 1)];
    pieces.forEach((piece, k) => {
      const { x0, y0, x1, y1 } = piece.kept;
      out.push({
        pixels: piece.pixels,
        box: { x: Math.round(x0 * scale), y: Math.round(y0 * scale), width: Math.round((x1 - x0 + 1) * scale), height: Math.round((y1 - y0 + 1) * scale) },
        spaceBefore: k === 0 && i > 0 && gaps[i] > wordGap,
      });
    });
  }
  return out;
}

type Piece = { pixels: Uint8Array; kept: Kept };

/**
 * Recognition-driven over-segmentation of one part: candidate cuts at the columns where its ink is
 * thinnest, every run of pieces between two cuts read by the model in one batch, and the path through them
 * (dynamic programming over the cuts) with the highest total log-probability, less a cost per character.
 */
async function splitTouching(
  g: Group,
  characterHeight: number,
  width: number,
  label: Int32Array,
  pieceOf: (from: number, to: number) => Piece,
  classify: Classify,
): Promise<Piece[]> {
  const whole = () => [pieceOf(g.x0, g.x1 + 1)];
  const partWidth = g.x1 - g.x0 + 1;
  if (partWidth <= characterHeight * SPLIT_WIDER_THAN) return whole();
  const members = new Set(g.ids);
  const columns: number[] = [];
  for (let x = g.x0; x <= g.x1; x++) {
    let n = 0;
    for (let y = g.y0; y <= g.y1; y++) if (members.has(label[y * width + x])) n++;
    columns.push(n);
  }
  // cuts: local minima of the ink per column, away from the part's ends and from each other
  const minGap = Math.max(2, Math.round(characterHeight * MIN_PIECE));
  const candidates = columns
    .map((n, i) => ({ x: g.x0 + i, n }))
    .filter(({ x }) => x - g.x0 >= minGap && g.x1 + 1 - x >= minGap)
    .filter(({ x, n }) => n <= (columns[x - g.x0 - 1] ?? Infinity) && n <= (columns[x - g.x0 + 1] ?? Infinity))
    .sort((a, b) => a.n - b.n);
  const cuts: number[] = [];
  for (const c of candidates) if (cuts.length < 8 && cuts.every((x) => Math.abs(x - c.x) >= minGap)) cuts.push(c.x);
  const positions = [g.x0, ...cuts.sort((a, b) => a - b), g.x1 + 1];

  const spans: [number, number][] = [];
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      const w = positions[j] - positions[i];
      if (w >= characterHeight * MIN_PIECE && w <= characterHeight * MAX_PIECE) spans.push([i, j]);
    }
  }
  if (!spans.length) return whole();
  const pieces = spans.map(([i, j]) => pieceOf(positions[i], positions[j]));
  const rows = await classify(pieces.map((p) => p.pixels));
  const score = rows.map((r) => Math.log(Math.max(1e-9, Math.max(...Array.from(r)))) - PER_CHARACTER);
  // best[j]: the best total reaching position j, and the span that got there
  const best: { total: number; span: number }[] = positions.map(() => ({ total: -Infinity, span: -1 }));
  best[0] = { total: 0, span: -1 };
  spans.forEach(([i, j], s) => {
    if (best[i].total > -Infinity && best[i].total + score[s] > best[j].total) best[j] = { total: best[i].total + score[s], span: s };
  });
  const last = positions.length - 1;
  if (best[last].span < 0) return whole();
  const path: Piece[] = [];
  for (let at = last; at > 0; at = spans[best[at].span][0]) path.unshift(pieces[best[at].span]);
  return path;
}

/** Only the columns [from, to) of a kept area: its box narrowed (cropKept reads nothing outside the box). */
function onlyColumns(kept: Kept, from: number, to: number): Kept {
  return { ...kept, x0: Math.max(kept.x0, from), x1: Math.min(kept.x1, to - 1) };
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
    if (last && overlap >= narrower * SAME_CHARACTER_OVERLAP) {
      last.ids.push(c.id);
      last.x0 = Math.min(last.x0, c.x0);
      last.y0 = Math.min(last.y0, c.y0);
      last.x1 = Math.max(last.x1, c.x1);
      last.y1 = Math.max(last.y1, c.y1);
    } else {
      groups.push({ ids: [c.id], x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 });
    }
  }
  return groups;
}
