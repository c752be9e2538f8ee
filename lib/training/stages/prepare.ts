import { existsSync } from "node:fs";
import path from "node:path";
import { resolvePath, ROOT } from "../../config";
import type { Db } from "../../db/client";
import type { ModelVersion } from "../../db/generated/client";
import { exportDataset, type ExportCounts } from "../../datasets/export";
import { datasetPrefixes } from "../../datasets/idx";
import { importDataset, sourceOfPrefix } from "../../datasets/import";
import { Cancelled, runProcess } from "../process";
import type { RunContext } from "../run-context";

export type Prepared = {
  classSet: string;
  parent?: ModelVersion;
  active?: ModelVersion;
  fineTune: boolean;
  /** The newest LabelEvent the snapshot includes: the new version has seen everything up to it. */
  cutoff: number;
  dataDir: string;
  exported: ExportCounts;
};

/** The base data folders (BASE_DATA_DIR, comma-separated), e.g. the generated set and EMNIST's training parts. */
const baseDataDirs = (setting: string) => setting.split(",").map((d) => d.trim()).filter(Boolean);

/**
 * Whether a base data folder is whole: it holds IDX files, and a folder the generator writes (its finished
 * fonts under .parts) also holds the manifest it writes last. A generation stopped half-way is not whole.
 */
export function wholeDataset(dir: string): boolean {
  if (!existsSync(dir) || !datasetPrefixes(dir).length) return false;
  return !existsSync(path.join(dir, ".parts")) || existsSync(path.join(dir, "manifest.json"));
}

/**
 * The BASE_DATA_DIR folders whose data the database does not hold yet: a folder counts as held when every
 * source its files are (generated, emnist, nist) has approved training samples. Per folder, so that EMNIST
 * imported by hand before the first fine-tune does not stand in for the generated set. A folder that is
 * missing or half-made counts as generated data the database lacks.
 */
export async function baseDataToImport(db: Db, setting: string): Promise<string[]> {
  const missing: string[] = [];
  for (const folder of baseDataDirs(setting)) {
    const dir = resolvePath(folder);
    const sources = wholeDataset(dir) ? [...new Set(datasetPrefixes(dir).map(sourceOfPrefix))] : ["generated" as const];
    const held = await Promise.all(sources.map((source) => db.sample.count({ where: { source, status: "approved", split: "train" }, take: 1 })));
    if (held.some((n) => n === 0)) missing.push(folder);
  }
  return missing;
}

/**
 * The database needs base data to train and gate on; on first use each BASE_DATA_DIR folder is imported,
 * the generated set being generated first when it is missing.
 */
async function ensureBaseData(ctx: RunContext): Promise<void> {
  const { db, cfg, log, signal } = ctx;
  for (const setting of await baseDataToImport(db, cfg.BASE_DATA_DIR)) {
    const dir = resolvePath(setting);
    if (!wholeDataset(dir)) {
      if (path.basename(dir) !== "generated") throw new Error(`base data folder ${setting} (BASE_DATA_DIR) does not exist or holds no IDX files`);
      await ctx.phase("generating base data");
      log.add(`no base data in the database and none in ${setting}: generating it (a few minutes, once)`);
      await runProcess(cfg.PYTHON, [path.join(ROOT, "training", "generate.py"), "--out", dir], { onLine: (line) => log.add(line), signal });
    }
    await ctx.phase("importing the base data");
    log.add(`importing the base data from ${setting} (once)`);
    const res = await importDataset(db, { dir, signal, onProgress: (p) => p.done === p.total && log.add(`imported ${p.split}: ${p.total}`) });
    log.add(`imported ${res.inserted} base samples from ${setting}`);
  }
}

/** Base data, then a snapshot of the approved samples as IDX files for the trainer. */
export async function prepare(ctx: RunContext): Promise<Prepared> {
  const { db, run, log } = ctx;
  await ensureBaseData(ctx);
  const base = run.baseModelId ? await db.modelVersion.findUnique({ where: { id: run.baseModelId } }) : undefined;
  const active = (await db.modelVersion.findFirst({ where: { status: "active" }, orderBy: { activatedAt: "desc" } })) ?? undefined;
  const parent = base ?? active;
  const classSet = parent?.classSet ?? "balanced47";
  const cutoff = (await db.labelEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const fineTune = run.mode === "fine_tune" && !!parent?.weights;
  if (run.mode === "fine_tune" && !fineTune) log.add("the base model has no weights to fine-tune from: training from scratch instead");
  if (ctx.signal.aborted) throw new Cancelled();

  await ctx.phase("exporting the training data");
  const dataDir = path.join(ctx.work, "data");
  // A fine-tune replays a fresh draw of the base data (real and generated, a new one each run) and the new
  // samples five times, so that it stays minutes long however much base data the instance holds.
  const draw = { real: ctx.cfg.FINE_TUNE_REAL_IMAGES, generated: ctx.cfg.FINE_TUNE_GENERATED_IMAGES, seed: run.id };
  const exported = await exportDataset(db, { classSet, out: dataDir, ...(fineTune ? { baseDraw: draw, userRepeat: 5 } : {}) });
  log.add(`exported ${JSON.stringify(exported.counts)} (${classSet})`);
  return { classSet, parent, active, fineTune, cutoff, dataDir, exported: exported.counts };
}
