import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeIdx } from "../../lib/datasets/idx";
import { exportDataset } from "../../lib/datasets/export";
import { importDataset } from "../../lib/datasets/import";
import { readSplit } from "../../lib/datasets/idx";
import { BUNDLED_MODEL } from "../helpers/app";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { python } from "../helpers/python";

/**
 * Small files laid out like ../shared/emnist (made here: tests never need that folder): the official
 * test files of several splits in one folder, and partial/ with parts of the training splits under their
 * own prefixes and mappings, images stored transposed as EMNIST stores them.
 */
const BALANCED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabdefghnqrt";

/** A distinct image per (seed): a few bright pixels, stored transposed. */
function image(seed: number): Uint8Array {
  const img = new Uint8Array(784);
  for (let k = 0; k < 6; k++) img[(seed * 37 + k * 101) % 784] = 255;
  return img;
}

async function writePart(dir: string, prefix: string, split: "train" | "test", items: { label: number; seed: number }[], mapping: string) {
  const data = new Uint8Array(items.length * 784);
  items.forEach((it, i) => data.set(image(it.seed), i * 784));
  await writeIdx(path.join(dir, `${prefix}-${split}-images-idx3-ubyte.gz`), { shape: [items.length, 28, 28], data });
  await writeIdx(path.join(dir, `${prefix}-${split}-labels-idx1-ubyte.gz`), { shape: [items.length], data: Uint8Array.from(items.map((i) => i.label)) });
  writeFileSync(path.join(dir, `${prefix}-mapping.txt`), mapping);
}

const balancedMapping = [...BALANCED].map((c, i) => `${i} ${c.charCodeAt(0)}`).join("\n");
const lettersMapping = Array.from({ length: 26 }, (_, i) => `${i + 1} ${65 + i} ${97 + i}`).join("\n");
const digitsMapping = Array.from({ length: 10 }, (_, i) => `${i} ${48 + i}`).join("\n");

async function emnistLike(): Promise<{ root: string; partial: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), "handprint-emnist-"));
  const partial = path.join(root, "partial");
  mkdirSync(partial);
  // parts of the training splits; the digits part repeats one image of the balanced part (EMNIST's splits overlap)
  await writePart(partial, "emnist-balanced-part10-13", "train", [{ label: 1, seed: 1 }, { label: 10, seed: 2 }, { label: 36, seed: 3 }], balancedMapping);
  await writePart(partial, "emnist-digits-part5-7", "train", [{ label: 1, seed: 1 }, { label: 7, seed: 4 }], digitsMapping);
  // letters: A/a (label 1) has no single balanced47 class; C/c (label 3) does
  await writePart(partial, "emnist-letters-part0-2", "train", [{ label: 1, seed: 5 }, { label: 3, seed: 6 }], lettersMapping);
  // official test files
  await writePart(root, "emnist-bymerge", "test", [{ label: 0, seed: 7 }, { label: 24, seed: 8 }], balancedMapping);
  await writePart(root, "emnist-mnist", "test", [{ label: 3, seed: 9 }], digitsMapping);
  await writePart(root, "emnist-letters", "test", [{ label: 1, seed: 10 }], lettersMapping);
  return { root, partial };
}

