import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import type { Prisma, SampleSource, SampleSplit } from "../db/generated/client";
import { classSet, IMAGE, PIXELS } from "../models/classsets";
import { writeIdx } from "./idx";

export type ExportCounts = Record<"train" | "test", { base: number; user: number }>;

/** Base data is real handwriting (EMNIST, NIST) or generated; user samples are the uploads admins approved. */
export type BaseKind = "real" | "generated";
const kindOf = (source: SampleSource): BaseKind | "user" => (source === "user" ? "user" : source === "generated" ? "generated" : "real");

/**
 * A fine-tune's draw of base training data: at most `real` real and `generated` generated images, drawn
 * afresh for each `seed` (a run id), so successive fine-tunes together cover the whole base set while each
 * one stays short. Uniform draws keep the base data's class frequencies (NIST's natural ones for EMNIST).
 */
export type BaseDraw = { real: number; generated: number; seed: number };

type RowRef = { id: number; label: string | null; split: SampleSplit; source: SampleSource };

/** A small seeded generator (mulberry32): the same seed draws the same base images. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` of `refs` chosen uniformly without replacement (a partial Fisher–Yates shuffle), in id order. */
function drawUniform<T extends { id: number }>(refs: T[], count: number, random: () => number): T[] {
  if (refs.length <= count) return refs;
  const pool = refs.slice();
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).sort((a, b) => a.id - b.id);
}

/** Which approved, labelled samples to export: every one, or with a draw, a bounded slice of base training data. */
async function chooseRows(db: Db, where: Prisma.SampleWhereInput | undefined, draw: BaseDraw | undefined, batch: number): Promise<RowRef[]> {
  const refs: RowRef[] = [];
  for (let cursor = 0; ; ) {
    const rows = await db.sample.findMany({
      where: { ...where, status: "approved", label: { not: null }, id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: batch * 10,
      select: { id: true, label: true, split: true, source: true },
    });
    if (!rows.length) break;
    refs.push(...rows);
    cursor = rows[rows.length - 1].id;
  }
  if (!draw) return refs;
  const random = seededRandom(draw.seed);
  const baseTrain = (kind: BaseKind) => refs.filter((r) => r.split === "train" && kindOf(r.source) === kind);
  const kept = [...drawUniform(baseTrain("real"), draw.real, random), ...drawUniform(baseTrain("generated"), draw.generated, random)];
  const rest = refs.filter((r) => r.split !== "train" || kindOf(r.source) === "user");
  return [...rest, ...kept].sort((a, b) => a.id - b.id);
}

/**
 * Writes the approved, labelled samples of the database as IDX files for one class set: base data plus
 * approved user samples, each in its own split. Labels are mapped through the class set's merges;
 * characters the class set does not have are left out. The trainer reads the result like any IDX folder.
 */
export async function exportDataset(
  db: Db,
  opts: {
    classSet: string;
    out: string;
    where?: Prisma.SampleWhereInput;
    batch?: number;
    onProgress?: (done: number) => void;
    /** Export only a draw of the base training data (fine-tuning); the test split and user samples stay whole. */
    baseDraw?: BaseDraw;
    /** Repeat each real (EMNIST, NIST) training image this many times. */
    realRepeat?: number;
    /** Repeat each approved user training sample this many times (fine-tuning weights new data up). */
    userRepeat?: number;
  },
): Promise<{ prefix: string; counts: ExportCounts; skipped: number }> {
  const set = classSet(opts.classSet);
  const parts = { train: { images: [] as Uint8Array[], labels: [] as number[] }, test: { images: [] as Uint8Array[], labels: [] as number[] } };
  const counts: ExportCounts = { train: { base: 0, user: 0 }, test: { base: 0, user: 0 } };
  const batch = opts.batch ?? 5000;
  const chosen = await chooseRows(db, opts.where, opts.baseDraw, batch);
  let skipped = 0;
  for (let s = 0; s < chosen.length; s += batch) {
    const refs = chosen.slice(s, s + batch);
    const images = new Map(
      (await db.sample.findMany({ where: { id: { in: refs.map((r) => r.id) } }, select: { id: true, image: true } })).map((r) => [r.id, r.image]),
    );
    for (const row of refs) {
      const y = set.indexOf(row.label!);
      const image = images.get(row.id);
      if (y === undefined || !image || image.length !== PIXELS) {
        skipped++;
        continue;
      }
      const kind = kindOf(row.source);
      const repeat = kind === "user" ? opts.userRepeat : kind === "real" ? opts.realRepeat : 1;
      const copies = row.split === "train" ? (repeat ?? 1) : 1;
      for (let c = 0; c < copies; c++) {
        parts[row.split].images.push(image);
        parts[row.split].labels.push(y);
      }
      counts[row.split][kind === "user" ? "user" : "base"]++;
    }
    opts.onProgress?.(counts.train.base + counts.train.user + counts.test.base + counts.test.user);
  }
  const prefix = `handprint-${set.name}`;
  for (const split of ["train", "test"] as const) {
    const { images, labels } = parts[split];
    const data = new Uint8Array(images.length * PIXELS);
    images.forEach((img, i) => data.set(img, i * PIXELS));
    await writeIdx(path.join(opts.out, `${prefix}-${split}-images-idx3-ubyte.gz`), { shape: [images.length, IMAGE.height, IMAGE.width], data });
    await writeIdx(path.join(opts.out, `${prefix}-${split}-labels-idx1-ubyte.gz`), { shape: [labels.length], data: Uint8Array.from(labels) });
  }
  await writeFile(path.join(opts.out, `${prefix}-mapping.txt`), set.labels.map((c, i) => `${i} ${c.charCodeAt(0)}\n`).join(""));
  return { prefix, counts, skipped };
}
