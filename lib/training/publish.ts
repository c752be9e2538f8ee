// Usage: node --import tsx lib/training/publish.ts <run dir> [--name handprint-balanced47] [--out models] [--compare data/runs/compare/compare.json]
// Copies a training run's ONNX model into models/ with its model card: what it saw, what was measured.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { config } from "../config";
import { loadModel } from "../inference/session";
import { timeBatches } from "../inference/timing";
import { summary } from "../timing";
import { buildCard, type TrainResult } from "./card";

/** The weights alone (for fine-tuning later), from the run's weights.pt or its last checkpoint. */
function exportWeights(runDir: string, dest: string): void {
  const weights = path.join(runDir, "weights.pt");
  if (existsSync(weights)) return copyFileSync(weights, dest);
  const script =
    "import sys, torch; s = torch.load(sys.argv[1], map_location='cpu');" +
    "torch.save({k: s[k] for k in ('model', 'arch', 'width', 'classes', 'class_set')}, sys.argv[2])";
  const res = spawnSync(config().PYTHON, ["-c", script, path.join(runDir, "checkpoint.pt"), dest], { stdio: "inherit" });
  if (res.status !== 0) throw new Error("could not extract the weights from the run's checkpoint");
}

/** Batch-1 latency on one thread, the way the server runs it. */
export async function measureLatency(onnxPath: string, runs = 2000): Promise<{ p50Ms: number; p99Ms: number; threads: number }> {
  const model = await loadModel(onnxPath, 1);
  const image = new Uint8Array(784).map((_, i) => (i * 37) % 256);
  const { p50, p99 } = summary(await timeBatches(model, [image], runs, 200));
  await model.session.release();
  return { p50Ms: p50, p99Ms: p99, threads: 1 };
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string", default: "handprint-balanced47" },
      out: { type: "string", default: "models" },
      compare: { type: "string", description: "compare.json from `npm run compare`, quoted in the card" },
    },
  });
  const runDir = positionals[0];
  if (!runDir) throw new Error("usage: publish.ts <run dir> [--name N] [--out models]");
  const result = JSON.parse(readFileSync(path.join(runDir, "result.json"), "utf8")) as TrainResult;
  const onnxSrc = path.join(runDir, "model.onnx");
  const manifestPath = path.join(String(result.data), "manifest.json");
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : undefined;
  const onnxDst = path.join(values.out!, `${values.name}.onnx`);
  copyFileSync(onnxSrc, onnxDst);
  exportWeights(runDir, onnxDst.replace(/\.onnx$/, ".pt"));
  const latency = await measureLatency(onnxDst);
  const card = buildCard(values.name!, result, readFileSync(onnxDst), {
    data: manifest
      ? {
          description:
            "Generated handwriting-style characters (training/generate.py): handwriting fonts from npm @fontsource and Debian, their glyph skeletons re-drawn with a random pen, and Hershey single-stroke fonts drawn as jittered pen paths; EMNIST conversion, augmentation. All-capitals fonts give no lower-case letters. Whole font families are held out for the test split. No EMNIST or NIST data.",
          seed: manifest.seed,
          skeletonShare: manifest.skeletons,
          capsOnlyFonts: manifest.capsOnlyFonts,
          trainFonts: manifest.splits?.train?.fonts,
          testFonts: manifest.splits?.test?.fonts,
        }
      : { description: `IDX data from ${result.data}` },
    metrics: {
      inferenceBatch1: latency,
      ...(values.compare ? { comparedWithReplacedSystem: JSON.parse(readFileSync(values.compare, "utf8")) } : {}),
    },
    notMeasured: "No EMNIST or NIST SD19 accuracy: those datasets were not available where this model was trained.",
  });
  writeFileSync(onnxDst.replace(/\.onnx$/, ".card.json"), `${JSON.stringify(card, null, 1)}\n`);
  process.stdout.write(`${JSON.stringify({ model: onnxDst, top1: result.test.top1, top5: result.test.top5, latency })}\n`);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
