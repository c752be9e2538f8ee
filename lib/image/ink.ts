/**
 * Finding the character in an ink map (Float32, ink bright, paper near 0): lighting correction,
 * thresholding, ruled-line and speck removal. Plain loops over at most 256x256 pixels.
 */

const BLOCK = 24;
const MIN_CONTRAST = 40; // on 0-255: below this there is no character, only paper texture or noise

/**
 * Uneven lighting: the paper level is the local minimum of ink, smoothed; subtract it. Pixels in `ignore`
 * (a desk around the sheet) take no part and come out as paper.
 */
export function subtractBackground(ink: Float32Array, width: number, height: number, ignore?: Uint8Array): Float32Array {
  const bw = Math.ceil(width / BLOCK);
  const bh = Math.ceil(height / BLOCK);
  const low = new Float32Array(bw * bh).fill(Infinity);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (ignore?.[i]) continue;
      const b = Math.floor(y / BLOCK) * bw + Math.floor(x / BLOCK);
      if (ink[i] < low[b]) low[b] = ink[i];
    }
  }
  // A block full of ink has a high minimum: take the smallest of each block's 3x3 neighbourhood.
  const paper = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let m = Infinity;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = by + dy;
          const xx = bx + dx;
          if (yy >= 0 && yy < bh && xx >= 0 && xx < bw) m = Math.min(m, low[yy * bw + xx]);
        }
      }
      paper[by * bw + bx] = m;
    }
  }
  fillUnknown(paper, bw, bh);
  const out = new Float32Array(ink.length);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) / BLOCK - 0.5, 0), bh - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, bh - 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (ignore?.[i]) continue;
      const fx = Math.min(Math.max((x + 0.5) / BLOCK - 0.5, 0), bw - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, bw - 1);
      const tx = fx - x0;
      const p =
        (paper[y0 * bw + x0] * (1 - tx) + paper[y0 * bw + x1] * tx) * (1 - ty) +
        (paper[y1 * bw + x0] * (1 - tx) + paper[y1 * bw + x1] * tx) * ty;
      out[i] = Math.max(0, ink[i] - p);
    }
  }
  return out;
}

/** Blocks with no known paper level (all ignored) take the mean of their known neighbours, spreading inwards. */
function fillUnknown(levels: Float32Array, bw: number, bh: number): void {
  for (let pending = true; pending; ) {
    pending = false;
    const next = levels.slice();
    for (let b = 0; b < levels.length; b++) {
      if (Number.isFinite(levels[b])) continue;
      const bx = b % bw;
      const by = (b - bx) / bw;
      let sum = 0;
      let count = 0;
      for (const [xx, yy] of [[bx - 1, by], [bx + 1, by], [bx, by - 1], [bx, by + 1]]) {
        if (xx < 0 || yy < 0 || xx >= bw || yy >= bh || !Number.isFinite(levels[yy * bw + xx])) continue;
        sum += levels[yy * bw + xx];
        count++;
      }
      if (count) next[b] = sum / count;
      else pending = true;
    }
    if (pending && next.every((v, i) => v === levels[i] || (!Number.isFinite(v) && !Number.isFinite(levels[i])))) {
      next.fill(0); // nothing known at all
      pending = false;
    }
    levels.set(next);
  }
}

/** Otsu's threshold of a 256-bin histogram: the level that best splits it into two classes. */
export function otsuThreshold(hist: Float64Array): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < 256; i++) {
    total += hist[i];
    sum += i * hist[i];
  }
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 0;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t];
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Otsu's threshold; undefined when the image has no real contrast (blank, or noise only). */
export function binarise(ink: Float32Array): Uint8Array | undefined {
  const hist = new Float64Array(256);
  let max = 0;
  for (const v of ink) {
    const b = Math.min(255, Math.round(v));
    hist[b]++;
    if (v > max) max = v;
  }
  if (max < MIN_CONTRAST) return undefined;
  // Never call faint texture ink: the threshold is at least a fraction of the strongest stroke.
  const threshold = Math.max(otsuThreshold(hist), max * 0.25, MIN_CONTRAST / 2);
  const mask = new Uint8Array(ink.length);
  for (let i = 0; i < ink.length; i++) mask[i] = ink[i] > threshold ? 1 : 0;
  return mask;
}

type Band = { first: number; last: number };

/**
 * Ruled lines, grid lines and box edges: thin bands of rows (or columns) whose ink runs from one edge of the
 * image to the other and on past the character at both ends. In a photo cropped tight to the character, a
 * stroke of its own (the bar of a 7) can also run edge to edge, but the rest of the character reaches an
 * edge too, so it stays.
 */
