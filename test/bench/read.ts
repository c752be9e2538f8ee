// node --import tsx test/bench/read.ts [fields per case] : field reading (lib/fields/read with the bundled
// model, in one thread) on lines composed from real characters of EMNIST's bymerge test split in
// ../shared/emnist (a benchmark may read it; tests never do). Prints character accuracy beside the same
// characters read one by one (under the same restriction), exact fields with and without a pattern,
// segmentation recall and precision (boxes matched at IoU >= 0.5) and latency by length.
import sharp from "sharp";
import { readSplit } from "../../lib/datasets/idx";
import type { Box } from "../../lib/fields/lattice";
import { analyseUpload, unwrap } from "../../lib/image/analyse";
import { topK } from "../../lib/inference/restrict";
import { loadModel, runBatch } from "../../lib/inference/session";
import { CLASS_SETS } from "../../lib/models/classsets";
import { now, ownCpuMs, summary } from "../../lib/timing";
import { composeField, type FieldStyle } from "../fixtures/fields";
import { rng } from "../fixtures/glyphs";
import { startBenchApp } from "../helpers/bench-app";
import { inThreadFieldReader } from "../helpers/field-reader";

const EMNIST = process.env.EMNIST_DIR ?? "../shared/emnist";
const MODEL = "models/handprint-balanced47.onnx";

const iou = (a: Box, b: Box) => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
};

type Case = { name: string; kind: "upper case and digits" | "digits"; length: number; touching: number; pattern?: string; style?: Omit<FieldStyle, "seed" | "touchingShare"> };

