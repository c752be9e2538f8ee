import { requireAdmin } from "../../lib/auth/guard";
import { recordFieldFeedback } from "../../lib/fields/feedback";
import { readAndStoreField } from "../../lib/fields/read";
import { findField, listFields, requireField } from "../../lib/fields/stored";
import { labelFieldText } from "../../lib/labelling/actions";
import { enforceRateLimit } from "../../lib/ratelimit";
import { requireSample } from "../../lib/samples/read";
import type { Resolvers } from "../generated/types";
import { decodeImage } from "../image-argument";
import { guarded, parseId } from "../resolver-errors";

export const fieldResolvers: Pick<Resolvers, "Query" | "Mutation"> = {
  Query: {
    field: (_, args, ctx) => guarded(() => findField(ctx.db, parseId(args.id))),
    fields: (_, args, ctx) => guarded(() => listFields(ctx.db, args)),
  },
  Mutation: {
    read: (_, args, ctx) =>
      guarded(async () => {
        await enforceRateLimit(ctx.predictLimiter, ctx.clientKey);
        return readAndStoreField(ctx.read, {
          bytes: decodeImage(args.image),
          pattern: args.pattern ?? undefined,
          lexicon: args.lexicon ?? undefined,
          restrict: args.restrict ?? undefined,
        });
      }),
    fieldFeedback: (_, args, ctx) => guarded(() => recordFieldFeedback(ctx.db, parseId(args.id), args.text)),
    labelFieldText: (_, args, ctx) =>
      guarded(async () => {
        const id = parseId(args.id);
        const { applied, results } = await labelFieldText({ db: ctx.db, userId: requireAdmin(ctx.user).id, retrainAfter: ctx.retrainAfter }, id, args.text);
        const nodes = await Promise.all(results.map(async (r) => ({ ...r, sample: r.ok ? await requireSample(ctx.db, r.id) : null })));
        return { applied, results: nodes, field: await requireField(ctx.db, id) };
      }),
  },
};
