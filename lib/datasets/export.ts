import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { classSet, IMAGE, PIXELS } from "../models/classsets";
import { writeIdx } from "./idx";

export type ExportCounts = Record<"train" | "test", { base: number; user: number }>;

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
    /**
     * Keep only every k-th generated training image so that at most this many remain (fine-tuning replays
     * a slice). Real handwriting (EMNIST, NIST) is always kept whole: it is the scarce part.
     */
    trainBaseLimit?: number;
    /** Repeat each real (EMNIST, NIST) training image this many times. */
    realRepeat?: number;
    /** Repeat each approved user training sample this many times (fine-tuning weights new data up). */
    userRepeat?: number;
  },
): Promise<{ prefix: string; counts: ExportCounts; skipped: number }> {
  const set = classSet(opts.classSet);
  const parts = { train: { images: [] as Uint8Array[], labels: [] as number[] }, test: { images: [] as Uint8Array[], labels: [] as number[] } };
  const counts: ExportCounts = { train: { base: 0, user: 0 }, test: { base: 0, user: 0 } };
  let skipped = 0;
  let cursor = 0;
  const baseTrain = opts.trainBaseLimit ? await db.sample.count({ where: { ...opts.where, status: "approved", label: { not: null }, split: "train", source: "generated" } }) : 0;
  const stride = opts.trainBaseLimit && baseTrain > opts.trainBaseLimit ? Math.ceil(baseTrain / opts.trainBaseLimit) : 1;
  let baseSeen = 0;
  const batch = opts.batch ?? 5000;
  for (;;) {
    const rows = await db.sample.findMany({
      where: { ...opts.where, status: "approved", label: { not: null }, id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, image: true, label: true, split: true, source: true },
    });
    if (!rows.length) break;
    for (const row of rows) {
      const y = set.indexOf(row.label!);
      if (y === undefined || row.image.length !== PIXELS) {
        skipped++;
        continue;
      }
      const user = row.source === "user";
      const real = row.source === "emnist" || row.source === "nist";
      if (row.source === "generated" && row.split === "train" && baseSeen++ % stride !== 0) continue;
      const repeat = user ? opts.userRepeat : real ? opts.realRepeat : 1;
      const copies = row.split === "train" ? (repeat ?? 1) : 1;
      for (let c = 0; c < copies; c++) {
        parts[row.split].images.push(row.image);
        parts[row.split].labels.push(y);
      }
      counts[row.split][user ? "user" : "base"]++;
    }
    cursor = rows[rows.length - 1].id;
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
