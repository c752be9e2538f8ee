import { requireAdmin } from "../../lib/auth/guard";
import type { TrainingMode } from "../../lib/db/generated/client";
import { promoteModel, rollbackModel } from "../../lib/training/registry";
import { cancelTraining, startTraining } from "../../lib/training/runs";
import { describeAvailability, trainingAvailability } from "../../lib/training/availability";
import { unseenApprovedSamples } from "../../lib/training/trigger";
import type { Context } from "../context";
import { guarded, parseId } from "../resolver-errors";
import { MODEL_SELECT, modelVersion } from "./models";

const RUN_INCLUDE = { modelVersion: { select: { number: true } }, baseModel: { select: { number: true } } } as const;

type RunRow = { id: number; status: string; mode: string; modelVersion: { number: number } | null; baseModel: { number: number } | null };

function runNode(r: RunRow) {
  return { ...r, id: String(r.id), status: r.status.toUpperCase(), mode: r.mode.toUpperCase(), modelVersion: r.modelVersion?.number ?? null, baseModel: r.baseModel?.number ?? null };
}

async function model(ctx: Context, id: number) {
  return modelVersion(await ctx.db.modelVersion.findUniqueOrThrow({ where: { id }, select: MODEL_SELECT }));
}

export const trainingResolvers = {
  Query: {
    trainingRuns: (_: unknown, args: { first?: number | null }, ctx: Context) =>
      guarded(async () => (await ctx.db.trainingRun.findMany({ orderBy: { id: "desc" }, take: Math.min(100, args.first ?? 20), include: RUN_INCLUDE })).map(runNode)),
    trainingRun: (_: unknown, args: { id: string }, ctx: Context) =>
      guarded(async () => {
        const r = await ctx.db.trainingRun.findUnique({ where: { id: parseId(args.id) }, include: RUN_INCLUDE });
        return r ? runNode(r) : null;
      }),
    retrainTrigger: (_: unknown, __: unknown, ctx: Context) =>
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
    startTraining: (_: unknown, args: { mode?: string | null }, ctx: Context) =>
      guarded(async () => {
        const user = requireAdmin(ctx.user);
        const run = await startTraining(ctx.db, (args.mode ?? "FINE_TUNE").toLowerCase() as TrainingMode, user.id);
        return runNode(await ctx.db.trainingRun.findUniqueOrThrow({ where: { id: run.id }, include: RUN_INCLUDE }));
      }),
    cancelTraining: (_: unknown, args: { id: string }, ctx: Context) =>
      guarded(async () => {
        requireAdmin(ctx.user);
        const run = await cancelTraining(ctx.db, parseId(args.id));
        return runNode(await ctx.db.trainingRun.findUniqueOrThrow({ where: { id: run.id }, include: RUN_INCLUDE }));
      }),
    promoteModel: (_: unknown, args: { id: string }, ctx: Context) =>
      guarded(async () => {
        requireAdmin(ctx.user);
        return model(ctx, (await promoteModel(ctx.db, parseId(args.id))).id);
      }),
    rollbackModel: (_: unknown, args: { id: string }, ctx: Context) =>
      guarded(async () => {
        requireAdmin(ctx.user);
        return model(ctx, (await rollbackModel(ctx.db, parseId(args.id))).id);
      }),
  },
};
