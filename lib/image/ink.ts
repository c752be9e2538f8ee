/**
 * Finding the character in an ink map (Float32, ink bright, paper near 0): lighting correction,
 * thresholding, ruled-line and speck removal. Plain loops over at most 256x256 pixels.
 */

// The window that tells strokes from lighting: wider than the boldest stroke (a quarter of the image),
// narrower than a shadow worth keeping apart.
const PAPER_RADIUS = 24; // pixels at the working resolution, at least
const PAPER_RADIUS_SHARE = 0.125; // of the longest side
const MIN_PAPER = 64; // the darkest paper (or board) level contrast is measured against, so noise in the dark is not magnified
const MIN_CONTRAST = 40; // on 0-255: below this there is no character, only paper texture or noise

/**
 * Uneven lighting, shadows included: the paper level is the ink map opened (the smallest ink within the
 * window, then the largest of those), which removes strokes narrower than the window and keeps the sharp
 * edge of a shadow; subtract it. Pixels in `ignore` (a desk around the sheet) count as full ink, so
 * the sheet's edge stays a step too, and come out as paper. Where the level is zero throughout, `ink` itself
 * is returned (the subtraction would give it back value for value).
 */
export function subtractBackground(ink: Float32Array, width: number, height: number, ignore?: Uint8Array): Float32Array {
  const r = Math.max(PAPER_RADIUS, Math.round(Math.max(width, height) * PAPER_RADIUS_SHARE));
  // At half the resolution (a quarter of the work): each cell the least ink of its 2x2 pixels, opened, then
  // the most of each cell's 3x3 neighbours, so the level next to a shadow's edge errs towards paper.
  const w2 = Math.ceil(width / 2);
  const h2 = Math.ceil(height / 2);
  const half = new Float32Array(w2 * h2).fill(Infinity);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = ignore && ignore[i] ? 255 : ink[i];
      const j = (y >> 1) * w2 + (x >> 1);
      if (v < half[j]) half[j] = v;
    }
  }
  const r2 = Math.ceil(r / 2);
  // dilating by r2 and then by 1 (the 3x3 neighbours) is one dilation by r2 + 1. Where every window holds
  // some inkless paper (a canvas, a clean scan) the opening is zero throughout: nothing to filter.
  if (!ignore && everyWindowHasPaper(half, w2, h2, r2)) return ink; // the paper level is 0 everywhere: nothing to subtract
  const paper = extremeFilter(extremeFilter(half, w2, h2, r2, false), w2, h2, r2 + 1, true);
  const out = new Float32Array(ink.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (ignore && ignore[i]) continue;
      const p = paper[(y >> 1) * w2 + (x >> 1)];
      // relative to the paper's own brightness, so a stroke in shadow keeps the contrast it has in the light
      out[i] = (Math.max(0, ink[i] - p) * 255) / Math.max(MIN_PAPER, 255 - p);
    }
  }
  return out;
}

/**
 * Whether the square window of radius `r` around every pixel (clipped at the edges, as in extremeFilter)
 * holds a zero, i.e. whether the minimum filter is zero everywhere: a count of zeros per window from a
 * summed-area table, a pass over the pixels instead of two sliding filters.
 */
function everyWindowHasPaper(src: Float32Array, width: number, height: number, r: number): boolean {
  const stride = width + 1;
  const zeros = new Int32Array(stride * (height + 1)); // zeros[(y + 1) * stride + x + 1]: zeros in [0..x] x [0..y]
  for (let y = 0; y < height; y++) {
    let rowCount = 0;
    for (let x = 0; x < width; x++) {
      if (src[y * width + x] === 0) rowCount++;
      zeros[(y + 1) * stride + x + 1] = zeros[y * stride + x + 1] + rowCount;
    }
  }
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      if (zeros[y1 * stride + x1] - zeros[y0 * stride + x1] - zeros[y1 * stride + x0] + zeros[y0 * stride + x0] === 0) return false;
    }
  }
  return true;
}

/** The minimum (or maximum) over the square window of radius `r` around each pixel: rows, then columns. */
export function extremeFilter(src: Float32Array, width: number, height: number, r: number, max: boolean): Float32Array {
  const n = Math.max(width, height);
  const scratch = { line: new Float32Array(n), ahead: new Float32Array(n), behind: new Float32Array(n), out: new Float32Array(n) };
  const sign = max ? 1 : -1; // a minimum is the maximum of the negated values
  const rows = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) scratch.line[x] = sign * src[i];
    slidingMax(width, r, scratch);
    for (let x = 0, i = y * width; x < width; x++, i++) rows[i] = scratch.out[x];
  }
  const out = new Float32Array(src.length);
  for (let x = 0; x < width; x++) {
    for (let y = 0, i = x; y < height; y++, i += width) scratch.line[y] = rows[i];
    slidingMax(height, r, scratch);
    for (let y = 0, i = x; y < height; y++, i += width) out[i] = sign * scratch.out[y];
  }
  return out;
}

