import { allowedClasses, type Restriction } from "../inference/restrict";
import { loadModel, runBatch } from "../inference/session";
import { classSet } from "../models/classsets";
import { Scoreboard } from "../models/scoring";

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
 * A label naming several characters (EMNIST letters: "Aa") is right when the answer is any of them.
 * With a restriction the answer is the best allowed class, as the API answers a restricted request.
 */
export async function evaluate(
  onnx: string | Uint8Array,
  classes: string[],
  classSetName: string,
  data: LabelledImages,
  opts: { batch?: number; restrict?: Restriction } = {},
): Promise<Evaluation> {
  const batch = opts.batch ?? 256;
  const model = await loadModel(onnx, 1);
  const set = classSet(classSetName);
  const index = new Map(classes.map((c, i) => [c, i]));
  const allowed = allowedClasses(classes, set, opts.restrict);
  const answers = new Map<string, Set<number>>();
  const answersOf = (label: string) => {
    if (!answers.has(label)) answers.set(label, new Set([...label].map((c) => index.get(set.fold(c))).filter((i): i is number => i !== undefined)));
    return answers.get(label)!;
  };
  const seedIdx = classes.map((c) => SEED15.has(c));
  const board = new Scoreboard(classes);
  let top5 = 0;
  let skipped = 0;
  let seedCount = 0;
  let seedTop1 = 0;
  let seedRestricted = 0;
  const items = data.images.map((img, i) => ({ img, ok: answersOf(data.chars[i]) }));
  const known = items.filter((it) => {
    if (!it.ok.size) skipped++;
    return it.ok.size > 0;
  });
  for (let s = 0; s < known.length; s += batch) {
    const chunk = known.slice(s, s + batch);
    const rows = await runBatch(model, chunk.map((c) => c.img));
    rows.forEach((p, i) => {
      const { ok } = chunk[i];
      const order = Array.from(p.keys()).filter((j) => !allowed || allowed[j]).sort((a, b) => p[b] - p[a]);
      // The confusion matrix counts a many-character label under the class it was answered as, when right.
      const y = ok.has(order[0]) ? order[0] : ok.values().next().value!;
      board.add(y, order[0]);
      if (order.slice(0, 5).some((j) => ok.has(j))) top5++;
      if (SEED15.has(classes[y])) {
        seedCount++;
        if (order[0] === y) seedTop1++;
        if (order.find((j) => seedIdx[j]) === y) seedRestricted++;
      }
    });
  }
  await model.session.release();
  const n = board.count;
  return {
    count: n,
    skipped,
    top1: board.accuracy ?? 0,
    top5: n ? top5 / n : 0,
    perClass: Object.fromEntries(board.perClass().map((c) => [c.label, { count: c.count, accuracy: c.accuracy }])),
    confusion: board.confusion,
    mostConfused: board.mostConfused(10),
    seed15: { count: seedCount, top1: seedCount ? seedTop1 / seedCount : 0, top1Restricted: seedCount ? seedRestricted / seedCount : 0 },
  };
}
