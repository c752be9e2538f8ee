import type { Db } from "../db/client";
import type { Prisma, SampleStatus } from "../db/generated/client";
import { connection, cursor, pageSize } from "../pagination";
import { PREDICTION_SELECT } from "./view";

export type PredictionFilter = { predictedLabel?: string | null; status?: SampleStatus | null; hasFeedback?: boolean | null };

/** Stored predictions (user uploads), newest first, paged by id. */
export async function listPredictions(db: Db, args: { first?: number | null; after?: string | null; filter?: PredictionFilter | null }) {
  const first = pageSize(args.first);
  const where: Prisma.SampleWhereInput = { source: "user" };
  if (args.filter?.predictedLabel) where.predictedLabel = args.filter.predictedLabel;
  if (args.filter?.status) where.status = args.filter.status;
  if (args.filter?.hasFeedback != null) where.suggestedLabel = args.filter.hasFeedback ? { not: null } : null;
  const [rows, totalCount] = await Promise.all([
    db.sample.findMany({
      where: args.after ? { ...where, id: { lt: cursor.decode(args.after) } } : where,
      orderBy: { id: "desc" },
      take: first + 1,
      select: PREDICTION_SELECT,
    }),
    db.sample.count({ where }),
  ]);
  return connection(rows, first, totalCount, (row) => row.id, (row) => row);
}
