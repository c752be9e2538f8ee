import { loadModel, runBatch } from "../inference/session";
import { classSet } from "../models/classsets";

export type LabelledImages = { images: Uint8Array[]; chars: string[] };

export type Evaluation = {
  count: number;
  skipped: number;
  top1: number;
  top5: number;
  perClass: Record<string, { count: number; accuracy: number }>;
  confusion: number[][];
  mostConfused: { pair: string; errors: number }[];
  seed15: { count: number; top1: number; top1Restricted: number };
};

const SEED15 = new Set(classSet("seed15").labels);

/**
 * Scores a model with onnxruntime-node, the runtime that serves it. Characters are mapped onto the model's
 * classes through its class set's merges; characters the model does not know are skipped and counted.
 */
export async function evaluate(onnx: string | Uint8Array, classes: string[], classSetName: string, data: LabelledImages, batch = 256): Promise<Evaluation> {
  const model = await loadModel(onnx, 1);
  const merge = classSet(classSetName).merge;
  const index = new Map(classes.map((c, i) => [c, i]));
  const seedIdx = classes.map((c) => SEED15.has(c));
  const k = classes.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let top1 = 0;
  let top5 = 0;
  let skipped = 0;
  let seedCount = 0;
  let seedTop1 = 0;
  let seedRestricted = 0;
  const items = data.images.map((img, i) => ({ img, y: index.get(merge[data.chars[i]] ?? data.chars[i]) }));
  const known = items.filter((it) => {
    if (it.y === undefined) skipped++;
    return it.y !== undefined;
  });
  for (let s = 0; s < known.length; s += batch) {
    const chunk = known.slice(s, s + batch);
    const rows = await runBatch(model, chunk.map((c) => c.img));
    rows.forEach((p, i) => {
      const y = chunk[i].y!;
      const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a]);
      confusion[y][order[0]]++;
      if (order[0] === y) top1++;
      if (order.slice(0, 5).includes(y)) top5++;
      if (SEED15.has(classes[y])) {
        seedCount++;
        if (order[0] === y) seedTop1++;
        if (order.find((j) => seedIdx[j]) === y) seedRestricted++;
      }
    });
  }
  await model.session.release();
  const n = known.length;
  const perClass: Evaluation["perClass"] = {};
  classes.forEach((c, i) => {
    const count = confusion[i].reduce((a, b) => a + b, 0);
    perClass[c] = { count, accuracy: count ? confusion[i][i] / count : 0 };
  });
  const pairs: { pair: string; errors: number }[] = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) if (confusion[i][j] + confusion[j][i]) pairs.push({ pair: `${classes[i]}/${classes[j]}`, errors: confusion[i][j] + confusion[j][i] });
  pairs.sort((a, b) => b.errors - a.errors);
  return {
    count: n,
    skipped,
    top1: n ? top1 / n : 0,
    top5: n ? top5 / n : 0,
    perClass,
    confusion,
    mostConfused: pairs.slice(0, 10),
    seed15: { count: seedCount, top1: seedCount ? seedTop1 / seedCount : 0, top1Restricted: seedCount ? seedRestricted / seedCount : 0 },
  };
}
