// node --import tsx test/bench/retrain.ts [new samples=1000] : fine-tune time on this machine for N newly
// approved samples, through the real worker (export, trainer, parity, gate), on a private MariaDB holding the
// generated base set (npm run dataset:generate first).
// node --import tsx test/bench/retrain.ts full [epochs=10] : full training time on the generated set with the
// bundled model's recipe, on the CPU and, where PyTorch sees one, on the GPU, with the speed-up.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { config } from "../../lib/config";
import { createDb } from "../../lib/db/client";
import { startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { registerBundledModel } from "../../lib/db/seed";
import { importDataset } from "../../lib/datasets/import";
import { readSplit } from "../../lib/datasets/idx";
import { Worker } from "../../lib/training/worker";

/** One training run of the trainer as `npm run train` starts it; its own measured training seconds. */
function trainSeconds(device: "cpu" | "cuda", epochs: number, data: string): number {
  const out = mkdtempSync(path.join(os.tmpdir(), `handprint-bench-full-${device}-`));
  try {
    const args = ["training/train.py", "--data", data, "--out", out, "--epochs", String(epochs), "--device", device, "--no-export"];
    console.log(`$ ${config().PYTHON} ${args.join(" ")}`);
    const res = spawnSync(config().PYTHON, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, PYTHONUNBUFFERED: "1" } });
    if (res.status !== 0) throw new Error(`training on ${device} failed (exit ${res.status})`);
    return JSON.parse(readFileSync(path.join(out, "result.json"), "utf8")).train_seconds;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function cudaDevice(): string | undefined {
  const res = spawnSync(config().PYTHON, ["-c", "import torch; print(torch.cuda.get_device_name(0) if torch.cuda.is_available() else '')"], { encoding: "utf8" });
  return res.stdout?.trim() || undefined;
}

function full(epochs: number) {
  const data = config().BASE_DATA_DIR;
  const gpu = cudaDevice();
  const cpu = trainSeconds("cpu", epochs, data);
  const rows: Record<string, unknown>[] = [{ device: "cpu", epochs, seconds: cpu, minutes: +(cpu / 60).toFixed(1) }];
  if (gpu) {
    const cuda = trainSeconds("cuda", epochs, data);
    rows.push({ device: `cuda (${gpu})`, epochs, seconds: cuda, minutes: +(cuda / 60).toFixed(1), speedUp: +(cpu / cuda).toFixed(1) });
  }
  console.table(rows);
  if (!gpu) console.log("No CUDA device is visible to PyTorch here, so there is no GPU time or speed-up to report.");
}

async function main() {
  if (process.argv[2] === "full") return full(Number(process.argv[3] ?? 10));
  const n = Number(process.argv[2] ?? 1000);
  const cfg = config();
  const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-bench-retrain-"));
  const server = await startEmbedded({ dir, database: "bench" });
  await migrate(server.url);
  const db = createDb(server.url);
  try {
    await registerBundledModel(db, "models/handprint-balanced47.onnx");
    let t = Date.now();
    await importDataset(db, { dir: cfg.BASE_DATA_DIR });
    console.log(`imported the base set in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    // n "uploads": held-out generated images, approved by an admin
    const admin = await db.user.create({ data: { username: "bench", passwordHash: "x" } });
    const test = readSplit(cfg.BASE_DATA_DIR, "test");
    for (let i = 0; i < n; i++) {
      const j = i % test.images.length;
      const s = await db.sample.create({
        data: { source: "user", split: "train", classSet: "balanced47", status: "approved", label: test.chars[j], image: new Uint8Array(test.images[j]), sha256: createHash("sha256").update(`bench-${i}`).digest("hex") },
      });
      await db.labelEvent.create({ data: { sampleId: s.id, userId: admin.id, action: "approve", fromStatus: "pending", toStatus: "approved", toLabel: test.chars[j] } });
    }
    const worker = new Worker(db, { ...cfg, RETRAIN_AFTER: n });
    await worker.prepare();
    t = Date.now();
    await worker.tick();
    const run = await db.trainingRun.findFirstOrThrow({ include: { modelVersion: { select: { number: true, status: true } } } });
    const seconds = (Date.now() - t) / 1000;
    console.table([{ newSamples: n, epochs: cfg.FINE_TUNE_EPOCHS, status: run.status, model: run.modelVersion, seconds: Math.round(seconds), gate: (run.metrics as { gate?: { reason: string } })?.gate?.reason }]);
  } finally {
    await db.$disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