type Scratch = { line: Float32Array; ahead: Float32Array; behind: Float32Array; out: Float32Array };

/**
 * van Herk / Gil-Werman: the maximum over a sliding window of 2r+1 samples of `line` (its first `count`),
 * into `out`, in a few comparisons a sample whatever the window. The line is cut into blocks of the window's
 * length; `ahead` runs forwards through each block and `behind` backwards, so any full window is one of
 * each. Windows cut short by the line's ends are a plain running maximum from that end.
 */
function slidingMax(count: number, r: number, { line, ahead, behind, out }: Scratch): void {
  const w = 2 * r + 1;
  for (let start = 0; start < count; start += w) {
    const end = Math.min(start + w, count) - 1;
    let a = (ahead[start] = line[start]);
    for (let k = start + 1; k <= end; k++) ahead[k] = a = line[k] > a ? line[k] : a;
    let b = (behind[end] = line[end]);
    for (let k = end - 1; k >= start; k--) behind[k] = b = line[k] > b ? line[k] : b;
  }
  // windows that start at the line's first sample: a running maximum forwards
  let head = line[0];
  for (let k = 0, reached = 0; k < count && k - r <= 0; k++) {
    const hi = Math.min(count - 1, k + r);
    while (reached < hi) head = Math.max(head, line[++reached]);
    out[k] = head;
  }
  // windows that end at its last sample (and start later than its first): a running maximum backwards
  let tail = line[count - 1];
  for (let k = count - 1, from = count - 1; k - r > 0 && k + r >= count - 1; k--) {
    while (from > k - r) tail = Math.max(tail, line[--from]);
    out[k] = tail;
  }
  // full windows: one block's tail and the next block's head
  for (let k = r + 1; k + r < count - 1; k++) out[k] = behind[k - r] > ahead[k + r] ? behind[k - r] : ahead[k + r];
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
  for (let i = 0; i < ink.length; i++) {
    const v = ink[i];
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
  const rowBands = findBands(mask, height, width, width, 1);
  const columnBands = findBands(mask, width, height, 1, width);
  if (!rowBands.length && !columnBands.length) return;

  // The character: the ink outside every candidate band (with its one-pixel rim of anti-aliasing). Only ink
  // with ink below it counts, and a column (row) only with a couple of such pixels: specks of paper grain
  // near an edge are not writing.
  const inBand = (bands: Band[], line: number) => bands.some((b) => line >= b.first - 1 && line <= b.last + 1);
  const perColumn = new Uint32Array(width);
  const perRow = new Uint32Array(height);
  for (let y = 0; y < height - 1; y++) {
    if (inBand(rowBands, y)) continue;
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x] || !mask[(y + 1) * width + x] || inBand(columnBands, x)) continue;
      perColumn[x]++;
      perRow[y]++;
    }
  }
  const MIN_INK = 2;
  const first = (counts: Uint32Array) => counts.findIndex((n) => n >= MIN_INK);
  const last = (counts: Uint32Array) => {
    for (let i = counts.length - 1; i >= 0; i--) if (counts[i] >= MIN_INK) return i;
    return -1;
  };
  const [x0, x1, y0, y1] = [first(perColumn), last(perColumn), first(perRow), last(perRow)];
  if (x1 < 0 || y1 < 0) return; // nothing but bands: they are the character (a tight crop of a T, say)

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

/**
 * Bands of at most 4% of the lines, each line inked over 85% of its length and at both of its ends. Line
 * `l` starts at index l * lineStep and its samples are `step` apart (rows: width, 1; columns: 1, width).
 */
