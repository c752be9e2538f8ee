import { endianness } from "node:os";
import sharp, { type Metadata } from "sharp";
import { IMAGE } from "../models/classsets";
import { ImageError } from "./image-error";
import { binarise, findComponents, type Kept, removeRuledLines, subtractBackground } from "./ink";
import { findDesk } from "./paper";
import { encodeGreyPng } from "./png";
import { type DecodedPng, decodeSimplePng, pngSize } from "./png-decode";
import { frame, gaussianBlur, type Plane, resize } from "./resample";

/**
 * Any reasonable image of one handwritten character -> the 28x28 input the model was trained on.
 *
 * Decode with limits, apply EXIF orientation, flatten transparency onto white, grey, work at a bounded
 * resolution, make ink bright on black whatever the polarity, remove uneven lighting, specks and ruled
 * lines, crop to the ink, then the EMNIST conversion of training/convert.py: Gaussian blur (sigma 1),
 * centre in a square keeping the aspect ratio, 2-pixel border, bicubic to 28x28, rescale to 0-255.
 */

export const SIZE = IMAGE.height; // square: models/classsets.json
const WORK_MAX = 256; // photos and huge images are reduced to this longest side first (JPEG: while decoding)
const CELL_TARGET = 96; // other images are reduced by whole cells to about this longest side
const WORK_MIN = 128; // tiny images are enlarged so the blur and the crop behave as in training
// The ink's longest side before the EMNIST blur. Training's conversion uses 96 px and sigma 1; half of both is
// the same blur relative to the glyph (the image tests compare with training/convert.py) at a quarter of the cost.
const GLYPH_SIDE = 48;
const BLUR_SIGMA = GLYPH_SIDE / 96;
const BORDER = 2;
const SHRINK_ON_LOAD = new Set(["jpeg", "webp"]);
const REDUCE_HERE_MAX_PIXELS = 1 << 20;
const PAPER = 255 << 8; // white, in flattenToGray's fixed point

const ACCEPTED = new Set(["png", "jpeg", "webp", "gif", "tiff", "heif"]);
const FORMAT_NAMES: Record<string, string> = { png: "PNG", jpeg: "JPEG", webp: "WebP", gif: "GIF", tiff: "TIFF", heif: "AVIF" };
/** The content type stored with an upload: what the decoder found, never what the client claimed. */
export const CONTENT_TYPES: Record<string, string> = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif", tiff: "image/tiff", heif: "image/avif" };

export type Normalised = {
  /** 784 bytes, row-major, ink = 255. */
  pixels: Uint8Array;
  source: { format: string; width: number; height: number; inverted: boolean };
};

export type NormaliseOptions = { maxInputPixels: number };

/** How large the image is analysed: one character needs little; a line of several needs more along it. */
export type WorkSize = { cellTarget: number; workMax: number };
const ONE_CHARACTER: WorkSize = { cellTarget: CELL_TARGET, workMax: WORK_MAX };