async function main() {
  const fields = Number(process.argv[2] ?? 200);
  const read = await inThreadFieldReader(MODEL);
  const model = await loadModel(MODEL);
  const set = CLASS_SETS.balanced47;
  const split = readSplit(EMNIST, "test", "bymerge");
  const byKind = {
    "upper case and digits": split.chars.flatMap((c, i) => (/^[0-9A-Z]$/.test(c) ? [i] : [])),
    digits: split.chars.flatMap((c, i) => (/^[0-9]$/.test(c) ? [i] : [])),
  };
  const cases: Case[] = [
    { name: "6 upper case or digits", kind: "upper case and digits", length: 6, touching: 0 },
    { name: "6 upper case or digits, pattern [A-Z0-9]{6}", kind: "upper case and digits", length: 6, touching: 0, pattern: "[A-Z0-9]{6}" },
    { name: "6 upper case or digits, 20% touching", kind: "upper case and digits", length: 6, touching: 0.2 },
    { name: "5 digits", kind: "digits", length: 5, touching: 0 },
    { name: "5 digits, pattern \\d{5}", kind: "digits", length: 5, touching: 0, pattern: "\\d{5}" },
    { name: "5 digits, 20% touching, pattern \\d{5}", kind: "digits", length: 5, touching: 0.2, pattern: "\\d{5}" },
    { name: "8 upper case or digits", kind: "upper case and digits", length: 8, touching: 0 },
    { name: "5 digits in printed boxes, phone photo, pattern \\d{5}", kind: "digits", length: 5, touching: 0, pattern: "\\d{5}", style: { layout: "boxes", photo: true } },
    { name: "6 upper case or digits, slanted, ruled, phone photo", kind: "upper case and digits", length: 6, touching: 0, style: { slant: 0.25, layout: "ruled", photo: true } },
  ];
  const rows: Record<string, unknown>[] = [];
  for (const [c, kase] of cases.entries()) {
    // the same fields with and without a pattern: the seed depends on the characters, not the pattern
    const seed = cases.findIndex((k) => k.kind === kase.kind && k.length === kase.length && k.touching === kase.touching && !k.style === !kase.style);
    const random = rng(100 + seed);
    const pool = byKind[kase.kind];
    const allowed = kase.pattern ? set.labels.map((l) => (kase.kind === "digits" ? /^[0-9]$/ : /^[0-9A-Z]$/).test(l)) : undefined;
    let right = 0, alone = 0, total = 0, exact = 0, found = 0, foundRight = 0, matched = 0, truthBoxes = 0;
    const times: number[] = [];
    const cpu: number[] = [];
    for (let f = 0; f < fields; f++) {
      const picks = Array.from({ length: kase.length }, () => pool[Math.floor(random() * pool.length)]);
      const field = await composeField(picks.map((i) => split.images[i]), { seed: 1000 * seed + f, touchingShare: kase.touching, ...kase.style });
      const t = now();
      const cpu0 = ownCpuMs();
      const reading = await read(field.png, { pattern: kase.pattern }).catch(() => undefined);
      cpu.push(ownCpuMs() - cpu0);
      times.push(now() - t);
      const characters = reading?.characters ?? [];
      const said = characters.map((ch) => set.classOf(ch.label));
      const truth = picks.map((i) => set.classOf(split.chars[i]) ?? split.chars[i]);
      found += characters.length;
      truthBoxes += field.boxes.length;
      matched += field.boxes.filter((b) => characters.some((ch) => ch.box && iou(b, ch.box) >= 0.5)).length;
      foundRight += characters.filter((ch) => field.boxes.some((b) => ch.box && iou(b, ch.box) >= 0.5)).length;
      if (said.length === truth.length && said.every((r, i) => r === truth[i])) exact++;
      if (said.length === truth.length) right += said.filter((r, i) => r === truth[i]).length;
      total += truth.length;
      for (const i of picks) {
        const tile = await sharp(Buffer.from(split.images[i].map((v) => 255 - v)), { raw: { width: 28, height: 28, channels: 1 } }).resize(112, 112, { kernel: "cubic" }).png().toBuffer();
        const [row] = await runBatch(model, [unwrap(await analyseUpload(tile, 40_000_000)).pixels]);
        if (topK(row, set.labels, 1, allowed)[0].label === set.classOf(split.chars[i])) alone++;
      }
    }
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    rows.push({
      case: kase.name,
      fields,
      "characters right": pct(right / total),
      "same characters alone": pct(alone / total),
      "fields exactly right": pct(exact / fields),
      "segmentation recall": pct(matched / truthBoxes),
      "segmentation precision": pct(found ? foundRight / found : 0),
      "p50 ms": summary(times).p50,
      "cpu ms p50": summary(cpu).p50,
    });
    void c;
  }
  console.table(rows);
  await endToEnd(split, byKind["upper case and digits"], Math.min(fields, 60));
  console.log("With a pattern, the characters alone are read under the same restriction (digits, or upper case and digits).");
  console.log("A character counts as right only in a field read with the right number of characters. A box is found when a segment overlaps it at IoU >= 0.5.");
}

/** 8-character fields through POST /api/read of the real server (stored, as real traffic), one at a time. */
async function endToEnd(split: ReturnType<typeof readSplit>, pool: number[], fields: number) {
  const app = await startBenchApp();
  try {
    const random = rng(900);
    const bodies = await Promise.all(
      Array.from({ length: fields }, async (_, f) => (await composeField(Array.from({ length: 8 }, () => split.images[pool[Math.floor(random() * pool.length)]]), { seed: 9000 + f })).png),
    );
    const post = async (png: Buffer) => {
      const t = now();
      const res = await fetch(new URL("/api/read", app.server.url), { method: "POST", body: new Uint8Array(png), headers: { "content-type": "image/png" } });
      if (res.status !== 200) throw new Error(`read answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return now() - t;
    };
    for (const png of bodies.slice(0, 5)) await post(png); // warm the server
    const times: number[] = [];
    for (const png of bodies) times.push(await post(png));
    const { p50, p99 } = summary(times);
    console.log(`POST /api/read, 8 upper case or digits, one at a time, stored: p50 ${p50} ms, p99 ${p99} ms over ${fields} fields (target p50 <= 60 ms)`);
  } finally {
    await app.stop();
  }
}

main();
