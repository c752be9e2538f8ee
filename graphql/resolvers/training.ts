import { requireAdmin } from "../../lib/auth/guard";
import type { TrainingMode, TrainingStatus } from "../../lib/db/generated/client";
import { promoteModel, rollbackModel } from "../../lib/training/registry";
import { cancelTraining, startTraining } from "../../lib/training/runs";
import { describeAvailability, trainingAvailability } from "../../lib/training/availability";
import { unseenApprovedSamples } from "../../lib/training/trigger";
import type { Context } from "../context";
import type { Resolvers } from "../generated/types";
import { guarded, parseId } from "../resolver-errors";
import { MODEL_SELECT, modelVersion } from "./models";

const RUN_INCLUDE = { modelVersion: { select: { number: true } }, baseModel: { select: { number: true } } } as const;

type RunRow = { id: number; status: TrainingStatus; mode: TrainingMode; modelVersion: { number: number } | null; baseModel: { number: number } | null };

function runNode(r: RunRow) {
  return { ...r, id: String(r.id), modelVersion: r.modelVersion?.number ?? null, baseModel: r.baseModel?.number ?? null };
}

async function model(ctx: Context, id: number) {
  return modelVersion(await ctx.db.modelVersion.findUniqueOrThrow({ where: { id }, select: MODEL_SELECT }));
}

export const trainingResolvers: Pick<Resolvers, "Query" | "Mutation"> = {
  Query: {
    trainingRuns: (_, args, ctx) =>
      guarded(async () => (await ctx.db.trainingRun.findMany({ orderBy: { id: "desc" }, take: Math.min(100, args.first ?? 20), include: RUN_INCLUDE })).map(runNode)),
    trainingRun: (_, args, ctx) =>
      guarded(async () => {
        const r = await ctx.db.trainingRun.findUnique({ where: { id: parseId(args.id) }, include: RUN_INCLUDE });
        return r ? runNode(r) : null;
      }),
    retrainTrigger: (_, __, ctx) =>
      guarded(async () => {
        const training = await trainingAvailability(ctx.db);
        return {
          unseenApproved: await unseenApprovedSamples(ctx.db),
          threshold: ctx.retrainAfter,
          training: { state: training.state.toUpperCase(), message: describeAvailability(training), workers: training.workers },
        };
      }),
  },
  Mutation: {
    startTraining: (_, args, ctx) =>
      guarded(async () => {
        const user = requireAdmin(ctx.user);
        const run = await startTraining(ctx.db, args.mode ?? "fine_tune", user.id);
        return runNode(await ctx.db.trainingRun.findUniqueOrThrow({ where: { id: run.id }, include: RUN_INCLUDE }));
      }),
    cancelTraining: (_, args, ctx) =>
      guarded(async () => {
        requireAdmin(ctx.user);
        const run = await cancelTraining(ctx.db, parseId(args.id));
        return runNode(await ctx.db.trainingRun.findUniqueOrThrow({ where: { id: run.id }, include: RUN_INCLUDE }));
      }),
    promoteModel: (_, args, ctx) =>
      guarded(async () => {
        requireAdmin(ctx.user);
        return model(ctx, (await promoteModel(ctx.db, parseId(args.id))).id);
      }),
    rollbackModel: (_, args, ctx) =>
      guarded(async () => {
        requireAdmin(ctx.user);
        return model(ctx, (await rollbackModel(ctx.db, parseId(args.id))).id);
      }),
  },
};
