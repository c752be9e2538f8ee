import { mapNodes } from "../../lib/pagination";
import { enforceRateLimit } from "../../lib/ratelimit";
import { recordFeedback } from "../../lib/samples/feedback";
import { listPredictions } from "../../lib/samples/list";
import { predictAndStore } from "../../lib/samples/predict";
import { findPrediction, findSample } from "../../lib/samples/read";
import { storedPrediction } from "../../lib/samples/view";
import type { Resolvers } from "../generated/types";
import { decodeImage } from "../image-argument";
import { guarded, parseId } from "../resolver-errors";

export const predictionResolvers: Pick<Resolvers, "Query" | "Mutation"> = {
  Query: {
    prediction: (_, args, ctx) => guarded(() => findPrediction(ctx.db, parseId(args.id))),
    predictions: (_, args, ctx) => guarded(async () => mapNodes(await listPredictions(ctx.db, args), storedPrediction)),
    sample: (_, args, ctx) => guarded(() => findSample(ctx.db, parseId(args.id))),
  },
  Mutation: {
    predict: (_, args, ctx) =>
      guarded(async () => {
        await enforceRateLimit(ctx.predictLimiter, ctx.clientKey);
        const bytes = decodeImage(args.image);
        return predictAndStore(ctx.predict, { bytes, restrict: args.restrict ?? undefined, classes: args.classes ?? undefined });
      }),
    feedback: (_, args, ctx) =>
      guarded(async () => {
        const id = parseId(args.id);
        await recordFeedback(ctx.db, { limiters: ctx.feedbackLimiters, clientKey: ctx.clientKey }, id, args);
        return (await findPrediction(ctx.db, id))!;
      }),
  },
};
