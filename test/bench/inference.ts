// node --import tsx test/bench/inference.ts [model.onnx] : model latency at batch 1 and throughput with batching.
import { loadModel } from "../../lib/inference/session";
import { timeBatches } from "../../lib/inference/time-batches";
import { summary } from "../../lib/timing";

async function main() {
  const file = process.argv[2] ?? "models/handprint-balanced47.onnx";
  const rows: Record<string, unknown>[] = [];
  const image = Uint8Array.from({ length: 784 }, (_, i) => (i * 37) % 256);
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

main();
