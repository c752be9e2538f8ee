import { extremeFilter, otsuThreshold } from "./ink";

const MIN_SHEET_SHARE = 0.1; // of the image's pixels
const MIN_SOLIDITY = 0.45; // of its bounding box (a sheet turned 45 degrees fills half of it)
const MIN_BRIGHT_SHARE = 0.7; // of the sheet: paper with a few strokes, not a chalk ring around dark board
const MIN_STEP = 60; // grey levels between the sheet's paper and what lies around it
const EDGE = 0.02; // of the longest side: the sheet's edge and its shadow go with the desk

/**
 * A sheet of paper photographed on a darker desk. The desk would decide the polarity (the image's border is
 * dark) and the sheet's edge would be the largest stroke. Takes the largest bright region as the sheet and
 * what the image border reaches without crossing it as the desk. When that looks like a sheet (large,
 * solid, mostly bright, well above the desk), returns the desk with the sheet's edge and shadow, for the
 * rest of the analysis to leave out; otherwise undefined.
 */
export function findDesk(gray: Uint8Array, width: number, height: number): Uint8Array | undefined {
  const n = gray.length;
  const hist = new Float64Array(256);
  for (let i = 0; i < n; i++) hist[gray[i]]++;
  const threshold = otsuThreshold(hist);
  const bright = largestComponent(gray, width, height, (v) => v > threshold);
  if (!bright) return undefined;

  // The desk: what the image border reaches without crossing the bright region (strokes on the sheet are enclosed).
  const desk = new Uint8Array(n);
  const stack: number[] = [];
  const reach = (i: number) => {
    if (!desk[i] && !bright[i]) {
      desk[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < width; x++) reach(x), reach((height - 1) * width + x);
  for (let y = 0; y < height; y++) reach(y * width), reach(y * width + width - 1);
  let deskSum = 0;
  while (stack.length) {
    const i = stack.pop()!;
    deskSum += gray[i];
    const x = i % width;
    if (x > 0) reach(i - 1);
    if (x < width - 1) reach(i + 1);
    if (i >= width) reach(i - width);
    if (i < n - width) reach(i + width);
  }

  // The sheet: everything else, its strokes and the paper inside them included.
  let area = 0;
  let brightArea = 0;
  let brightSum = 0;
  let x0 = width;
  let x1 = 0;
  let y0 = height;
  let y1 = 0;
  for (let i = 0; i < n; i++) {
    if (desk[i]) continue;
    area++;
    if (gray[i] > threshold) {
      brightArea++;
      brightSum += gray[i];
    }
    const x = i % width;
    const y = (i - x) / width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const deskArea = n - area;
  if (!deskArea || area < n * MIN_SHEET_SHARE) return undefined;
  if (area < (x1 - x0 + 1) * (y1 - y0 + 1) * MIN_SOLIDITY || brightArea < area * MIN_BRIGHT_SHARE) return undefined;
  if (brightSum / brightArea - deskSum / deskArea < MIN_STEP) return undefined;
  const grown = extremeFilter(Float32Array.from(desk), width, height, Math.max(1, Math.round(Math.max(width, height) * EDGE)), true);
  return Uint8Array.from(grown);
}

/** The largest 4-connected region of pixels passing `inside`, as a mask. */
function largestComponent(gray: Uint8Array, width: number, height: number, inside: (v: number) => boolean): Uint8Array | undefined {
  const n = gray.length;
  const id = new Int32Array(n);
  const stack: number[] = [];
  let best = 0;
  let bestArea = 0;
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (id[start] || !inside(gray[start])) continue;
    const current = ++next;
    let area = 0;
    id[start] = current;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      area++;
      const x = i % width;
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i >= width ? i - width : -1, i < n - width ? i + width : -1]) {
        if (j >= 0 && !id[j] && inside(gray[j])) {
          id[j] = current;
          stack.push(j);
        }
      }
    }
    if (area > bestArea) {
      best = current;
      bestArea = area;
    }
  }
  if (!best) return undefined;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (id[i] === best) mask[i] = 1;
  return mask;
}
