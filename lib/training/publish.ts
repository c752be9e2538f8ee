// Usage: node --import tsx lib/training/publish.ts <run dir> [--name handprint-balanced47] [--out models]
// Copies a training run's ONNX model into models/ with its model card: what it saw, what was measured.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadModel, runBatch } from "../inference/session";

/** Batch-1 latency on one thread, the way the server runs it. */
export async function measureLatency(onnxPath: string, runs = 2000): Promise<{ p50Ms: number; p99Ms: number; threads: number }> {
  const model = await loadModel(onnxPath, 1);
  const image = new Uint8Array(784).map((_, i) => (i * 37) % 256);
  for (let i = 0; i < 200; i++) await runBatch(model, [image]);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await runBatch(model, [image]);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  await model.session.release();
  times.sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { p50Ms: round(times[Math.floor(runs * 0.5)]), p99Ms: round(times[Math.floor(runs * 0.99)]), threads: 1 };
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string", default: "handprint-balanced47" }, out: { type: "string", default: "models" } },
  });
  const runDir = positionals[0];
  if (!runDir) throw new Error("usage: publish.ts <run dir> [--name N] [--out models]");
  const result = JSON.parse(readFileSync(path.join(runDir, "result.json"), "utf8"));
  const onnxSrc = path.join(runDir, "model.onnx");
  const manifestPath = path.join(String(result.data), "manifest.json");
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : undefined;
  const onnxDst = path.join(values.out!, `${values.name}.onnx`);
  copyFileSync(onnxSrc, onnxDst);
  const bytes = readFileSync(onnxDst);
  const card = {
    name: values.name,
    classSet: result.class_set,
    classes: result.classes,
    input: "image float32 [N,1,28,28], 0..1, ink = 1, EMNIST conversion (lib/image); output: probabilities [N,classes]",
    architecture: result.arch,
    parameters: result.parameters,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    fileBytes: bytes.length,
    data: {
      description: manifest
        ? "Generated handwriting-style characters (training/generate.py): handwriting fonts from npm @fontsource and Debian, and Hershey single-stroke fonts drawn as jittered pen paths, EMNIST conversion, augmentation. Whole fonts are held out for the test split. No EMNIST or NIST data."
        : `IDX data from ${result.data}`,
      source: result.source,
      seed: manifest?.seed,
      trainImages: result.train_images,
      testImages: result.test_images,
      trainFonts: manifest?.splits?.train?.fonts,
      testFonts: manifest?.splits?.test?.fonts,
    },
    training: {
      epochs: result.epochs,
      seconds: result.train_seconds,
      device: result.device,
      history: result.history,
      fineTunedFrom: result.fine_tuned_from ?? null,
    },
    metrics: {
      heldOutFonts: result.test,
      parity: result.parity,
      inferenceBatch1: await measureLatency(onnxDst),
    },
    notMeasured: "No EMNIST or NIST SD19 accuracy: those datasets were not available where this model was trained.",
  };
  writeFileSync(onnxDst.replace(/\.onnx$/, ".card.json"), `${JSON.stringify(card, null, 1)}\n`);
  process.stdout.write(`${JSON.stringify({ model: onnxDst, top1: result.test.top1, top5: result.test.top5, latency: card.metrics.inferenceBatch1 })}\n`);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
