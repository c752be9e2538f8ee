import type { Db } from "../db/client";
import type { Prisma, SampleStatus } from "../db/generated/client";
import { connection, cursor, pageSize } from "../pagination";

export type QueueOrder = "uncertain_first" | "newest_first" | "by_predicted_label" | "suggestions_first";

const ORDERS: Record<QueueOrder, Prisma.SampleOrderByWithRelationInput[]> = {
  uncertain_first: [{ confidence: "asc" }, { id: "asc" }],
  newest_first: [{ createdAt: "desc" }, { id: "desc" }],
  by_predicted_label: [{ predictedLabel: "asc" }, { confidence: "asc" }, { id: "asc" }],
  suggestions_first: [{ suggestedLabel: { sort: "desc", nulls: "last" } }, { confidence: "asc" }, { id: "asc" }],
};

export type QueueFilter = { predictedLabel?: string | null; label?: string | null; hasFeedback?: boolean | null; source?: Prisma.SampleWhereInput["source"] };

export const QUEUE_SELECT = {
  id: true,
  source: true,
  split: true,
  classSet: true,
  label: true,
  status: true,
  image: true,
  contentType: true,
  predictedLabel: true,
  confidence: true,
  topK: true,
  restriction: true,
  unrestrictedTopK: true,
  suggestedLabel: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  modelVersion: { select: { number: true } },
  fieldPosition: true,
  box: true,
  field: { select: { id: true, text: true, width: true, height: true, reviewText: true, suggestedText: true, _count: { select: { characters: true } } } },
} as const;

export async function listSamples(
  db: Db,
  args: { status?: SampleStatus; orderBy?: QueueOrder; filter?: QueueFilter; first?: number; after?: string | null },
) {
  const first = pageSize(args.first);
  const where: Prisma.SampleWhereInput = { source: args.filter?.source ?? "user" };
  if (args.status) where.status = args.status;
  if (args.filter?.predictedLabel) where.predictedLabel = args.filter.predictedLabel;
  if (args.filter?.label) where.label = args.filter.label;
  if (args.filter?.hasFeedback != null) where.suggestedLabel = args.filter.hasFeedback ? { not: null } : null;
  const skip = args.after ? cursor.decode(args.after) : 0;
  const [rows, totalCount] = await Promise.all([
    db.sample.findMany({ where, orderBy: ORDERS[args.orderBy ?? "uncertain_first"], skip, take: first + 1, select: QUEUE_SELECT }),
    db.sample.count({ where }),
  ]);
  // The queue changes as admins work, so its cursor is an offset into the current order.
  return connection(rows, first, totalCount, (_, i) => skip + i + 1, (node) => node);
}
