import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ModelVersion, Prisma } from "../../db/generated/client";
import { buildCard } from "../card";
import { Cancelled } from "../process";
import type { RunContext } from "../run-context";
import type { Prepared } from "./prepare";
import type { Trained } from "./train";

/** The trained model as a new candidate version: ONNX and weights in the database, with its card. */
export async function register(ctx: RunContext, prepared: Prepared, trained: Trained): Promise<ModelVersion> {
  const { db, log } = ctx;
  const onnx = await readFile(path.join(trained.runDir, "model.onnx"));
  const weights = await readFile(path.join(trained.runDir, "weights.pt"));
  const number = ((await db.modelVersion.aggregate({ _max: { number: true } }))._max.number ?? 0) + 1;
  const card = buildCard(`handprint-${prepared.classSet}-v${number}`, trained.result, onnx, {
    data: { description: "base data and approved user samples from the database", exported: prepared.exported },
  });
  // The run's row is locked while the candidate is made: a cancel either lands first (no candidate) or waits.
  const candidate = await db.$transaction(async (tx) => {
    const [run] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM TrainingRun WHERE id = ${ctx.run.id} FOR UPDATE`;
    if (run?.status !== "running") throw new Cancelled();
    return tx.modelVersion.create({
      data: {
        number,
        classSet: prepared.classSet,
        onnx,
        weights,
        sha256: card.sha256,
        card: card as Prisma.InputJsonValue,
        status: "candidate",
        parentId: prepared.parent?.id,
        labelEventCutoff: prepared.cutoff,
        dataCounts: prepared.exported as Prisma.InputJsonValue,
      },
    });
  });
  log.add(`candidate model version ${number}: held-out top-1 ${(trained.result.test.top1 * 100).toFixed(2)}%`);
  return candidate;
}