describe("EMNIST as it is laid out: official test files and partial/ training parts, in both languages", () => {
  let t: TestDatabase;
  let files: { root: string; partial: string };
  beforeAll(async () => {
    files = await emnistLike();
  });
  beforeEach(async () => {
    t = await freshDatabase();
  });
  afterEach(() => t.drop());

  it("the trainer takes every part of partial/ with the generated data, once each image, letters only where the pair merges", () => {
    const { stdout } = python([
      "-c",
      `import sys, json; sys.path.insert(0, 'training')
from classsets import class_set
from data import load_sources, epoch_order
import torch
spec = class_set('balanced47')
x, y, sources = load_sources(['${files.partial}'], 'train', spec)
test_x, test_y, _ = load_sources(['${files.root}:bymerge'], 'test', spec)
order = epoch_order(sources, {'${files.partial}': 3}, torch.Generator().manual_seed(0))
print(json.dumps({'labels': sorted(spec['labels'][i] for i in y), 'sources': [(s['prefix'], s['used'], s['duplicates'], s['outside_class_set']) for s in sources], 'test': [spec['labels'][i] for i in test_y], 'epoch': len(order)}))`,
    ]);
    const got = JSON.parse(stdout);
    expect(got.sources).toEqual([
      ["emnist-balanced-part10-13", 3, 0, 0],
      ["emnist-digits-part5-7", 1, 1, 0], // the shared image is used once
      ["emnist-letters-part0-2", 1, 0, 1], // A/a left out, C/c kept
    ]);
    expect(got.labels).toEqual(["1", "7", "A", "C", "a"]);
    expect(got.test).toEqual(["0", "O"]);
    expect(got.epoch).toBe(15); // --weight 3: every image three times an epoch
  });

  it("train.py reads a list of sources and PATH:SPLIT test data", () => {
    const run = mkdtempSync(path.join(os.tmpdir(), "handprint-run-"));
    const res = spawnSync("/usr/bin/python3", ["training/train.py", "--data", files.partial, "--weight", "2", "--test-data", `${files.root}:bymerge`, "--out", run, "--epochs", "1", "--batch-size", "4", "--no-export"], { encoding: "utf8" });
    expect([res.status, res.status ? res.stderr : ""]).toEqual([0, ""]);
    const start = JSON.parse(res.stdout.split("\n")[0]);
    expect(start).toMatchObject({ event: "start", train: 5, test: 2, epoch_size: 10 });
    expect(start.source).toBe("emnist-balanced-part10-13+emnist-digits-part5-7+emnist-letters-part0-2");
  });

  it("dataset:import loads every part and split as EMNIST samples; export keeps the letters only where the pair merges", async () => {
    await importDataset(t.db, { dir: files.partial });
    await importDataset(t.db, { dir: files.root });
    const rows = await t.db.sample.findMany({ orderBy: { id: "asc" }, select: { source: true, split: true, classSet: true, label: true } });
    expect(rows.every((r) => r.source === "emnist")).toBe(true);
    // the digits part's copy of a balanced image has the same pixels and label: one sample
    expect(rows.filter((r) => r.split === "train").map((r) => `${r.classSet}:${r.label}`)).toEqual(["balanced47:1", "balanced47:A", "balanced47:a", "digits10:7", "letters26:Aa", "letters26:Cc"]);
    expect(rows.filter((r) => r.split === "test").map((r) => r.label)).toEqual(["0", "O", "Aa", "3"]);
    const out = mkdtempSync(path.join(os.tmpdir(), "handprint-export-"));
    const exported = await exportDataset(t.db, { classSet: "balanced47", out, realRepeat: 2 });
    expect(exported.counts.train.base).toBe(5); // A/a left out
    expect(exported.skipped).toBe(2); // A/a in train and in test
    const train = readSplit(out, "train");
    expect(train.chars.sort()).toEqual(["1", "1", "7", "7", "A", "A", "C", "C", "a", "a"]); // real images twice
    expect(readSplit(out, "test").chars.sort()).toEqual(["0", "3", "O"]);
  });

  it("dataset:import takes the bymerge pool as real base data, and resumes without storing anything twice", async () => {
    await t.db.sample.deleteMany();
    const pool = mkdtempSync(path.join(os.tmpdir(), "handprint-pool-"));
    const items = Array.from({ length: 30 }, (_, i) => ({ label: i % 47, seed: 100 + i }));
    await writePart(pool, "emnist-bymerge-pool", "train", items, balancedMapping);
    const stopped = new AbortController();
    const first = importDataset(t.db, { dir: pool, sourceSplit: "pool", batch: 10, signal: stopped.signal, onProgress: () => stopped.abort() });
    await expect(first).rejects.toThrow(/abort/i);
    expect(await t.db.sample.count()).toBe(10); // one batch stored before the stop
    const resumed = await importDataset(t.db, { dir: pool, sourceSplit: "pool", batch: 10 });
    expect(resumed).toEqual({ inserted: 20, skipped: 10, total: 30 });
    const rows = await t.db.sample.findMany({ select: { source: true, split: true, classSet: true, status: true } });
    expect(new Set(rows.map((r) => `${r.source} ${r.split} ${r.classSet} ${r.status}`))).toEqual(new Set(["emnist train bymerge47 approved"]));
  });

  it("a fine-tune's export draws a bounded, seeded slice of the base data and keeps every user sample", async () => {
    await t.db.sample.deleteMany();
    const base = (source: "emnist" | "generated", n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ source, split: "train" as const, classSet: "balanced47", label: "7", status: "approved" as const, image: Uint8Array.from(image(from + i)), sha256: `${source}-${from + i}-`.padEnd(64, "0") }));
    await t.db.sample.createMany({ data: [...base("emnist", 40, 0), ...base("generated", 30, 100)] });
    await t.db.sample.createMany({ data: Array.from({ length: 3 }, (_, i) => ({ ...base("emnist", 1, 200 + i)[0], source: "user" as const, sha256: `user-${i}-`.padEnd(64, "0") })) });
    const draw = async (seed: number) => {
      const out = mkdtempSync(path.join(os.tmpdir(), "handprint-draw-"));
      const res = await exportDataset(t.db, { classSet: "balanced47", out, baseDraw: { real: 10, generated: 5, seed }, userRepeat: 2 });
      return { counts: res.counts.train, images: readSplit(out, "train").images.map((img) => Buffer.from(img).toString("hex")) };
    };
    const one = await draw(1);
    expect(one.counts).toEqual({ base: 15, user: 3 });
    expect(one.images).toHaveLength(15 + 3 * 2); // user samples twice
    expect((await draw(1)).images).toEqual(one.images); // the same run draws the same images
    expect((await draw(2)).images).not.toEqual(one.images); // the next run another slice
  });

  it("npm run eval scores each official test split under its restriction", () => {
    const res = spawnSync(process.execPath, ["--import", "tsx", "lib/cli/eval.ts", "--model", BUNDLED_MODEL, "--data", files.root], { encoding: "utf8" });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/== emnist-bymerge test\n/);
    expect(res.stdout).toMatch(/== emnist-mnist test, answer restricted to digits/);
    expect(res.stdout).toMatch(/== emnist-letters test, answer restricted to letters/);
    expect(res.stdout).toMatch(/== summary\nemnist-bymerge\s+2 images {2}top-1 [\d.]+%/);
  });
});
