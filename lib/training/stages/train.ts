import { writeFile, readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "../../config";
import { runProcess } from "../process";
import { addPoint, type RunContext } from "../run-context";
import { parseJsonFile, parseTrainerLine, TrainResult } from "../trainer-output";
import type { Prepared } from "./prepare";

export type Trained = { result: TrainResult; runDir: string };

const TRAINER_TEST_LIMIT = 20_000;

/** Runs training/train.py on the snapshot (fine-tuning the parent's weights, or from scratch), streaming its progress. */
export async function train(ctx: RunContext, prepared: Prepared): Promise<Trained> {
  const { cfg, log, progress } = ctx;
  const runDir = path.join(ctx.work, "run");
  const epochs = prepared.fineTune ? cfg.FINE_TUNE_EPOCHS : cfg.FULL_TRAIN_EPOCHS;
  // The trainer's own test score after each epoch is for the log: an evenly spaced slice of the held-out
  // images is enough, and an instance with EMNIST's official test splits imported holds about 240,000.
  // The gate (stages/judge) scores the candidate on its own fixed sets.
  const args = [path.join(ROOT, "training", "train.py"), "--data", prepared.dataDir, "--out", runDir, "--classes", prepared.classSet, "--epochs", String(epochs), "--test-limit", String(TRAINER_TEST_LIMIT)];
  if (prepared.fineTune) {
    const init = path.join(ctx.work, "init.pt");
    await writeFile(init, prepared.parent!.weights!);
    args.push("--init", init, "--lr", "3e-4");
  }
  progress.epochs = epochs;
  await ctx.phase(`training epoch 1 of ${epochs}`);
  await runProcess(cfg.PYTHON, args, {
    signal: ctx.signal,
    onLine: (line) => {
      log.add(line);
      const e = parseTrainerLine(line);
      if (e?.event === "step") {
        Object.assign(progress, { phase: `training epoch ${e.epoch} of ${epochs}`, epoch: e.epoch, step: e.step / e.steps, loss: e.loss, accuracy: e.accuracy, etaS: e.eta_s });
        addPoint(progress.curve, { at: e.epoch - 1 + e.step / e.steps, loss: e.loss, accuracy: e.accuracy });
      }
      if (e?.event === "epoch") progress.history.push(e);
      if (e?.event === "export") progress.phase = "exporting the model";
    },
  });
  const result = parseJsonFile(TrainResult, await readFile(path.join(runDir, "result.json"), "utf8"), "result.json");
  return { result, runDir };
}