async function decode(input: Buffer, maxInputPixels: number, size: WorkSize = ONE_CHARACTER) {
  const png = pngSize(input);
  if (png && png.width * png.height <= maxInputPixels) {
    const longest = Math.max(png.width, png.height);
    const plan = workPlan("png", png.width, png.height, size);
    // Huge PNGs stay with libvips, which reduces them without holding every pixel at once.
    const decoded = plan.target >= longest ? decodeSimplePng(input) : undefined;
    if (decoded) {
      const { data, channels, width, height } = plan.target === longest ? decoded : await enlarge(decoded, plan.target);
      const plane = flattenToGray(data, channels, width, height, plan.factor);
      return { ...plane, format: "png", originalWidth: png.width, originalHeight: png.height };
    }
  }
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata(); // reads the header only
  } catch {
    throw new ImageError("UNSUPPORTED_MEDIA_TYPE", "this is not an image we can read (PNG, JPEG, WebP, GIF, TIFF or AVIF)");
  }
  if (meta.format === "svg") throw new ImageError("UNSUPPORTED_MEDIA_TYPE", "SVG is not accepted; upload a PNG, JPEG, WebP, GIF, TIFF or AVIF");
  if (!meta.format || !ACCEPTED.has(meta.format)) {
    throw new ImageError("UNSUPPORTED_MEDIA_TYPE", `${meta.format ?? "this"} images are not accepted; upload a PNG, JPEG, WebP, GIF, TIFF or AVIF`);
  }
  if (meta.format === "heif" && meta.compression !== "av1") {
    throw new ImageError("UNSUPPORTED_MEDIA_TYPE", "HEIC images are not accepted; upload a PNG, JPEG, WebP, GIF, TIFF or AVIF");
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width * height > maxInputPixels) {
    throw new ImageError("PAYLOAD_TOO_LARGE", `the image has ${width}x${height} pixels; the limit is ${maxInputPixels} pixels`);
  }
  const longest = Math.max(width, height);
  const { factor, target } = workPlan(meta.format, width, height, size);
  try {
    // Greyscale and flattening are done below in JavaScript: libvips' colour conversion costs more than the
    // rest of the decode on small images.
    let pipeline = sharp(input, { limitInputPixels: maxInputPixels, pages: 1 });
    if ((meta.orientation ?? 1) !== 1) pipeline = pipeline.rotate(); // EXIF orientation, when there is one to apply
    if (target !== longest) pipeline = pipeline.resize({ width: target, height: target, fit: "inside", kernel: longest < target ? "cubic" : "linear" });
    const { data, info } = await pipeline.raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
    const plane = flattenToGray(data, info.channels, info.width, info.height, factor);
    return { ...plane, format: meta.format, originalWidth: width, originalHeight: height };
  } catch (err) {
    // libvips' own words ("vipspng: libpng read error") mean nothing to the person uploading.
    throw new ImageError("BAD_USER_INPUT", `the ${FORMAT_NAMES[meta.format] ?? meta.format} image is damaged or truncated`);
  }
}

/**
 * A small decoded PNG enlarged by libvips as the generic path below enlarges it, the same pixels: libvips'
 * own PNG header read and decode were most of that path's cost (about 7 ms of CPU for a 120 px PNG).
 */