function findBands(mask: Uint8Array, lines: number, length: number, lineStep: number, step: number): Band[] {
  const edge = Math.max(1, Math.ceil(length * 0.03));
  const isLine = (line: number) => {
    let n = 0;
    for (let k = 0, i = line * lineStep; k < length; k++, i += step) n += mask[i];
    if (n <= length * 0.85) return false;
    let head = false;
    let tail = false;
    for (let k = 0, i = line * lineStep; k < edge; k++, i += step) head ||= mask[i] === 1;
    for (let k = length - edge, i = line * lineStep + k * step; k < length; k++, i += step) tail ||= mask[i] === 1;
    return head && tail;
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

export type Component = { area: number; x0: number; y0: number; x1: number; y1: number };

/** Connected ink (8-neighbours): each pixel's component (-1 for paper) and each component's area and box. */
export function labelComponents(mask: Uint8Array, width: number, height: number): { label: Int32Array; comps: Component[] } {
  const label = new Int32Array(mask.length).fill(-1);
  const comps: Component[] = [];
  const stack = new Int32Array(mask.length); // each pixel is pushed at most once
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start] >= 0) continue;
    const id = comps.length;
    const c = { area: 0, x0: width, y0: height, x1: 0, y1: 0 };
    label[start] = id;
    let top = 0;
    stack[top++] = start;
    while (top) {
      const i = stack[--top];
      const y = (i / width) | 0;
      const x = i - y * width;
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
            stack[top++] = j;
          }
        }
      }
    }
    comps.push(c);
  }
  return { label, comps };
}

/**
 * The character among the connected ink. Keeps its parts (the dot of an i, the bar of a t) and drops
 * specks: components much smaller than the largest, and small ones far from it.
 */
export function findComponents(mask: Uint8Array, width: number, height: number): Kept | undefined {
  const { label, comps } = labelComponents(mask, width, height);
  if (!comps.length) return undefined;
  const main = comps.reduce((a, b) => (b.area > a.area ? b : a));
  const minPixels = Math.max(12, width * height * 0.0005);
  if (main.area < minPixels) return undefined;
  const mainSize = Math.max(main.x1 - main.x0, main.y1 - main.y0) + 1;
  // Areas as a share of the image (and a floor that shrinks with it), so a speck is a speck at any working size.
  const scale = (width * height) / (256 * 256);
  const tiny = Math.max(8 * Math.min(1, scale), width * height * 0.00027); // 40 pixels at 384x384
  const kept = new Uint8Array(comps.length);
  comps.forEach((c, id) => {
    if (c !== main) {
      if (c.area < main.area * 0.04 && c.area < tiny) {
        // a dot belongs to the character only when it is near it
        const gapX = Math.max(0, c.x0 - main.x1, main.x0 - c.x1);
        const gapY = Math.max(0, c.y0 - main.y1, main.y0 - c.y1);
        if (Math.max(gapX, gapY) > mainSize * 0.35 || c.area < 4 * Math.min(1, scale)) return;
      } else if (c.area < main.area * 0.04) {
        return;
      }
    }
    kept[id] = 1;
  });
  return keepComponents(label, comps, (id) => kept[id] === 1, width, height);
}

/** The chosen components as a mask over their box, grown by two pixels to keep the strokes' anti-aliased rim. */
export function keepComponents(label: Int32Array, comps: Component[], chosen: (id: number) => boolean, width: number, height: number): Kept {
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  comps.forEach((c, id) => {
    if (!chosen(id)) return;
    x0 = Math.min(x0, c.x0);
    y0 = Math.min(y0, c.y0);
    x1 = Math.max(x1, c.x1);
    y1 = Math.max(y1, c.y1);
  });
  const keep = new Uint8Array(label.length);
  for (let y = y0; y <= y1; y++) {
    for (let i = y * width + x0, end = y * width + x1; i <= end; i++) if (label[i] >= 0 && chosen(label[i])) keep[i] = 1;
  }
  for (let pass = 0; pass < 2; pass++) {
    // the pixels this pass adds, set after the scan (a field's characters each grow inside their own box only)
    const added: number[] = [];
    for (let y = Math.max(0, y0 - 1); y <= Math.min(height - 1, y1 + 1); y++) {
      for (let x = Math.max(0, x0 - 1); x <= Math.min(width - 1, x1 + 1); x++) {
        const i = y * width + x;
        if (keep[i]) continue;
        if ((x > 0 && keep[i - 1]) || (x < width - 1 && keep[i + 1]) || (y > 0 && keep[i - width]) || (y < height - 1 && keep[i + width])) added.push(i);
      }
    }
    for (const i of added) keep[i] = 1;
    x0 = Math.max(0, x0 - 1);
    y0 = Math.max(0, y0 - 1);
    x1 = Math.min(width - 1, x1 + 1);
    y1 = Math.min(height - 1, y1 + 1);
  }
  return { x0, y0, x1, y1, keep };
}
