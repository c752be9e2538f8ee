import { requireAdmin } from "../../lib/auth/guard";
import { approveSample, bulk, rejectSample, relabelSample, undoLast, type ActionInput } from "../../lib/labelling/actions";
import { listLabelEvents } from "../../lib/labelling/events";
import { listSamples, QUEUE_SELECT } from "../../lib/labelling/queue";
import { mapNodes } from "../../lib/pagination";
import { sampleView } from "../../lib/samples/view";
import { log } from "../../lib/log";
import { sharedDatasetStats } from "../../lib/stats";
import { maybeQueueRetrain } from "../../lib/training/trigger";
import type { Context } from "../context";
import type { Resolvers } from "../generated/types";
import { ApiError, guarded, parseId } from "../resolver-errors";

function ref(input: { id: string; version: number }): ActionInput {
  return { id: parseId(input.id), version: input.version };
}

async function reload(ctx: Context, sampleId: number) {
  return sampleView(await ctx.db.sample.findUniqueOrThrow({ where: { id: sampleId }, select: QUEUE_SELECT }));
}

const admin = (ctx: Context) => requireAdmin(ctx.user);

/** New approvals may make enough unseen samples for a retraining run. */
async function afterApproval<T>(ctx: Context, result: T): Promise<T> {
  await maybeQueueRetrain(ctx.db, ctx.retrainAfter).catch((err: unknown) => log.error({ err: String(err) }, "retrain trigger failed"));
  return result;
}

async function bulkNodes(ctx: Context, results: Awaited<ReturnType<typeof bulk>>) {
  return Promise.all(results.map(async (r) => ({ ...r, id: String(r.id), sample: r.ok ? await reload(ctx, r.id) : null })));
}

export const adminResolvers: Pick<Resolvers, "Sample" | "Query" | "Mutation"> = {
  Sample: {
    original: (s, _, ctx) =>
      guarded(async () => {
        admin(ctx);
        const row = await ctx.db.sample.findUnique({ where: { id: parseId(String(s.id)) }, select: { original: true, contentType: true } });
        return row?.original ? `data:${row.contentType ?? "application/octet-stream"};base64,${Buffer.from(row.original).toString("base64")}` : null;
      }),
  },
  Query: {
    me: (_, __, ctx) => (ctx.user ? { username: ctx.user.username, role: ctx.user.role } : null),
    samples: (_, args, ctx) =>
      guarded(async () => {
        admin(ctx);
        const res = await listSamples(ctx.db, {
          status: args.status ?? undefined,
          orderBy: args.orderBy ?? undefined,
          filter: args.filter ?? undefined,
          first: args.first ?? undefined,
          after: args.after,
        });
        return mapNodes(res, sampleView);
      }),
    labelEvents: (_, args, ctx) =>
      guarded(async () => {
        admin(ctx);
        const page = await listLabelEvents(ctx.db, { ...args, sampleId: args.sampleId ? parseId(args.sampleId) : undefined });
        return mapNodes(page, (e) => ({ ...e, id: String(e.id), sampleId: String(e.sampleId), user: e.user.username }));
      }),
    datasetStats: (_, __, ctx) => guarded(() => ctx.once("datasetStats", () => sharedDatasetStats(ctx.db))),
  },
  Mutation: {
    approveSample: (_, args, ctx) =>
      guarded(async () => afterApproval(ctx, await reload(ctx, (await approveSample(ctx.db, admin(ctx).id, { ...ref(args), as: args.as ?? undefined })).id))),
    relabelSample: (_, args, ctx) =>
      guarded(async () => afterApproval(ctx, await reload(ctx, (await relabelSample(ctx.db, admin(ctx).id, { ...ref(args), label: args.label })).id))),
    rejectSample: (_, args, ctx) =>
      guarded(async () => reload(ctx, (await rejectSample(ctx.db, admin(ctx).id, ref(args))).id)),
    approveSamples: (_, args, ctx) =>
      guarded(async () => {
        const user = admin(ctx);
        return afterApproval(ctx, await bulkNodes(ctx, await bulk(args.items.map(ref), (i) => approveSample(ctx.db, user.id, { ...i, as: args.as ?? undefined }))));
      }),
    relabelSamples: (_, args, ctx) =>
      guarded(async () => {
        const user = admin(ctx);
        return afterApproval(ctx, await bulkNodes(ctx, await bulk(args.items.map(ref), (i) => relabelSample(ctx.db, user.id, { ...i, label: args.label }))));
      }),
    rejectSamples: (_, args, ctx) =>
      guarded(async () => {
        const user = admin(ctx);
        return bulkNodes(ctx, await bulk(args.items.map(ref), (i) => rejectSample(ctx.db, user.id, i)));
      }),
    undo: (_, __, ctx) =>
      guarded(async () => Promise.all((await undoLast(ctx.db, admin(ctx).id)).map((s) => reload(ctx, s.id)))),
    undoLastAction: (_, __, ctx) => guarded(async () => reload(ctx, (await undoLast(ctx.db, admin(ctx).id))[0].id)),
  },
};
