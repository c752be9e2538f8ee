import sharp, { type Metadata } from "sharp";
import { ImageError } from "./errors";
import { binarise, findComponents, removeRuledLines, subtractBackground } from "./ink";

/**
 * Any reasonable image of one handwritten character -> the 28x28 input the model was trained on.
 *
 * Decode with limits, apply EXIF orientation, flatten transparency onto white, grey, work at a bounded
 * resolution, make ink bright on black whatever the polarity, remove uneven lighting, specks and ruled
 * lines, crop to the ink, then the EMNIST conversion of training/convert.py: Gaussian blur (sigma 1),
 * centre in a square keeping the aspect ratio, 2-pixel border, bicubic to 28x28, rescale to 0-255.
 */

export const SIZE = 28;
const WORK_MAX = 384; // longest side we analyse; larger photos are reduced first
const WORK_MIN = 128; // tiny images are enlarged so the blur and the crop behave as in training
const GLYPH_SIDE = 96; // the ink's longest side before the EMNIST blur, as in the generated training data
const BORDER = 2;

const ACCEPTED = new Set(["png", "jpeg", "webp", "gif", "tiff", "heif"]);

export type Normalised = {
  /** 784 bytes, row-major, ink = 255. */
  pixels: Uint8Array;
  /** The same 28x28 image as a PNG (black ink on white, as people expect to see it). */
  png: Buffer;
  source: { format: string; width: number; height: number; inverted: boolean };
};

export type NormaliseOptions = { maxInputPixels: number };

async function decode(input: Buffer, maxInputPixels: number) {
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
  const target = Math.min(WORK_MAX, Math.max(WORK_MIN, longest));
  try {
    const { data, info } = await sharp(input, { limitInputPixels: maxInputPixels, pages: 1 })
      .rotate()
      .flatten({ background: "#ffffff" })
      .grayscale()
      .resize({ width: target, height: target, fit: "inside", kernel: longest < target ? "cubic" : "lanczos3" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { gray: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height, format: meta.format, originalWidth: width, originalHeight: height };
  } catch (err) {
    throw new ImageError("BAD_USER_INPUT", `the image could not be decoded: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Dark paper with light ink (a whiteboard photo, a negative) is turned around: the border tells which. */
function inkBright(gray: Uint8Array, width: number, height: number): { ink: Float32Array; inverted: boolean } {
  const border: number[] = [];
  for (let x = 0; x < width; x++) border.push(gray[x], gray[(height - 1) * width + x]);
  for (let y = 0; y < height; y++) border.push(gray[y * width], gray[y * width + width - 1]);
  border.sort((a, b) => a - b);
  const paper = border[border.length >> 1];
  const inverted = paper < 128;
  const ink = new Float32Array(gray.length);
  for (let i = 0; i < gray.length; i++) ink[i] = inverted ? gray[i] : 255 - gray[i];
  return { ink, inverted };
}

export async function normalise(input: Buffer, opts: NormaliseOptions): Promise<Normalised> {
  if (input.length === 0) throw new ImageError("BAD_USER_INPUT", "the upload is empty");
  const img = await decode(input, opts.maxInputPixels);
  const { width, height } = img;
  const { ink: raw, inverted } = inkBright(img.gray, width, height);
  const ink = subtractBackground(raw, width, height);
  const mask = binarise(ink);
  if (!mask) throw new ImageError("NO_CHARACTER", "no character found: the image is blank or has too little contrast");
  removeRuledLines(mask, ink, width, height);
  const kept = findComponents(mask, width, height);
  if (!kept) throw new ImageError("NO_CHARACTER", "no character found: the image is blank or has too little contrast");

  // Crop to the kept ink, keeping anti-aliased edges next to it but nothing from discarded specks.
  const { x0, y0, x1, y1, keep } = kept;
  const cw = x1 - x0 + 1;
  const ch = y1 - y0 + 1;
  const crop = new Float32Array(cw * ch);
  let peak = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!keep[y * width + x]) continue;
      const v = ink[y * width + x];
      crop[(y - y0) * cw + (x - x0)] = v;
      if (v > peak) peak = v;
    }
  }
  const crop8 = Buffer.alloc(cw * ch);
  for (let i = 0; i < crop.length; i++) crop8[i] = Math.round((crop[i] / peak) * 255);

  // Ink's longest side to GLYPH_SIDE, then blur, then the square frame with its border.
  const scale = GLYPH_SIDE / Math.max(cw, ch);
  const gw = Math.max(1, Math.round(cw * scale));
  const gh = Math.max(1, Math.round(ch * scale));
  const side = Math.max(gw, gh) + 2 * BORDER + 6; // +6: room for the blur to spread, as after blurring in training
  const framed = await sharp(crop8, { raw: { width: cw, height: ch, channels: 1 } })
    .resize(gw, gh, { fit: "fill", kernel: "cubic" })
    .extend({
      top: (side - gh) >> 1,
      bottom: side - gh - ((side - gh) >> 1),
      left: (side - gw) >> 1,
      right: side - gw - ((side - gw) >> 1),
      background: "#000000",
    })
    .blur(1)
    .toColourspace("b-w")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const small = await sharp(framed.data, { raw: { width: framed.info.width, height: framed.info.height, channels: 1 } })
    .resize(SIZE, SIZE, { fit: "fill", kernel: "cubic" })
    .toColourspace("b-w")
    .raw()
    .toBuffer();
  let top = 0;
  for (const v of small) if (v > top) top = v;
  const pixels = new Uint8Array(SIZE * SIZE);
  for (let i = 0; i < pixels.length; i++) pixels[i] = top ? Math.round((small[i] * 255) / top) : 0;
  const png = await sharp(Buffer.from(pixels.map((v) => 255 - v)), { raw: { width: SIZE, height: SIZE, channels: 1 } })
    .png()
    .toBuffer();
  return { pixels, png, source: { format: img.format, width: img.originalWidth, height: img.originalHeight, inverted } };
}