async function enlarge(png: DecodedPng, target: number): Promise<DecodedPng> {
  const raw = { width: png.width, height: png.height, channels: png.channels as 1 | 2 | 3 | 4 };
  const { data, info } = await sharp(png.data, { raw })
    .resize({ width: target, height: target, fit: "inside", kernel: "cubic" })
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * How an image is brought to its working size: `target` is the longest side libvips decodes or resizes
 * to, `factor` the cells then averaged into one pixel while greying.
 *
 * JPEG and WebP shrink while decoding, and huge images must not be decoded whole: libvips reduces those
 * (up to 1.5x WORK_MAX is analysed as it is: resampling would cost more than the extra pixels). Anything
 * else is reduced by whole cells in the greyscale pass, a fraction of the cost of a libvips resize.
 */
function workPlan(format: string, width: number, height: number, size: WorkSize): { factor: number; target: number } {
  const longest = Math.max(width, height);
  const libvipsReduces = SHRINK_ON_LOAD.has(format) || width * height > REDUCE_HERE_MAX_PIXELS;
  const factor = !libvipsReduces && longest > size.cellTarget * 1.5 ? Math.round(longest / size.cellTarget) : 1;
  const target = factor > 1 ? longest : longest > size.workMax * 1.5 ? size.workMax : Math.max(WORK_MIN, longest);
  return { factor, target };
}

/**
 * Rec. 601 luma of grey, grey+alpha, RGB or RGBA pixels, transparency flattened onto white paper, each
 * `factor` x `factor` cell averaged into one pixel (cells at the right and bottom edges may be partial).
 */
function flattenToGray(data: Uint8Array, channels: number, width: number, height: number, factor: number) {
  const outWidth = Math.ceil(width / factor);
  const outHeight = Math.ceil(height / factor);
  const grid = { width, height, factor, outWidth };
  // RGBA read a pixel at a time as one 32-bit word: a third less CPU on the canvas PNG, whose transparent
  // pixels are all-zero words. Needs 4-byte alignment, which decodeSimplePng's output has.
  const sums = channels === 4 && data.byteOffset % 4 === 0 && LITTLE_ENDIAN ? sumRgbaWords(data, grid) : sumPixels(data, channels, grid);
  const gray = new Uint8Array(sums.length);
  for (let y = 0; y < outHeight; y++) {
    const cellHeight = Math.min(factor, height - y * factor);
    for (let x = 0; x < outWidth; x++) {
      const i = y * outWidth + x;
      gray[i] = Math.round(sums[i] / (256 * cellHeight * Math.min(factor, width - x * factor)));
    }
  }
  return { gray, width: outWidth, height: outHeight };
}

const LITTLE_ENDIAN = endianness() === "LE";
type CellGrid = { width: number; height: number; factor: number; outWidth: number };

/** Rec. 601 luma in 1/256ths of a grey level (integer weights, so sums of it stay exact). */
function luma(r: number, g: number, b: number): number {
  return (19595 * r + 38470 * g + 7471 * b + 128) >>> 8;
}

/** A grey `v` (in 1/256ths) drawn with opacity `a` (1-255) over white paper. */
function onPaper(v: number, a: number): number {
  return a === 255 ? v : PAPER - (((PAPER - v) * a * 257) >>> 16);
}

/** Each cell's summed luma, in 1/256ths of a grey level (integer Rec. 601 weights, so the sums stay exact). */
function sumPixels(data: Uint8Array, channels: number, { width, height, factor, outWidth }: CellGrid): Uint32Array {
  const sums = new Uint32Array(outWidth * Math.ceil(height / factor));
  const colour = channels >= 3;
  const alphaAt = channels === 2 || channels === 4 ? channels - 1 : -1;
  for (let y = 0, j = 0; y < height; y++) {
    const row = ((y / factor) | 0) * outWidth;
    for (let cell = 0; cell < outWidth; cell++) {
      const end = Math.min(width, (cell + 1) * factor);
      let sum = 0;
      for (let x = cell * factor; x < end; x++, j += channels) {
        const a = alphaAt < 0 ? 255 : data[j + alphaAt];
        // a === 0: nothing drawn (most of a canvas), paper without working out the colour
        sum += a === 0 ? PAPER : onPaper(colour ? luma(data[j], data[j + 1], data[j + 2]) : data[j] << 8, a);
      }
      sums[row + cell] += sum;
    }
  }
  return sums;
}

/** sumPixels for RGBA, a little-endian 32-bit word (A B G R from the top byte) per pixel. */
function sumRgbaWords(data: Uint8Array, { width, height, factor, outWidth }: CellGrid): Uint32Array {
  const sums = new Uint32Array(outWidth * Math.ceil(height / factor));
  const words = new Uint32Array(data.buffer, data.byteOffset, width * height);
  for (let y = 0, p = 0; y < height; y++) {
    const row = ((y / factor) | 0) * outWidth;
    for (let cell = 0; cell < outWidth; cell++) {
      const end = Math.min(width, (cell + 1) * factor);
      let sum = 0;
      for (let x = cell * factor; x < end; x++, p++) {
        const w = words[p];
        const a = w >>> 24;
        sum += a === 0 ? PAPER : onPaper(luma(w & 255, (w >>> 8) & 255, (w >>> 16) & 255), a);
      }
      sums[row + cell] += sum;
    }
  }
  return sums;
}

/** The median grey of the image's outermost pixels: usually the paper, or whatever it lies on. */
function borderLevel(gray: Uint8Array, width: number, height: number): number {
  // counted per level rather than sorted: the same median, in one pass over the border
  const counts = new Uint32Array(256);
  for (let x = 0; x < width; x++) {
    counts[gray[x]]++;
    counts[gray[(height - 1) * width + x]]++;
  }
  for (let y = 0; y < height; y++) {
    counts[gray[y * width]]++;
    counts[gray[y * width + width - 1]]++;
  }
  const middle = (2 * (width + height)) >> 1; // the upper median, as sorting and taking [length >> 1] gave
  for (let level = 0, seen = 0; level < 256; level++) if ((seen += counts[level]) > middle) return level;
  return 255;
}

/** The ink of an image at its working size: bright on black whatever the polarity, lighting and ruled lines removed. */
export type Ink = {
  ink: Float32Array;
  mask: Uint8Array;
  width: number;
  height: number;
  /** Original pixels per working pixel. */
  scale: number;
  source: Normalised["source"];
};

const NO_CHARACTER = "no character found: the image is blank or has too little contrast";

export async function prepareInk(input: Buffer, opts: NormaliseOptions, size?: WorkSize): Promise<Ink> {
  if (input.length === 0) throw new ImageError("BAD_USER_INPUT", "the upload is empty");
  const img = await decode(input, opts.maxInputPixels, size);
  const { width, height } = img;
  // A dark border is dark paper with light ink (a blackboard, a negative), or a desk around a sheet of paper.
  const darkBorder = borderLevel(img.gray, width, height) < 128;
  const desk = darkBorder ? findDesk(img.gray, width, height) : undefined;
  const inverted = darkBorder && !desk;
  const raw = new Float32Array(img.gray.length);
  if (inverted) raw.set(img.gray);
  else for (let i = 0; i < raw.length; i++) raw[i] = 255 - img.gray[i];
  const ink = subtractBackground(raw, width, height, desk);
  const mask = binarise(ink);
  if (!mask) throw new ImageError("NO_CHARACTER", NO_CHARACTER);
  removeRuledLines(mask, ink, width, height);
  const source = { format: img.format, width: img.originalWidth, height: img.originalHeight, inverted };
  return { ink, mask, width, height, scale: Math.max(img.originalWidth, img.originalHeight) / Math.max(width, height), source };
}

/**
 * The kept ink, cropped. The kept area's rim is a couple of working pixels wide whatever the resolution;
 * its inkless rows and columns are trimmed, so the glyph's framing does not depend on the working size.
 */
export function cropKept({ ink, width }: Pick<Ink, "ink" | "width">, kept: Kept): Plane {
  let { x0, y0, x1, y1 } = kept;
  const { keep } = kept;
  const inked = (i: number) => keep[i] === 1 && ink[i] > 0;
  const rowInked = (y: number) => {
    for (let x = x0; x <= x1; x++) if (inked(y * width + x)) return true;
    return false;
  };
  const columnInked = (x: number) => {
    for (let y = y0; y <= y1; y++) if (inked(y * width + x)) return true;
    return false;
  };
  while (y0 < y1 && !rowInked(y0)) y0++;
  while (y1 > y0 && !rowInked(y1)) y1--;
  while (x0 < x1 && !columnInked(x0)) x0++;
  while (x1 > x0 && !columnInked(x1)) x1--;
  const crop: Plane = { data: new Float32Array((x1 - x0 + 1) * (y1 - y0 + 1)), width: x1 - x0 + 1, height: y1 - y0 + 1 };
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * width + x;
      if (keep[i]) crop.data[(y - y0) * crop.width + (x - x0)] = ink[i];
    }
  }
  return crop;
}

