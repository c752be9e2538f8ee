import { requireAdmin } from "../../lib/auth/guard";
import {
  approveMany,
  approveOne,
  rejectMany,
  rejectSample,
  relabelMany,
  relabelOne,
  undoLast,
  type ActionInput,
  type BulkResult,
  type Labeller,
} from "../../lib/labelling/actions";
import { listLabelEvents } from "../../lib/labelling/events";
import { listSamples } from "../../lib/labelling/queue";
import { mapNodes } from "../../lib/pagination";
import { requireSample, sampleOriginal } from "../../lib/samples/read";
import { sampleView } from "../../lib/samples/view";
import { sharedDatasetStats } from "../../lib/stats";
import type { Context } from "../context";
import type { Resolvers } from "../generated/types";
import { guarded, parseId } from "../resolver-errors";

function ref(input: { id: string; version: number }): ActionInput {
  return { id: parseId(input.id), version: input.version };
}

const admin = (ctx: Context) => requireAdmin(ctx.user);
const labeller = (ctx: Context): Labeller => ({ db: ctx.db, userId: admin(ctx).id, retrainAfter: ctx.retrainAfter });

/** Each result with the sample as it is now, when the action on it succeeded. */
const bulkNodes = (ctx: Context, results: BulkResult[]) =>
  Promise.all(results.map(async (r) => ({ ...r, sample: r.ok ? await requireSample(ctx.db, r.id) : null })));

export const adminResolvers: Pick<Resolvers, "Sample" | "Query" | "Mutation"> = {
  Sample: {
    original: (s, _, ctx) =>
      guarded(async () => {
        admin(ctx);
        return sampleOriginal(ctx.db, parseId(String(s.id)));
      }),
  },
  Query: {
    me: (_, __, ctx) => (ctx.user ? { username: ctx.user.username, role: ctx.user.role } : null),
    samples: (_, args, ctx) =>
      guarded(async () => {
        admin(ctx);
        const { status, orderBy, filter, first, after } = args;
        return mapNodes(await listSamples(ctx.db, { status, orderBy, filter: filter ?? undefined, first, after }), sampleView);
      }),
    labelEvents: (_, args, ctx) =>
      guarded(async () => {
        admin(ctx);
        const page = await listLabelEvents(ctx.db, { ...args, sampleId: args.sampleId ? parseId(args.sampleId) : undefined });
        return mapNodes(page, (e) => ({ ...e, user: e.user.username }));
      }),
    datasetStats: (_, __, ctx) => guarded(() => ctx.once("datasetStats", () => sharedDatasetStats(ctx.db))),
  },
  Mutation: {
    approveSample: (_, args, ctx) => guarded(async () => requireSample(ctx.db, (await approveOne(labeller(ctx), { ...ref(args), as: args.as })).id)),
    relabelSample: (_, args, ctx) => guarded(async () => requireSample(ctx.db, (await relabelOne(labeller(ctx), { ...ref(args), label: args.label })).id)),
    rejectSample: (_, args, ctx) => guarded(async () => requireSample(ctx.db, (await rejectSample(ctx.db, admin(ctx).id, ref(args))).id)),
    approveSamples: (_, args, ctx) => guarded(async () => bulkNodes(ctx, await approveMany(labeller(ctx), args.items.map(ref), args.as))),
    relabelSamples: (_, args, ctx) => guarded(async () => bulkNodes(ctx, await relabelMany(labeller(ctx), args.items.map(ref), args.label))),
    rejectSamples: (_, args, ctx) => guarded(async () => bulkNodes(ctx, await rejectMany(labeller(ctx), args.items.map(ref)))),
    undo: (_, __, ctx) => guarded(async () => Promise.all((await undoLast(ctx.db, admin(ctx).id)).map((s) => requireSample(ctx.db, s.id)))),
    undoLastAction: (_, __, ctx) => guarded(async () => requireSample(ctx.db, (await undoLast(ctx.db, admin(ctx).id))[0].id)),
  },
};
