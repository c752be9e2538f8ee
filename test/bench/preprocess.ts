// node --import tsx test/bench/preprocess.ts : preprocessing time (lib/image) by image size and format.
import sharp from "sharp";
import { normalise } from "../../lib/image/normalise";
import { canvasPng, glyphPng, simulatedPhoto } from "../fixtures/glyphs";
import { now, ownCpuMs, summary } from "../../lib/timing";

async function main() {
  const rows: Record<string, unknown>[] = [];
  const cases: [string, () => Promise<Buffer>][] = [
    ["PNG 28x28", () => glyphPng("4", { size: 28, stroke: 10 })],
    ["PNG 280x280 (canvas, as the page sends)", () => canvasPng("4")],
    ["PNG 280x280 opaque", () => glyphPng("4", { size: 280 })],
    ["PNG 1000x1000", () => glyphPng("4", { size: 1000 })],
    ["JPEG photo 1200x1200", async () => simulatedPhoto("4", 1200)],
    ["JPEG photo 2400x2400 (bench:http's)", async () => simulatedPhoto("4", 2400)],
    ["JPEG photo 3000x3000", async () => simulatedPhoto("4", 3000)],
    ["PNG 6000x6000", () => glyphPng("4", { size: 6000 })],
  ];
  for (const [name, make] of cases) {
    const input = await make();
    const runs = input.length > 2_000_000 ? 10 : 50;
    for (let i = 0; i < 3; i++) await normalise(input, { maxInputPixels: 40_000_000 });
    const times: number[] = [];
    const cpuBefore = ownCpuMs();
    for (let i = 0; i < runs; i++) {
      const t = now();
      await normalise(input, { maxInputPixels: 40_000_000 });
      times.push(now() - t);
    }
    // libvips decodes on its own threads: CPU per image can exceed the wall time
    const cpuMs = Math.round(((ownCpuMs() - cpuBefore) / runs) * 10) / 10;
    const meta = await sharp(input).metadata();
    rows.push({ image: name, bytes: input.length, pixels: `${meta.width}x${meta.height}`, ...summary(times), "cpu ms": cpuMs });
  }
  console.table(rows);
}

main();
