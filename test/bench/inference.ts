// node --import tsx test/bench/inference.ts [model.onnx ...] : model latency at batch 1 and throughput with batching.
// With several models, their batch-1 latency on one thread is also timed side by side, in alternating rounds
// (this machine's speed drifts, so only figures taken together compare), with each one's p50 against the first's.
import { loadModel, type LoadedModel } from "../../lib/inference/session";
import { timeBatches } from "../../lib/inference/time-batches";
import { summary } from "../../lib/timing";

const image = Uint8Array.from({ length: 784 }, (_, i) => (i * 37) % 256);

async function table(file: string) {
  const rows: Record<string, unknown>[] = [];
  for (const threads of [1, 2]) {
    const model = await loadModel(file, threads);
    for (const batch of [1, 8, 32, 64]) {
      const images = Array.from({ length: batch }, () => image);
      const times = await timeBatches(model, images, batch === 1 ? 3000 : 300, 50);
      const s = summary(times);
      rows.push({ threads, batch, "p50 ms": s.p50, "p99 ms": s.p99, "images/s": Math.round((batch * 1000) / s.mean) });
    }
    await model.session.release();
  }
  console.log(`model: ${file}`);
  console.table(rows);
}

async function sideBySide(files: string[], rounds = 8, runsPerRound = 500) {
  const models: LoadedModel[] = [];
  for (const file of files) models.push(await loadModel(file, 1));
  const times: number[][] = files.map(() => []);
  for (let round = 0; round < rounds; round++) {
    // alternate the order too, so neither model always runs right after the other
    const order = round % 2 ? [...models.keys()].reverse() : [...models.keys()];
    for (const i of order) times[i].push(...(await timeBatches(models[i], [image], runsPerRound, 50)));
  }
  const first = summary(times[0]).p50;
  console.log(`batch 1, one thread, ${rounds} alternating rounds of ${runsPerRound} runs each:`);
  console.table(files.map((file, i) => {
    const s = summary(times[i]);
    return { model: file, "p50 ms": s.p50, "p99 ms": s.p99, "p50 / first": +(s.p50 / first).toFixed(2) };
  }));
  for (const m of models) await m.session.release();
}

async function main() {
  const files = process.argv.slice(2);
  if (!files.length) files.push("models/handprint-balanced47.onnx");
  if (files.length > 1) await sideBySide(files);
  for (const file of files) await table(file);
}

main();
