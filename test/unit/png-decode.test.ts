import sharp from "sharp";
import { pngFile } from "../../lib/image/png";
import { decodeSimplePng } from "../../lib/image/png-decode";
import { normalise } from "../../lib/image/normalise";
import { canvasPng } from "../fixtures/glyphs";

/** A noisy gradient, so every PNG filter has something to predict. */
function pixels(width: number, height: number, channels: number): Buffer {
  const out = Buffer.alloc(width * height * channels);
  for (let i = 0; i < out.length; i++) out[i] = (i * 7 + ((i / channels) | 0) * 13 + ((i * 2654435761) >>> 27)) & 255;
  return out;
}

const COLOUR_TYPE: Record<number, number> = { 1: 0, 2: 4, 3: 2, 4: 6 };

/** A PNG whose rows are filtered as `filters` says (cycled), to exercise each of PNG's five filters. */
function pngWithFilters(raw: Buffer, width: number, height: number, channels: number, filters: number[]): Buffer {
  const stride = width * channels;
  const rows = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const f = filters[y % filters.length];
    rows[y * (stride + 1)] = f;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? raw[y * stride + x - channels] : 0;
      const b = y > 0 ? raw[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? raw[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][f];
      rows[y * (stride + 1) + 1 + x] = (raw[y * stride + x] - predicted) & 255;
    }
  }
  return pngFile(width, height, COLOUR_TYPE[channels], rows);
}

/** libvips hands grey PNGs back as sRGB (R = G = B): its grey (and alpha) channels, to compare with ours. */
function asChannels(data: Buffer, from: number, to: number): Buffer {
  if (from === to) return data;
  const out = Buffer.alloc((data.length / from) * to);
  for (let i = 0, j = 0; i < data.length; i += from, j += to) {
    out[j] = data[i];
    if (to === 2) out[j + 1] = data[i + from - 1];
  }
  return out;
}

describe("decodeSimplePng", () => {
  it.each([1, 2, 3, 4])("gives libvips' pixels for %i-channel PNGs under every row filter", async (channels) => {
    const [width, height] = [37, 23];
    const raw = pixels(width, height, channels);
    const png = pngWithFilters(raw, width, height, channels, [0, 1, 2, 3, 4]);
    const ours = decodeSimplePng(png);
    const libvips = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(ours).toMatchObject({ width, height, channels });
    expect(Buffer.from(ours!.data).equals(raw)).toBe(true);
    expect(Buffer.from(ours!.data).equals(asChannels(libvips.data, libvips.info.channels, channels))).toBe(true);
  });

  it("gives libvips' pixels for the canvas PNG the page sends and for sharp's own adaptive filtering", async () => {
    const canvas = await canvasPng("7", { rotate: 3 });
    const photoLike = await sharp(pixels(64, 48, 3), { raw: { width: 64, height: 48, channels: 3 } }).png({ adaptiveFiltering: true }).toBuffer();
    for (const png of [canvas, photoLike]) {
      const libvips = await sharp(png).raw().toBuffer();
      expect(Buffer.from(decodeSimplePng(png)!.data).equals(libvips)).toBe(true);
    }
  });

  it("leaves palette, 16-bit, interlaced, profiled and damaged PNGs to libvips", async () => {
    const raw = pixels(40, 30, 3);
    const input = sharp(raw, { raw: { width: 40, height: 30, channels: 3 } });
    const palette = await input.clone().png({ palette: true }).toBuffer();
    const deep = await input.clone().toColourspace("rgb16").png().toBuffer();
    const interlaced = await input.clone().png({ progressive: true }).toBuffer();
    const profiled = await input.clone().withIccProfile("p3").png().toBuffer();
    const whole = pngWithFilters(raw, 40, 30, 3, [1]);
    const truncated = whole.subarray(0, whole.length - 40);
    for (const png of [palette, deep, interlaced, profiled, truncated]) expect(decodeSimplePng(png)).toBeUndefined();
    // and libvips still reads those it can
    for (const png of [palette, deep, interlaced, profiled]) {
      await expect(sharp(png).metadata()).resolves.toMatchObject({ format: "png" });
    }
    await expect(normalise(truncated, { maxInputPixels: 1e6 })).rejects.toThrow(/damaged or truncated|no character/);
  });
});