/** A cropped character -> the 28x28 the model reads, by the EMNIST conversion (see the top of this file). */
export function toModelInput(crop: Plane): Uint8Array {
  // Ink's longest side to GLYPH_SIDE, a square frame with room for the blur, blur, then 28x28.
  const scale = GLYPH_SIDE / Math.max(crop.width, crop.height);
  const glyph = resize(crop, Math.max(1, Math.round(crop.width * scale)), Math.max(1, Math.round(crop.height * scale)));
  for (let i = 0; i < glyph.data.length; i++) if (glyph.data[i] < 0) glyph.data[i] = 0; // cubic overshoot is not ink
  // +6 at training's scale: room for the blur to spread, as after blurring in training
  const side = Math.max(glyph.width, glyph.height) + Math.round((2 * BORDER + 6) * BLUR_SIGMA);
  const framed = frame(glyph, side, side, (side - glyph.width) >> 1, (side - glyph.height) >> 1);
  const small = resize(gaussianBlur(framed, BLUR_SIGMA), SIZE, SIZE).data;
  let top = 0;
  for (const v of small) if (v > top) top = v;
  const pixels = new Uint8Array(SIZE * SIZE);
  for (let i = 0; i < pixels.length; i++) pixels[i] = top > 0 ? Math.round((Math.max(0, small[i]) * 255) / top) : 0;
  return pixels;
}

export async function normalise(input: Buffer, opts: NormaliseOptions): Promise<Normalised> {
  const prepared = await prepareInk(input, opts);
  const kept = findComponents(prepared.mask, prepared.width, prepared.height);
  if (!kept) throw new ImageError("NO_CHARACTER", NO_CHARACTER);
  return { pixels: toModelInput(cropKept(prepared, kept)), source: prepared.source };
}

/** 784 bytes (ink = 255) as the PNG people expect to see: dark ink on white. */
export function pixelsToPng(pixels: Uint8Array): Buffer {
  return encodeGreyPng(pixels.map((v) => 255 - v), SIZE, SIZE);
}
