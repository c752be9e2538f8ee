import { ImageError } from "../image/image-error";
import { keepComponents, labelComponents, type Component } from "../image/ink";
import { cropKept, prepareInk, toModelInput, type NormaliseOptions, type WorkSize } from "../image/normalise";

/**
 * One line of handwriting -> its characters, left to right, each as the 28x28 the model reads: the same
 * normalisation of the whole image as a single character gets, then connected components, the parts of one
 * character grouped (the dot of an i or j, the bars of =, a broken stroke), and word gaps as spaces.
 * Touching characters stay one segment here; splitting them is the recogniser's work (see the issue).
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

export async function segmentField(input: Buffer, opts: NormaliseOptions): Promise<FieldCharacter[]> {
  const prepared = await prepareInk(input, opts, FIELD_SIZE).catch((err: unknown) => {
    throw err instanceof ImageError && err.code === "NO_CHARACTER" ? new ImageError("NO_CHARACTER", NO_WRITING) : err;
  });
  const { width, height, scale } = prepared;
  const { label, comps } = labelComponents(prepared.mask, width, height);
  const largest = Math.max(0, ...comps.map((c) => c.area));
  const parts = comps.map((c, id) => ({ ...c, id })).filter((c) => c.area >= Math.max(3, largest * SPECK_SHARE));
  if (!parts.length) throw new ImageError("NO_CHARACTER", NO_WRITING);

  const groups = groupCharacters(parts);
  const gaps = groups.map((g, i) => (i > 0 ? g.x0 - groups[i - 1].x1 - 1 : 0));
  const wordGap = Math.max(median(groups.map((g) => g.y1 - g.y0 + 1)) * WORD_GAP_OF_HEIGHT, median(gaps.slice(1)) * WORD_GAP_OF_GAPS);
  return groups.map((g, i) => {
    const members = new Set(g.ids);
    const kept = keepComponents(label, comps, (id) => members.has(id), width, height);
    return {
      pixels: toModelInput(cropKept(prepared, kept)),
      box: { x: Math.round(g.x0 * scale), y: Math.round(g.y0 * scale), width: Math.round((g.x1 - g.x0 + 1) * scale), height: Math.round((g.y1 - g.y0 + 1) * scale) },
      spaceBefore: i > 0 && gaps[i] > wordGap,
    };
  });
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
