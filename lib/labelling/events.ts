import type { Db } from "../db/client";
import { connection, cursor, pageSize } from "../pagination";

/** The audit trail, newest first, paged by id; optionally of one sample. */
export async function listLabelEvents(db: Db, args: { first?: number | null; after?: string | null; sampleId?: number }) {
  const first = pageSize(args.first, 50);
  const where = args.sampleId ? { sampleId: args.sampleId } : {};
  const before = args.after ? cursor.decode(args.after) : undefined;
  const [rows, totalCount] = await Promise.all([
    db.labelEvent.findMany({
      where: before !== undefined ? { ...where, id: { lt: before } } : where,
      orderBy: { id: "desc" },
      take: first + 1,
      include: { user: { select: { username: true } } },
    }),
    db.labelEvent.count({ where }),
  ]);
  return connection(rows, first, totalCount, (e) => e.id, (e) => e);
}
