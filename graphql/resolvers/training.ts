import { requireAdmin } from "../../lib/auth/guard";
import { requireModelVersion } from "../../lib/models/versions";
import { describeAvailability, trainingAvailability } from "../../lib/training/availability";
import { promoteModel, rollbackModel } from "../../lib/training/registry";
import { cancelTraining, findTrainingRun, listTrainingRuns, requireTrainingRun, startTraining } from "../../lib/training/runs";
import { unseenApprovedSamples } from "../../lib/training/trigger";
import type { Resolvers } from "../generated/types";
import { guarded, parseId } from "../resolver-errors";

export const trainingResolvers: Pick<Resolvers, "Query" | "Mutation"> = {
  Query: {
    trainingRuns: (_, args, ctx) => guarded(() => listTrainingRuns(ctx.db, args.first)),
    trainingRun: (_, args, ctx) => guarded(() => findTrainingRun(ctx.db, parseId(args.id))),
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
      guarded(async () => requireTrainingRun(ctx.db, (await startTraining(ctx.db, args.mode ?? "fine_tune", requireAdmin(ctx.user).id)).id)),
    cancelTraining: (_, args, ctx) =>
      guarded(async () => {
        requireAdmin(ctx.user);
        return requireTrainingRun(ctx.db, (await cancelTraining(ctx.db, parseId(args.id))).id);
      }),
    promoteModel: (_, args, ctx) =>
      guarded(async () => {
        requireAdmin(ctx.user);
        return requireModelVersion(ctx.db, (await promoteModel(ctx.db, parseId(args.id))).id);
      }),
    rollbackModel: (_, args, ctx) =>
      guarded(async () => {
        requireAdmin(ctx.user);
        return requireModelVersion(ctx.db, (await rollbackModel(ctx.db, parseId(args.id))).id);
      }),
  },
};
