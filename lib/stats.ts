import type { Db } from "./db/client";
import { CLASS_SETS } from "./models/classsets";
import { Scoreboard, type ConfusedPair } from "./models/scoring";

/** Aggregates only, never images: safe to show to anyone. */
type Count = { key: string; count: number };

/**
 * User samples (the uploads admins review) and base data (imported EMNIST/NIST and the generated set) are
 * counted apart: 150,000 base rows must not swamp the few hundred uploads a console shows.
 */
export type DatasetStats = {
  bySource: Count[];
  /** User samples only. */
  bySplit: Count[];
  byStatus: Count[];
  byLabel: Count[];
  base: { total: number; bySource: Count[]; bySplit: Count[]; byLabel: Count[] };
  uploadsPerDay: { day: string; count: number }[];
  actions: { total: number; approveRate: number; relabelRate: number; rejectRate: number };
  activeModel: {
    version: number;
    classSet: string;
    evaluated: number;
    accuracy: number | null;
    perClass: { label: string; count: number; accuracy: number }[];
    labels: string[];
    confusion: number[][];
    mostConfused: ConfusedPair[];
  } | null;
};

const byLabelCounts = (rows: { label: string | null; _count: { _all: number } }[]): Count[] =>
  rows.map((r) => ({ key: r.label!, count: r._count._all })).sort((a, b) => a.key.localeCompare(b.key, "en", { caseFirst: "upper" }));

const counted = (rows: { _count: { _all: number } }[], key: (r: never) => string) =>
  rows.map((r) => ({ key: key(r as never), count: r._count._all })).sort((a, b) => b.count - a.count);

/**
 * `days`: the window of uploads per day, and of the model's quality when `qualityInWindow` (the statistics
 * page's date range); otherwise the quality covers every approved upload.
 */
export async function datasetStats(db: Db, days = 30, qualityInWindow = false): Promise<DatasetStats> {
  const user = { source: "user" as const };
  const base = { source: { not: "user" as const } };
  const [bySource, bySplit, byStatus, byLabel, baseBySplit, baseByLabel, events] = await Promise.all([
    db.sample.groupBy({ by: ["source"], _count: { _all: true } }),
    db.sample.groupBy({ by: ["split"], where: user, _count: { _all: true } }),
    db.sample.groupBy({ by: ["status"], where: user, _count: { _all: true } }),
    db.sample.groupBy({ by: ["label"], where: { ...user, status: "approved", label: { not: null } }, _count: { _all: true } }),
    db.sample.groupBy({ by: ["split"], where: base, _count: { _all: true } }),
    db.sample.groupBy({ by: ["label"], where: { ...base, status: "approved", label: { not: null } }, _count: { _all: true } }),
    db.labelEvent.groupBy({ by: ["action"], where: { action: { not: "undo" } }, _count: { _all: true } }),
  ]);
  const since = new Date(Date.now() - days * 86_400_000);
  const perDay = await db.$queryRawUnsafe<{ day: string; n: bigint | number }[]>(
    "SELECT DATE_FORMAT(createdAt, '%Y-%m-%d') AS day, COUNT(*) AS n FROM Sample WHERE source = 'user' AND createdAt >= ? GROUP BY day ORDER BY day",
    since,
  );
  const total = events.reduce((s, e) => s + e._count._all, 0);
  const rate = (a: string) => (total ? (events.find((e) => e.action === a)?._count._all ?? 0) / total : 0);
  const sources = counted(bySource, (r: { source: string }) => r.source);
  const baseSources = sources.filter((c) => c.key !== "user");
  return {
    bySource: sources,
    bySplit: counted(bySplit, (r: { split: string }) => r.split),
    byStatus: counted(byStatus, (r: { status: string }) => r.status),
    byLabel: byLabelCounts(byLabel),
    base: {
      total: baseSources.reduce((sum, c) => sum + c.count, 0),
      bySource: baseSources,
      bySplit: counted(baseBySplit, (r: { split: string }) => r.split),
      byLabel: byLabelCounts(baseByLabel),
    },
    uploadsPerDay: perDay.map((r) => ({ day: r.day, count: Number(r.n) })),
    actions: { total, approveRate: rate("approve"), relabelRate: rate("relabel"), rejectRate: rate("reject") },
    activeModel: await activeModelQuality(db, qualityInWindow ? since : undefined),
  };
}

/** The active model on approved user samples it predicted: the labels admins gave are the truth. */
async function activeModelQuality(db: Db, since?: Date): Promise<DatasetStats["activeModel"]> {
  const model = await db.modelVersion.findFirst({ where: { status: "active" }, orderBy: { activatedAt: "desc" }, select: { id: true, number: true, classSet: true } });
  if (!model) return null;
  const set = CLASS_SETS[model.classSet];
  const board = new Scoreboard(set?.labels ?? []);
  const pairs = await db.sample.groupBy({
    by: ["label", "predictedLabel"],
    // A restricted answer ("digits only") is not the model's own choice: it stays out of its accuracy.
    where: {
      source: "user",
      status: "approved",
      modelVersionId: model.id,
      label: { not: null },
      predictedLabel: { not: null },
      restriction: null,
      ...(since && { createdAt: { gte: since } }),
    },
    _count: { _all: true },
  });
  for (const p of pairs) {
    const y = set?.indexOf(p.label!);
    const yhat = set?.indexOf(p.predictedLabel!);
    if (y !== undefined && yhat !== undefined) board.add(y, yhat, p._count._all);
  }
  return {
    version: model.number,
    classSet: model.classSet,
    evaluated: board.count,
    accuracy: board.accuracy,
    perClass: board.perClass().filter((c) => c.count > 0),
    labels: board.labels,
    confusion: board.confusion,
    mostConfused: board.mostConfused(10),
  };
}

const inFlight = new WeakMap<Db, Promise<DatasetStats>>();

/**
 * datasetStats shared by every caller while one computation is under way: a query that names it a
 * thousand times, or many clients at once, costs one set of aggregate queries, never a pool's worth.
 */
export function sharedDatasetStats(db: Db): Promise<DatasetStats> {
  let running = inFlight.get(db);
  if (!running) {
    running = datasetStats(db).finally(() => inFlight.delete(db));
    inFlight.set(db, running);
  }
  return running;
}
