import { spawnSync } from "node:child_process";
import sharp from "sharp";
import { ImageError } from "../../lib/image/image-error";
import { normalise, pixelsToPng } from "../../lib/image/normalise";
import { GLYPHS, glyphPng, glyphSvg, rasterise, rng, similarity, simulatedPhoto } from "../fixtures/glyphs";

const opts = { maxInputPixels: 40_000_000 };
const run = (buf: Buffer) => normalise(buf, opts);

async function expectRefused(input: Buffer | Promise<Buffer>, code: string, message: RegExp) {
  const err = await run(await input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImageError);
  expect((err as ImageError).code).toBe(code);
  expect((err as ImageError).message).toMatch(message);
}

describe("lib/image normalise", () => {
  const baseline: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    for (const ch of Object.keys(GLYPHS)) baseline[ch] = (await run(await glyphPng(ch, { size: 400 }))).pixels;
  });

  it("gives 28x28 ink-bright images with EMNIST's framing", async () => {
    const n = await run(await glyphPng("L", { size: 400 }));
    expect(n.pixels).toHaveLength(784);
    expect(Math.max(...n.pixels)).toBe(255);
    // the border rows and columns are background; the ink reaches close to them on its long side
    const row = (y: number) => n.pixels.slice(y * 28, y * 28 + 28);
    expect(Math.max(...row(0))).toBeLessThan(40);
    expect(Math.max(...row(27))).toBeLessThan(40);
    expect(Math.max(...row(3))).toBeGreaterThan(100);
    const meta = await sharp(await pixelsToPng(n.pixels)).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([28, 28, "png"]);
  });

  it("shapes stay distinct from each other", () => {
    expect(similarity(baseline["7"], baseline.L)).toBeLessThan(0.6);
    expect(similarity(baseline.O, baseline.X)).toBeLessThan(0.6);
  });

  it.each([16, 28, 64, 500, 2000, 6000])("handles a %ipx image", async (size) => {
    const n = await run(await glyphPng("4", { size, stroke: size < 40 ? 12 : 7 }));
    expect(similarity(n.pixels, baseline["4"])).toBeGreaterThan(size < 40 ? 0.6 : 0.85);
  });

  it.each([
    ["blue ink on yellow paper", { ink: "#1d3fbf", paper: "#fff2a8" }],
    ["white chalk on a blackboard", { ink: "#f0f0f0", paper: "#1b2a1b" }],
    ["grey ink on grey paper", { ink: "#555555", paper: "#bbbbbb" }],
    ["a canvas drawing on transparency", { ink: "#111111", paper: null }],
  ])("reads %s", async (_name, o) => {
    for (const ch of ["7", "O", "X"]) {
      const n = await run(await glyphPng(ch, { size: 300, ...o }));
      expect(similarity(n.pixels, baseline[ch])).toBeGreaterThan(0.85);
    }
  });

  it("applies EXIF orientation", async () => {
    // Stored rotated a quarter turn, with orientation 6 telling viewers to turn it back upright.
    const upright = await glyphPng("7", { size: 300 });
    const stored = await sharp(upright).rotate(-90).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const n = await run(stored);
    expect(similarity(n.pixels, baseline["7"])).toBeGreaterThan(0.85);
    const ignored = await run(await sharp(upright).rotate(-90).jpeg().toBuffer());
    expect(similarity(ignored.pixels, baseline["7"])).toBeLessThan(0.6);
  });

  it("tolerates small rotations and heavy noise", async () => {
    // a tilted character still looks more like itself than like any other
    for (const ch of ["T", "4", "7"]) {
      const tilted = (await run(await glyphPng(ch, { size: 300, rotate: 10 }))).pixels;
      const closest = Object.keys(baseline).sort((a, b) => similarity(tilted, baseline[b]) - similarity(tilted, baseline[a]))[0];
      expect(closest).toBe(ch);
    }
    const { data, info } = await sharp(await glyphPng("T", { size: 300 })).grayscale().raw().toBuffer({ resolveWithObject: true });
    const rand = rng(7);
    const noisy = Buffer.from(data.map((v) => Math.max(0, Math.min(255, v + (rand() - 0.5) * 120))));
    const n = await run(await sharp(noisy, { raw: { width: info.width, height: info.height, channels: 1 } }).png().toBuffer());
    expect(similarity(n.pixels, baseline.T)).toBeGreaterThan(0.8);
  });

  it("reads a simulated phone photo: uneven light, paper grain, soft ink", async () => {
    for (const ch of ["4", "L", "O"]) {
      const n = await run(await simulatedPhoto(ch));
      expect(similarity(n.pixels, baseline[ch])).toBeGreaterThan(0.8);
    }
  });

  it("reads a photo with the hard edge of a shadow (the phone's) across it, not the shadow's edge", async () => {
    const shadow = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="280" height="800" fill="#000" fill-opacity="0.45"/></svg>');
    for (const ch of ["7", "4", "X", "O"]) {
      const photo = await simulatedPhoto(ch, 800, 4);
      const shaded = await sharp(photo).composite([{ input: shadow }]).jpeg().toBuffer();
      expect(similarity((await run(shaded)).pixels, (await run(photo)).pixels)).toBeGreaterThan(0.85);
    }
  });

  it("reads a photo of a sheet lying on a darker desk, straight or turned, not the desk's edge", async () => {
    for (const ch of ["7", "L", "T", "4"]) {
      const sheet = await simulatedPhoto(ch, 600, 2);
      const alone = (await run(sheet)).pixels;
      const onDesk = await sharp(sheet).extend({ top: 200, bottom: 200, left: 200, right: 200, background: "#3a3026" }).jpeg().toBuffer();
      for (const angle of [0, 20]) {
        const photo = angle ? await sharp(onDesk).rotate(angle, { background: "#3a3026" }).jpeg().toBuffer() : onDesk;
        const n = await run(photo);
        expect(n.source.inverted).toBe(false);
        const expected = angle ? (await run(await glyphPng(ch, { size: 400, rotate: angle }))).pixels : alone;
        expect(similarity(n.pixels, expected)).toBeGreaterThan(0.8);
      }
    }
  });

  it("drops specks and ruled lines", async () => {
    const specks = '<circle cx="6" cy="92" r="1.2" fill="#222"/><circle cx="94" cy="8" r="1" fill="#222"/>';
    const ruled = [20, 45, 70, 95].map((y) => `<line x1="-10" x2="110" y1="${y}" y2="${y}" stroke="#7fa7d9" stroke-width="0.8"/>`).join("");
    const withSpecks = await run(await glyphPng("7", { size: 400, extra: specks }));
    expect(similarity(withSpecks.pixels, baseline["7"])).toBeGreaterThan(0.9);
    const onRuledPaper = await run(await glyphPng("X", { size: 400, extra: ruled }));
    expect(similarity(onRuledPaper.pixels, baseline.X)).toBeGreaterThan(0.8);
  });

  it("drops a box drawn around the character and the lines of graph paper", async () => {
    const box = '<rect x="3" y="3" width="94" height="94" fill="none" stroke="#333" stroke-width="1.2"/>';
    const grid = Array.from({ length: 11 }, (_, i) => i * 10 + 1)
      .map((v) => `<line x1="-10" x2="110" y1="${v}" y2="${v}" stroke="#8ab" stroke-width="0.6"/><line y1="-10" y2="110" x1="${v}" x2="${v}" stroke="#8ab" stroke-width="0.6"/>`)
      .join("");
    for (const ch of ["7", "L", "T"]) {
      expect(similarity((await run(await glyphPng(ch, { size: 300, extra: box }))).pixels, baseline[ch])).toBeGreaterThan(0.85);
      expect(similarity((await run(await glyphPng(ch, { size: 300, extra: grid }))).pixels, baseline[ch])).toBeGreaterThan(0.85);
    }
  });

  it("keeps a stroke that runs edge to edge in a photo cropped tight to the character (the bar of a 7 or a 4)", async () => {
    for (const ch of ["7", "4", "T"]) {
      const tight = await sharp(await glyphPng(ch, { size: 300, stroke: 3 })).trim({ threshold: 30 }).png().toBuffer();
      const framed = (await run(await glyphPng(ch, { size: 300, stroke: 3 }))).pixels;
      expect(similarity((await run(tight)).pixels, framed)).toBeGreaterThan(0.85);
    }
  });

  it("reads the first frame of a GIF and TIFF, WebP and AVIF files", async () => {
    const png = await glyphPng("L", { size: 200 });
    for (const format of ["gif", "tiff", "webp", "avif"] as const) {
      const n = await run(await sharp(png).toFormat(format).toBuffer());
      expect(similarity(n.pixels, baseline.L)).toBeGreaterThan(0.85);
    }
    const l = await sharp(await glyphPng("L", { size: 120 })).ensureAlpha().raw().toBuffer();
    const o = await sharp(await glyphPng("O", { size: 120 })).ensureAlpha().raw().toBuffer();
    const animated = await sharp(Buffer.concat([l, o]), { raw: { width: 120, height: 240, channels: 4, pageHeight: 120 } } as never)
      .gif()
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    expect(similarity((await run(animated)).pixels, baseline.L)).toBeGreaterThan(0.85);
  });

  it("refuses what is not an image, SVG, empty, truncated and oversized input", async () => {
    await expectRefused(glyphSvg("7"), "UNSUPPORTED_MEDIA_TYPE", /SVG is not accepted/);
    await expectRefused(Buffer.from("hello, this is text"), "UNSUPPORTED_MEDIA_TYPE", /not an image we can read/);
    await expectRefused(Buffer.alloc(0), "BAD_USER_INPUT", /empty/);
    const png = await glyphPng("7", { size: 300 });
    await expectRefused(png.subarray(0, png.length >> 1), "BAD_USER_INPUT", /the PNG image is damaged or truncated/);
    const huge = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: "#ffffff" } }).png().toBuffer();
    await expectRefused(huge, "PAYLOAD_TOO_LARGE", /8000x8000 pixels; the limit is 40000000/);
  });

  it('answers "no character found" for blank and texture-only images, never a guess', async () => {
    await expectRefused(sharp({ create: { width: 300, height: 300, channels: 3, background: "#ffffff" } }).png().toBuffer(), "NO_CHARACTER", /no character found/);
    await expectRefused(sharp({ create: { width: 300, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer(), "NO_CHARACTER", /no character found/);
    const rand = rng(3);
    const grain = Buffer.from(Array.from({ length: 300 * 300 }, () => 200 + Math.round((rand() - 0.5) * 20)));
    await expectRefused(sharp(grain, { raw: { width: 300, height: 300, channels: 1 } }).png().toBuffer(), "NO_CHARACTER", /no character found/);
  });

  it("agrees with the trainer's EMNIST conversion (training/convert.py)", async () => {
    const python = process.env.PYTHON ?? "/usr/bin/python3";
    for (const ch of ["7", "O", "4"]) {
      const raw = await rasterise(glyphSvg(ch, { ink: "#ffffff", paper: "#000000" }), 128).grayscale().raw().toBuffer();
      const script =
        "import sys, numpy as np; sys.path.insert(0, 'training'); from convert import emnist_convert;" +
        "a = np.frombuffer(sys.stdin.buffer.read(), np.uint8).reshape(128, 128) / 255.0;" +
        "sys.stdout.buffer.write(emnist_convert(a).tobytes())";
      const res = spawnSync(python, ["-c", script], { input: raw });
      expect(res.status).toBe(0);
      const trainer = new Uint8Array(res.stdout);
      const server = (await run(await sharp(raw, { raw: { width: 128, height: 128, channels: 1 } }).negate().png().toBuffer())).pixels;
      expect(similarity(trainer, server)).toBeGreaterThan(0.85);
    }
  });
});
