/**
 * Resampling and blurring of small single-channel float images (a cropped character, about 100x100).
 * Done in JavaScript because each sharp call costs about a millisecond of fixed overhead, several times
 * the arithmetic on so few pixels. Same filters as PIL and libvips: Catmull-Rom cubic, widened when
 * shrinking so that it averages instead of skipping pixels; separable Gaussian.
 */

export type Plane = { data: Float32Array; width: number; height: number };

function catmullRom(x: number): number {
  const a = Math.abs(x);
  if (a < 1) return 1.5 * a * a * a - 2.5 * a * a + 1;
  if (a < 2) return -0.5 * a * a * a + 2.5 * a * a - 4 * a + 2;
  return 0;
}

/**
 * Output position o reads `count[o]` input samples from `first[o]`, weighted by `weights` from `at[o]`: one
 * flat array, which the loops below read several times faster than an array of small ones.
 */
type Taps = { first: Int32Array; count: Int32Array; at: Int32Array; weights: Float32Array };

function flatTaps(perOutput: { first: number; weights: Float32Array }[]): Taps {
  const n = perOutput.length;
  const first = new Int32Array(n);
  const count = new Int32Array(n);
  const at = new Int32Array(n);
  const weights = new Float32Array(perOutput.reduce((sum, t) => sum + t.weights.length, 0));
  perOutput.forEach((t, o) => {
    first[o] = t.first;
    count[o] = t.weights.length;
    at[o] = o === 0 ? 0 : at[o - 1] + count[o - 1];
    weights.set(t.weights, at[o]);
  });
  return { first, count, at, weights };
}

/** Weights of each output position over the input, normalised over the taps that fall inside. */
function taps(inSize: number, outSize: number): Taps {
  const scale = inSize / outSize;
  const stretch = Math.max(1, scale);
  const support = 2 * stretch;
  const perOutput = [];
  for (let o = 0; o < outSize; o++) {
    const centre = (o + 0.5) * scale;
    const lo = Math.max(0, Math.floor(centre - support));
    const hi = Math.min(inSize, Math.ceil(centre + support));
    const w = new Float32Array(hi - lo);
    let sum = 0;
    for (let i = lo; i < hi; i++) sum += w[i - lo] = catmullRom((i + 0.5 - centre) / stretch);
    if (sum) for (let k = 0; k < w.length; k++) w[k] /= sum;
    perOutput.push({ first: lo, weights: w });
  }
  return flatTaps(perOutput);
}

function alongRows(src: Plane, width: number, t: Taps): Plane {
  const { data, width: sw, height } = src;
  const { first, count, at, weights } = t;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const row = y * sw + first[x];
      const w = at[x];
      let acc = 0;
      for (let k = 0, n = count[x]; k < n; k++) acc += weights[w + k] * data[row + k];
      out[y * width + x] = acc;
    }
  }
  return { data: out, width, height };
}

function alongColumns(src: Plane, height: number, t: Taps): Plane {
  const { data, width } = src;
  const { first, count, at, weights } = t;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const base = first[y] * width;
    const dst = y * width;
    for (let k = 0, n = count[y]; k < n; k++) {
      const wk = weights[at[y] + k];
      const from = base + k * width;
      for (let x = 0; x < width; x++) out[dst + x] += wk * data[from + x];
    }
  }
  return { data: out, width, height };
}

export function resize(src: Plane, width: number, height: number): Plane {
  return alongColumns(alongRows(src, width, taps(src.width, width)), height, taps(src.height, height));
}

export function gaussianBlur(src: Plane, sigma: number): Plane {
  return alongColumns(alongRows(src, src.width, gaussianTaps(src.width, sigma)), src.height, gaussianTaps(src.height, sigma));
}

function gaussianTaps(length: number, sigma: number): Taps {
  const radius = Math.ceil(3 * sigma);
  const kernel = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let k = -radius; k <= radius; k++) sum += kernel[k + radius] = Math.exp(-(k * k) / (2 * sigma * sigma));
  for (let k = 0; k < kernel.length; k++) kernel[k] /= sum;
  const perOutput = [];
  for (let o = 0; o < length; o++) {
    // outside the image is background (0), so taps past the edge are dropped, not renormalised
    const lo = Math.max(0, o - radius);
    const hi = Math.min(length, o + radius + 1);
    perOutput.push({ first: lo, weights: kernel.subarray(lo - (o - radius), hi - (o - radius)) });
  }
  return flatTaps(perOutput);
}

/** Place an image in a larger black frame. */
export function frame(src: Plane, width: number, height: number, left: number, top: number): Plane {
  const data = new Float32Array(width * height);
  for (let y = 0; y < src.height; y++) data.set(src.data.subarray(y * src.width, (y + 1) * src.width), (y + top) * width + left);
  return { data, width, height };
}
