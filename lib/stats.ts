import type { Db } from "./db/client";
import { CLASS_SETS } from "./models/classsets";

/** Aggregates only, never images: safe to show to anyone. */
export type DatasetStats = {
  bySource: { key: string; count: number }[];
  bySplit: { key: string; count: number }[];
  byStatus: { key: string; count: number }[];
  byLabel: { key: string; count: number }[];
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
    mostConfused: { pair: string; errors: number }[];
  } | null;
};

const counted = (rows: { _count: { _all: number } }[], key: (r: never) => string) =>
  rows.map((r) => ({ key: key(r as never), count: r._count._all })).sort((a, b) => b.count - a.count);

export async function datasetStats(db: Db, days = 30): Promise<DatasetStats> {
  const [bySource, bySplit, byStatus, byLabel, events] = await Promise.all([
    db.sample.groupBy({ by: ["source"], _count: { _all: true } }),
    db.sample.groupBy({ by: ["split"], _count: { _all: true } }),
    db.sample.groupBy({ by: ["status"], _count: { _all: true } }),
    db.sample.groupBy({ by: ["label"], where: { status: "approved", label: { not: null } }, _count: { _all: true } }),
    db.labelEvent.groupBy({ by: ["action"], where: { action: { not: "undo" } }, _count: { _all: true } }),
  ]);
  const since = new Date(Date.now() - days * 86_400_000);
  const perDay = await db.$queryRawUnsafe<{ day: string; n: bigint | number }[]>(
    "SELECT DATE_FORMAT(createdAt, '%Y-%m-%d') AS day, COUNT(*) AS n FROM Sample WHERE source = 'user' AND createdAt >= ? GROUP BY day ORDER BY day",
    since,
  );
  const total = events.reduce((s, e) => s + e._count._all, 0);
  const rate = (a: string) => (total ? (events.find((e) => e.action === a)?._count._all ?? 0) / total : 0);
  return {
    bySource: counted(bySource, (r: { source: string }) => r.source),
    bySplit: counted(bySplit, (r: { split: string }) => r.split),
    byStatus: counted(byStatus, (r: { status: string }) => r.status),
    byLabel: byLabel.map((r) => ({ key: r.label!, count: r._count._all })).sort((a, b) => a.key.localeCompare(b.key, "en", { caseFirst: "upper" })),
    uploadsPerDay: perDay.map((r) => ({ day: r.day, count: Number(r.n) })),
    actions: { total, approveRate: rate("approve"), relabelRate: rate("relabel"), rejectRate: rate("reject") },
    activeModel: await activeModelQuality(db),
  };
}

/** The active model on approved user samples it predicted: the labels admins gave are the truth. */
async function activeModelQuality(db: Db): Promise<DatasetStats["activeModel"]> {
  const model = await db.modelVersion.findFirst({ where: { status: "active" }, orderBy: { activatedAt: "desc" }, select: { id: true, number: true, classSet: true } });
  if (!model) return null;
  const set = CLASS_SETS[model.classSet];
  const labels = set?.labels ?? [];
  const index = new Map(labels.map((c, i) => [c, i]));
  const pairs = await db.sample.groupBy({
    by: ["label", "predictedLabel"],
    where: { source: "user", status: "approved", modelVersionId: model.id, label: { not: null }, predictedLabel: { not: null } },
    _count: { _all: true },
  });
  const confusion = labels.map(() => labels.map(() => 0));
  let evaluated = 0;
  let correct = 0;
  for (const p of pairs) {
    const y = index.get(set?.merge[p.label!] ?? p.label!);
    const yhat = index.get(p.predictedLabel!);
    if (y === undefined || yhat === undefined) continue;
    confusion[y][yhat] += p._count._all;
    evaluated += p._count._all;
    if (y === yhat) correct += p._count._all;
  }
  const perClass = labels
    .map((label, i) => {
      const count = confusion[i].reduce((a, b) => a + b, 0);
      return { label, count, accuracy: count ? confusion[i][i] / count : 0 };
    })
    .filter((c) => c.count > 0);
  const mostConfused: { pair: string; errors: number }[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const errors = confusion[i][j] + confusion[j][i];
      if (errors) mostConfused.push({ pair: `${labels[i]}/${labels[j]}`, errors });
    }
  }
  mostConfused.sort((a, b) => b.errors - a.errors);
  return { version: model.number, classSet: model.classSet, evaluated, accuracy: evaluated ? correct / evaluated : null, perClass, labels, confusion, mostConfused: mostConfused.slice(0, 10) };
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
