import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import type { SampleSource } from "../db/generated/client";
import { CLASS_SETS, emnistClassSet } from "../models/classsets";
import { datasetPrefixes, hasSplit, pickPrefix, readSplit } from "./idx";

/** The class set a dataset's labels follow, from its file prefix (emnist-balanced-part… -> balanced47). */
export function classSetOfPrefix(prefix: string): string {
  const named = Object.keys(CLASS_SETS).find((name) => prefix.endsWith(`-${name}`));
  const found = named ?? emnistClassSet(prefix);
  if (found) return found;
  throw new Error(`cannot tell the class set of "${prefix}"; name it with --class-set`);
}

export function sourceOfPrefix(prefix: string): SampleSource {
  if (prefix.startsWith("emnist-")) return "emnist";
  if (prefix.startsWith("nist-")) return "nist";
  return "generated";
}

/** sha256 of a base sample: its pixels and its label, so the same image under two labels stays two samples. */
export function baseSampleHash(pixels: Uint8Array, label: string): string {
  return createHash("sha256").update(pixels).update(`\0${label}`).digest("hex");
}

export type ImportProgress = { split: string; done: number; total: number; inserted: number; etaS: number };

/**
 * Loads an IDX folder into Sample as approved base data: every prefix it holds (EMNIST's test files, or
 * the parts of its training splits) or the one named, each with the splits it has. A label is stored as
 * the characters it stands for ("Aa" for EMNIST letters), so export keeps it only where the class set
 * merges the pair. Batched; idempotent by (source, sha256), so a stopped import simply runs again and
 * resumes where it stopped.
 */
export async function importDataset(
  db: Db,
  opts: { dir: string; sourceSplit?: string; classSet?: string; source?: SampleSource; batch?: number; onProgress?: (p: ImportProgress) => void; signal?: AbortSignal },
): Promise<{ inserted: number; skipped: number; total: number }> {
  const batch = opts.batch ?? 2000;
  let inserted = 0;
  let total = 0;
  const prefixes = opts.sourceSplit ? [pickPrefix(opts.dir, opts.sourceSplit)] : datasetPrefixes(opts.dir);
  if (!prefixes.length) throw new Error(`${opts.dir}: no *-images-idx3-ubyte files`);
  for (const prefix of prefixes) {
    for (const split of ["train", "test"] as const) {
      if (!hasSplit(opts.dir, prefix, split)) continue;
      const data = readSplit(opts.dir, split, prefix);
      const classSet = opts.classSet ?? classSetOfPrefix(data.prefix);
      const source = opts.source ?? sourceOfPrefix(data.prefix);
      const started = Date.now();
      total += data.images.length;
      for (let s = 0; s < data.images.length; s += batch) {
        opts.signal?.throwIfAborted();
        const rows = data.images.slice(s, s + batch).map((pixels, i) => ({
          source,
          split,
          classSet,
          label: data.chars[s + i],
          status: "approved" as const,
          image: new Uint8Array(pixels),
          sha256: baseSampleHash(pixels, data.chars[s + i]),
        }));
        // A resumed import passes over the batches it stored before without sending their images again.
        const held = await db.sample.count({ where: { source, sha256: { in: rows.map((r) => r.sha256) } } });
        if (held < rows.length) inserted += (await db.sample.createMany({ data: rows, skipDuplicates: true })).count;
        const done = Math.min(s + batch, data.images.length);
        const rate = done / Math.max(1, Date.now() - started);
        opts.onProgress?.({ split: `${data.prefix} ${split}`, done, total: data.images.length, inserted, etaS: Math.round((data.images.length - done) / rate / 1000) });
      }
    }
  }
  return { inserted, skipped: total - inserted, total };
}

