// Usage: node --import tsx lib/training/publish.ts <run dir> [--name handprint-balanced47] [--out models]
//          [--emnist ../shared/emnist] [--fonts data/generated] [--ablation ablation.json] [--compare compare.json]
// Copies a training run's ONNX model into models/ with its model card: what it saw, what was measured
// (parity with PyTorch, real handwriting on EMNIST's official test files, the held-out fonts, latency).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { config } from "../config";
import { PIXELS } from "../models/classsets";
import { loadModel } from "../inference/session";
import { timeBatches } from "../inference/time-batches";
import { summary } from "../timing";
import { buildCard } from "./card";
import { evaluateFolder, type SplitEvaluation } from "./evaluate-folder";
import { checkParity } from "./parity";
import { parseJsonFile, ParityFixture, TrainResult } from "./trainer-output";

/** The weights alone (for fine-tuning later), from the run's weights.pt or its last checkpoint. */
function exportWeights(runDir: string, dest: string): void {
  const weights = path.join(runDir, "weights.pt");
  if (existsSync(weights)) return copyFileSync(weights, dest);
  const script =
    "import sys, torch; s = torch.load(sys.argv[1], map_location='cpu');" +
    "torch.save({k: s[k] for k in ('model', 'arch', 'width', 'depth', 'classes', 'class_set') if k in s}, sys.argv[2])";
  const res = spawnSync(config().PYTHON, ["-c", script, path.join(runDir, "checkpoint.pt"), dest], { stdio: "inherit" });
  if (res.status !== 0) throw new Error("could not extract the weights from the run's checkpoint");
}

/** Batch-1 latency on one thread, the way the server runs it. */
async function measureLatency(onnxPath: string, runs = 2000): Promise<{ p50Ms: number; p99Ms: number; threads: number }> {
  const model = await loadModel(onnxPath, 1);
  const image = new Uint8Array(PIXELS).map((_, i) => (i * 37) % 256);
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
      emnist: { type: "string", description: "a folder of EMNIST's official test files: scored and written into the card" },
      fonts: { type: "string", description: "the generated set: its held-out fonts are scored and written into the card" },
      ablation: { type: "string", description: "a JSON table of the recipe experiments, quoted in the card" },
    },
  });
  const runDir = positionals[0];
  if (!runDir) throw new Error("usage: publish.ts <run dir> [--name N] [--out models]");
  const result = parseJsonFile(TrainResult, readFileSync(path.join(runDir, "result.json"), "utf8"), "result.json");
  const parity = await checkParity(path.join(runDir, "model.onnx"), parseJsonFile(ParityFixture, readFileSync(path.join(runDir, "parity.json"), "utf8"), "parity.json"));
  if (!parity.ok) throw new Error(`the ONNX export does not match PyTorch: ${JSON.stringify(parity)}`);
  const onnxSrc = path.join(runDir, "model.onnx");
  const dataDirs = ([] as string[]).concat(result.data).map((d) => d.replace(/:[^/]*$/, ""));
  const manifestPath = dataDirs.map((d) => path.join(d, "manifest.json")).find(existsSync) ?? "";
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : undefined;
  const onnxDst = path.join(values.out!, `${values.name}.onnx`);
  copyFileSync(onnxSrc, onnxDst);
  exportWeights(runDir, onnxDst.replace(/\.onnx$/, ".pt"));
  const latency = await measureLatency(onnxDst);
  const score = async (dir: string | undefined) => (dir ? (await evaluateFolder(onnxDst, result.classes, result.class_set, dir)).map(cardFigures) : undefined);
  const realHandwriting = await score(values.emnist);
  const heldOutFonts = (await score(values.fonts))?.[0];
  const isReal = (prefix: string) => ["emnist-", "nist-", "comnist-"].some((p) => prefix.startsWith(p));
  const real = result.sources?.filter((src) => isReal(src.prefix)) ?? [];
  const realImages = real.reduce((n, src) => n + src.used, 0);
  const generated = manifest
    ? {
        description:
          "Generated handwriting-style characters (training/generate.py): handwriting fonts from npm @fontsource and Debian, their glyph skeletons re-drawn with a random pen, and Hershey single-stroke fonts drawn as jittered pen paths; EMNIST conversion, augmentation. All-capitals fonts give no lower-case letters. Whole font families are held out for the test split.",
        seed: manifest.seed,
        skeletonShare: manifest.skeletons,
        capsOnlyFonts: manifest.capsOnlyFonts,
        trainFonts: manifest.splits?.train?.fonts,
        testFonts: manifest.splits?.test?.fonts,
      }
    : undefined;
  const card = buildCard(values.name!, result, readFileSync(onnxDst), {
    data: {
      description: real.length
        ? `${realImages} real handwritten training images (${real.map((src) => `${src.prefix} ${src.used}`).join(", ")}; EMNIST's full bymerge training split holds about 698,000), none byte-identical to any image of the bymerge, mnist or letters test splits${generated ? ", plus the generated set" : ""}.`
        : generated
          ? "The generated set only; no EMNIST or NIST data."
          : `IDX data from ${([] as string[]).concat(result.data).join(", ")}`,
      realTrainingImages: realImages,
      sources: result.sources,
      ...(generated ? { generated } : {}),
    },
    metrics: {
      parity,
      inferenceBatch1: latency,
      ...(realHandwriting ? { realHandwriting } : {}),
      ...(heldOutFonts ? { heldOutFonts } : {}),
      ...(values.ablation ? { ablation: JSON.parse(readFileSync(values.ablation, "utf8")) } : {}),
      ...(values.compare ? { comparedWithReplacedSystem: JSON.parse(readFileSync(values.compare, "utf8")) } : {}),
    },
    ...(realHandwriting ? {} : { notMeasured: "No EMNIST or NIST SD19 accuracy: publish with --emnist <folder of EMNIST's official test files> to measure it." }),
  });
  writeFileSync(onnxDst.replace(/\.onnx$/, ".card.json"), `${JSON.stringify(card, null, 1)}\n`);
  process.stdout.write(`${JSON.stringify({ model: onnxDst, top1: result.test.top1, top5: result.test.top5, latency })}\n`);
}

/** What a card keeps of an evaluation: the figures, per class and the worst pairs; not the whole matrix. */
function cardFigures(r: SplitEvaluation) {
  return {
    split: `${r.prefix} ${r.split}`,
    restrictedTo: r.restrict ?? null,
    images: r.count,
    top1: Number(r.top1.toFixed(4)),
    top5: Number(r.top5.toFixed(4)),
    perClass: Object.fromEntries(Object.entries(r.perClass).filter(([, v]) => v.count).map(([c, v]) => [c, Number(v.accuracy.toFixed(4))])),
    mostConfused: r.mostConfused,
  };
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
