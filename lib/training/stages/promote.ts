import type { ModelVersion, Prisma } from "../../db/generated/client";
import { activate } from "../registry";
import type { RunContext } from "../run-context";
import type { Judgement } from "./judge";

/** A candidate that passed becomes the active version (every server hot-swaps to it); the run is done. */
export async function promote(ctx: RunContext, candidate: ModelVersion, judgement: Judgement): Promise<void> {
  const { db, run, workerId, progress, log } = ctx;
  if (judgement.decision.pass) await activate(db, candidate.id);
  progress.phase = judgement.decision.pass ? `version ${candidate.number} is active` : `version ${candidate.number} was turned away by the gate`;
  await db.trainingRun.updateMany({
    where: { id: run.id, workerId },
    data: {
      status: "succeeded",
      progress: 1,
      finishedAt: new Date(),
      modelVersionId: candidate.id,
      metrics: { ...progress, gate: judgement.decision } as unknown as Prisma.InputJsonValue,
      logTail: log.tail,
    },
  });
}
