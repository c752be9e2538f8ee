// Local check (not in the repo): fixture predictions and an EMNIST-as-canvas accuracy, to compare before/after.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import sharp from "sharp";
import { analyseUpload, unwrap } from "./lib/image/analyse";
import { loadModel, runBatch } from "./lib/inference/session";
import { readSplit } from "./lib/datasets/idx";
import { CLASS_SETS } from "./lib/models/classsets";
import { GLYPHS, glyphPng, canvasPng, simulatedPhoto } from "./test/fixtures/glyphs";

async function main() {
  const out = process.argv[2];
  const model = await loadModel("/work/main/models/handprint-balanced47.onnx");
  const cs = CLASS_SETS["balanced47"];
  const cases: [string, Buffer][] = [];
  for (const ch of Object.keys(GLYPHS)) {
    for (const size of [28, 64, 120, 200, 400, 1000, 3000]) cases.push([`${ch} png ${size}`, await glyphPng(ch, { size, stroke: size < 40 ? 12 : 7 })]);
    for (let r = -8; r <= 8; r += 4) cases.push([`${ch} canvas r${r}`, await canvasPng(ch, { rotate: r })]);
    for (const seed of [1, 2]) for (const size of [800, 2400]) cases.push([`${ch} photo ${size} s${seed}`, await simulatedPhoto(ch, size, seed)]);
    cases.push([`${ch} chalk`, await glyphPng(ch, { size: 300, ink: "#f0f0f0", paper: "#1b2a1b" })]);
    cases.push([`${ch} grey`, await glyphPng(ch, { size: 300, ink: "#555555", paper: "#bbbbbb" })]);
  }
  const res: Record<string, { label: string; pixels: number[] }> = {};
  for (const [name, buf] of cases) {
    const a = unwrap(await analyseUpload(buf, 4e7));
    const [p] = await runBatch(model, [a.pixels]);
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    res[name] = { label: cs.labels[best], pixels: Array.from(a.pixels) };
  }
  // EMNIST bymerge test as canvas drawings: 28x28 upscaled to 280, dark ink on transparency.
  const split = readSplit("/work/shared/emnist", "test", "bymerge");
  let right = 0, n = 0, rightSmall = 0;
  const N = Number(process.env.N ?? 1500);
  for (let i = 0; i < N; i++) {
    const img = split.images[i * 37];
    const big = await sharp(Buffer.from(img), { raw: { width: 28, height: 28, channels: 1 } }).resize(280, 280, { kernel: "cubic" }).extractChannel(0).raw().toBuffer();
    const rgba = Buffer.alloc(280 * 280 * 4);
    for (let k = 0; k < 280 * 280; k++) { rgba[k * 4] = 17; rgba[k * 4 + 1] = 24; rgba[k * 4 + 2] = 39; rgba[k * 4 + 3] = big[k]; }
    const png = await sharp(rgba, { raw: { width: 280, height: 280, channels: 4 } }).png().toBuffer();
    // the same character drawn small: a third of the canvas, off centre
    const smallBig = await sharp(Buffer.from(img), { raw: { width: 28, height: 28, channels: 1 } }).resize(93, 93, { kernel: "cubic" }).extractChannel(0).raw().toBuffer();
    const rgbaS = Buffer.alloc(280 * 280 * 4);
    for (let y = 0; y < 93; y++) for (let x = 0; x < 93; x++) { const k = (y + 40) * 280 + (x + 150); rgbaS[k * 4] = 17; rgbaS[k * 4 + 1] = 24; rgbaS[k * 4 + 2] = 39; rgbaS[k * 4 + 3] = smallBig[y * 93 + x]; }
    const pngS = await sharp(rgbaS, { raw: { width: 280, height: 280, channels: 4 } }).png().toBuffer();
    try {
      const aS = unwrap(await analyseUpload(pngS, 4e7));
      const [pS] = await runBatch(model, [aS.pixels]);
      let bS = 0;
      for (let j = 1; j < pS.length; j++) if (pS[j] > pS[bS]) bS = j;
      if (cs.indexOf(split.chars[i * 37]) === bS) rightSmall++;
    } catch {}
    let a;
    try { a = unwrap(await analyseUpload(png, 4e7)); } catch { n++; continue; }
    const [p] = await runBatch(model, [a.pixels]);
    let best = 0;
    for (let j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
    n++;
    if (cs.indexOf(split.chars[i * 37]) === best) right++;
  }
  console.log(`emnist-as-canvas: ${right}/${n} = ${(100 * right / n).toFixed(2)}%; drawn small: ${(100 * rightSmall / n).toFixed(2)}%`);
  if (existsSync(out)) {
    const before = JSON.parse(readFileSync(out, "utf8"));
    let changed = 0, minSim = 1;
    for (const k of Object.keys(res)) {
      if (before[k].label !== res[k].label) { changed++; console.log("CHANGED", k, before[k].label, "->", res[k].label); }
      const a = before[k].pixels, b = res[k].pixels;
      let dot = 0, na = 0, nb = 0;
      for (let i = 0; i < 784; i++) { dot += a[i] * b[i]; na += a[i] ** 2; nb += b[i] ** 2; }
      minSim = Math.min(minSim, dot / Math.sqrt(na * nb));
    }
    console.log(`fixtures: ${Object.keys(res).length}, labels changed: ${changed}, min cosine similarity ${minSim.toFixed(4)}`);
    let wrong = 0; for (const k of Object.keys(res)) if (res[k].label !== k.split(" ")[0] && !(k.startsWith("O") && res[k].label === "0")) wrong++;
    console.log(`fixtures read other than their glyph: ${wrong}`);
  } else {
    writeFileSync(out, JSON.stringify(res));
    let wrong = 0; for (const k of Object.keys(res)) if (res[k].label !== k.split(" ")[0] && !(k.startsWith("O") && res[k].label === "0")) { wrong++; console.log("misread", k, res[k].label); }
    console.log(`saved ${Object.keys(res).length} fixtures; read other than their glyph: ${wrong}`);
  }
}
main();
