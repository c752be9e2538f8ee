// node --import tsx test/bench/read.ts [fields per case] : field reading (lib/fields/segment + the bundled
// model) on lines composed from real characters of EMNIST's bymerge test split in ../shared/emnist (a
// benchmark may read it; tests never do). Prints character accuracy beside the same characters read one by
// one, exact fields, segmentation recall and precision (boxes matched at IoU >= 0.5) and latency by length.
import sharp from "sharp";
import { readSplit } from "../../lib/datasets/idx";
import { segmentField, type Box } from "../../lib/fields/segment";
import { analyseUpload, unwrap } from "../../lib/image/analyse";
import { loadModel, runBatch } from "../../lib/inference/session";
import { CLASS_SETS } from "../../lib/models/classsets";
import { now, ownCpuMs, summary } from "../../lib/timing";
import { composeField } from "../fixtures/fields";
import { rng } from "../fixtures/glyphs";

const EMNIST = process.env.EMNIST_DIR ?? "../shared/emnist";
const OPTS = { maxInputPixels: 40_000_000 };

const iou = (a: Box, b: Box) => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
};

async function main() {
  const fields = Number(process.argv[2] ?? 200);
  const model = await loadModel("models/handprint-balanced47.onnx");
  const classify = (images: Uint8Array[]) => runBatch(model, images);
  const set = CLASS_SETS.balanced47;
  const best = (row: ArrayLike<number>) => Array.from(row).indexOf(Math.max(...Array.from(row)));
  const split = readSplit(EMNIST, "test", "bymerge");
  const byKind = {
    "upper case and digits": split.chars.flatMap((c, i) => (/^[0-9A-Z]$/.test(c) ? [i] : [])),
    digits: split.chars.flatMap((c, i) => (/^[0-9]$/.test(c) ? [i] : [])),
  };
  const cases = [
    { name: "6 upper case or digits, none touching", kind: "upper case and digits" as const, length: 6, touching: 0 },
    { name: "6 upper case or digits, 20% of neighbours touching", kind: "upper case and digits" as const, length: 6, touching: 0.2 },
    { name: "5 digits, none touching", kind: "digits" as const, length: 5, touching: 0 },
    { name: "8 upper case or digits, none touching", kind: "upper case and digits" as const, length: 8, touching: 0 },
  ];
  const rows: Record<string, unknown>[] = [];
  for (const [c, kase] of cases.entries()) {
    const random = rng(100 + c);
    const pool = byKind[kase.kind];
    let right = 0, alone = 0, total = 0, exact = 0, found = 0, foundRight = 0, matched = 0, truthBoxes = 0;
    const times: number[] = [];
    let cpuIn = 0;
    for (let f = 0; f < fields; f++) {
      const picks = Array.from({ length: kase.length }, () => pool[Math.floor(random() * pool.length)]);
      const field = await composeField(picks.map((i) => split.images[i]), { seed: 1000 * c + f, touchingShare: kase.touching });
      const t = now();
      const cpu0 = ownCpuMs();
      const characters = await segmentField(field.png, OPTS, classify).catch(() => []);
      const read = characters.length ? (await classify(characters.map((ch) => ch.pixels))).map(best) : [];
      cpuIn += ownCpuMs() - cpu0;
      times.push(now() - t);
      const truth = picks.map((i) => set.indexOf(split.chars[i]));
      found += characters.length;
      truthBoxes += field.boxes.length;
      matched += field.boxes.filter((b) => characters.some((ch) => iou(b, ch.box) >= 0.5)).length;
      foundRight += characters.filter((ch) => field.boxes.some((b) => iou(b, ch.box) >= 0.5)).length;
      if (read.length === truth.length && read.every((r, i) => r === truth[i])) exact++;
      if (read.length === truth.length) right += read.filter((r, i) => r === truth[i]).length;
      total += truth.length;
      for (const i of picks) {
        const tile = await sharp(Buffer.from(split.images[i].map((v) => 255 - v)), { raw: { width: 28, height: 28, channels: 1 } }).resize(112, 112, { kernel: "cubic" }).png().toBuffer();
        if (best((await classify([unwrap(await analyseUpload(tile, OPTS.maxInputPixels)).pixels]))[0]) === set.indexOf(split.chars[i])) alone++;
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
      "cpu ms per field": Math.round((cpuIn / fields) * 10) / 10,
    });
  }
  console.table(rows);
  console.log("No pattern, lexicon or restriction is applied (not built yet). A box is found when a segment overlaps it at IoU >= 0.5.");
}

main();