export function removeRuledLines(mask: Uint8Array, ink: Float32Array, width: number, height: number): void {
  const rowBands = findBands(mask, height, width, (y, x) => y * width + x);
  const columnBands = findBands(mask, width, height, (x, y) => y * width + x);
  if (!rowBands.length && !columnBands.length) return;

  // The character: the ink outside every candidate band (with its one-pixel rim of anti-aliasing).
  const inBand = (bands: Band[], line: number) => bands.some((b) => line >= b.first - 1 && line <= b.last + 1);
  let x0 = width;
  let x1 = -1;
  let y0 = height;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    if (inBand(rowBands, y)) continue;
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x] || inBand(columnBands, x)) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return; // nothing but bands: they are the character (a tight crop of a T, say)

  const clear = (bands: Band[], lines: number, length: number, at: (line: number, k: number) => number) => {
    for (const band of bands) {
      for (let l = Math.max(0, band.first - 1); l <= Math.min(lines - 1, band.last + 1); l++) {
        for (let k = 0; k < length; k++) {
          const i = at(l, k);
          mask[i] = 0;
          ink[i] = 0;
        }
      }
    }
  };
  const margin = (length: number) => Math.max(1, Math.floor(length * 0.03));
  if (x0 >= margin(width) && x1 < width - margin(width)) clear(rowBands, height, width, (y, x) => y * width + x);
  if (y0 >= margin(height) && y1 < height - margin(height)) clear(columnBands, width, height, (x, y) => y * width + x);
}

/** Bands of at most 4% of the lines, each line inked over 85% of its length and at both of its ends. */
function findBands(mask: Uint8Array, lines: number, length: number, at: (line: number, k: number) => number): Band[] {
  const edge = Math.max(1, Math.floor(length * 0.03));
  const isLine = (line: number) => {
    let n = 0;
    let head = false;
    let tail = false;
    for (let k = 0; k < length; k++) {
      if (!mask[at(line, k)]) continue;
      n++;
      if (k < edge) head = true;
      if (k >= length - edge) tail = true;
    }
    return head && tail && n > length * 0.85;
  };
  const maxBand = Math.max(2, Math.floor(lines * 0.04));
  const bands: Band[] = [];
  for (let line = 0; line < lines; ) {
    if (!isLine(line)) {
      line++;
      continue;
    }
    let last = line;
    while (last + 1 < lines && isLine(last + 1)) last++;
    if (last - line + 1 <= maxBand) bands.push({ first: line, last });
    line = last + 1;
  }
  return bands;
}

export type Kept = { x0: number; y0: number; x1: number; y1: number; keep: Uint8Array };

/**
 * Connected ink (8-neighbours). Keeps the character's parts (the dot of an i, the bar of a t) and drops
 * specks: components much smaller than the largest, and small ones far from it.
 */
export function findComponents(mask: Uint8Array, width: number, height: number): Kept | undefined {
  const label = new Int32Array(mask.length).fill(-1);
  const comps: { area: number; x0: number; y0: number; x1: number; y1: number }[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start] >= 0) continue;
    const id = comps.length;
    const c = { area: 0, x0: width, y0: height, x1: 0, y1: 0 };
    label[start] = id;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      c.area++;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (mask[j] && label[j] < 0) {
            label[j] = id;
            stack.push(j);
          }
        }
      }
    }
    comps.push(c);
  }
  if (!comps.length) return undefined;
  const main = comps.reduce((a, b) => (b.area > a.area ? b : a));
  const minPixels = Math.max(12, width * height * 0.0005);
  if (main.area < minPixels) return undefined;
  const mainSize = Math.max(main.x1 - main.x0, main.y1 - main.y0) + 1;
  const tiny = Math.max(8, width * height * 0.00027); // 40 pixels at 384x384
  const kept = new Uint8Array(comps.length);
  comps.forEach((c, id) => {
    if (c !== main) {
      if (c.area < main.area * 0.04 && c.area < tiny) {
        // a dot belongs to the character only when it is near it
        const gapX = Math.max(0, c.x0 - main.x1, main.x0 - c.x1);
        const gapY = Math.max(0, c.y0 - main.y1, main.y0 - c.y1);
        if (Math.max(gapX, gapY) > mainSize * 0.35 || c.area < 4) return;
      } else if (c.area < main.area * 0.04) {
        return;
      }
    }
    kept[id] = 1;
  });
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  comps.forEach((c, id) => {
    if (!kept[id]) return;
    x0 = Math.min(x0, c.x0);
    y0 = Math.min(y0, c.y0);
    x1 = Math.max(x1, c.x1);
    y1 = Math.max(y1, c.y1);
  });
  const keep = new Uint8Array(mask.length);
  for (let y = y0; y <= y1; y++) {
    for (let i = y * width + x0, end = y * width + x1; i <= end; i++) if (label[i] >= 0 && kept[label[i]]) keep[i] = 1;
  }
  // Keep the anti-aliased rim of kept strokes: grow the mask by two pixels.
  for (let pass = 0; pass < 2; pass++) {
    const grown = keep.slice();
    for (let y = Math.max(0, y0 - 1); y <= Math.min(height - 1, y1 + 1); y++) {
      for (let x = Math.max(0, x0 - 1); x <= Math.min(width - 1, x1 + 1); x++) {
        const i = y * width + x;
        if (keep[i]) continue;
        if ((x > 0 && keep[i - 1]) || (x < width - 1 && keep[i + 1]) || (y > 0 && keep[i - width]) || (y < height - 1 && keep[i + width])) grown[i] = 1;
      }
    }
    keep.set(grown);
    x0 = Math.max(0, x0 - 1);
    y0 = Math.max(0, y0 - 1);
    x1 = Math.min(width - 1, x1 + 1);
    y1 = Math.min(height - 1, y1 + 1);
  }
  return { x0, y0, x1, y1, keep };
}
