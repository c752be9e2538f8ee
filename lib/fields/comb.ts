import type { labelComponents } from "../image/ink";

type Labelled = ReturnType<typeof labelComponents>;
import type { Ink } from "../image/normalise";

/**
 * Comb fields: a row of boxes, one character in each. The boxes are one connected part much wider than high
 * whose columns are inked over most of its height in at least three places (the box sides). Their lines are
 * cut out of the ink, so they never become characters, and the sides tell where one character ends.
 */

export type Comb = {
  /** The box sides, left to right, in working pixels. */
  lines: number[];
  cellHeight: number;
};

const MIN_ASPECT = 2.5;
/** A side or an edge: a column (row) of the part inked over this share of its height (width). */
const LINE_SHARE = 0.75;
const MIN_SIDES = 3;
/** Boxes of one comb are about equal: the widest at most this many times the narrowest. */
const MAX_CELL_RATIO = 1.8;

/** `labelled`: the mask's components (labelComponents); when a comb is found its lines are cleared from the mask. */
export function removeComb(prepared: Ink, { label, comps }: Labelled): Comb | undefined {
  const { mask, ink, width, height } = prepared;
  let best = -1;
  comps.forEach((c, id) => {
    const w = c.x1 - c.x0 + 1;
    const h = c.y1 - c.y0 + 1;
    if (h >= 8 && w >= h * MIN_ASPECT && (best < 0 || w > comps[best].x1 - comps[best].x0)) best = id;
  });
  if (best < 0) return undefined;
  const box = comps[best];
  const boxWidth = box.x1 - box.x0 + 1;
  const boxHeight = box.y1 - box.y0 + 1;
  const count = (x: number, y: number) => (label[y * width + x] === best ? 1 : 0);

  const sideColumns: number[] = [];
  for (let x = box.x0; x <= box.x1; x++) {
    let n = 0;
    for (let y = box.y0; y <= box.y1; y++) n += count(x, y);
    if (n >= boxHeight * LINE_SHARE) sideColumns.push(x);
  }
  const sides = clusters(sideColumns);
  if (sides.length < MIN_SIDES || sides.some((s) => s.last - s.first + 1 > boxHeight * 0.15 + 2)) return undefined;
  const lines = sides.map((s) => (s.first + s.last) / 2);
  const cells = lines.slice(1).map((x, i) => x - lines[i]);
  if (Math.max(...cells) > Math.min(...cells) * MAX_CELL_RATIO || Math.min(...cells) < boxHeight * 0.3) return undefined;

  const edgeRows: number[] = [];
  for (let y = box.y0; y <= box.y1; y++) {
    let n = 0;
    for (let x = box.x0; x <= box.x1; x++) n += count(x, y);
    if (n >= boxWidth * LINE_SHARE) edgeRows.push(y);
  }

  // Clear the lines with a pixel of margin, where their anti-aliased rim lies.
  const clear = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    mask[y * width + x] = 0;
    ink[y * width + x] = 0;
  };
  for (const s of sides) for (let x = s.first - 1; x <= s.last + 1; x++) for (let y = box.y0 - 1; y <= box.y1 + 1; y++) clear(x, y);
  for (const s of clusters(edgeRows)) for (let y = s.first - 1; y <= s.last + 1; y++) for (let x = box.x0 - 1; x <= box.x1 + 1; x++) clear(x, y);
  return { lines, cellHeight: boxHeight };
}

function clusters(sorted: number[]): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v === last.last + 1) last.last = v;
    else out.push({ first: v, last: v });
  }
  return out;
}
