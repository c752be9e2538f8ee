import { createHash } from "node:crypto";
import sharp from "sharp";
import { registerBundledModel } from "../../lib/db/seed";
import { createPool, type Pool } from "../../lib/db/pool";
import { ActiveModel } from "../../lib/inference/active-model";
import { Batcher } from "../../lib/inference/batcher";
import { analyseField, analyseUpload, unwrap } from "../../lib/image/analyse";
import { readAndStoreField, type ReadDeps } from "../../lib/fields/read";
import { predictAndStore, type PredictDeps } from "../../lib/samples/predict";
import { UploadStore } from "../../lib/samples/upload-store";
import { canvasPng, fieldPng, glyphPng } from "../fixtures/glyphs";
import { BUNDLED_MODEL } from "../helpers/app";
import { freshDatabase, type TestDatabase } from "../helpers/db";

describe("predictions and fields stored, and batched, on the real model and database", () => {
  let t: TestDatabase;
  let active: ActiveModel;
  let pool: Pool;
  beforeAll(async () => {
    t = await freshDatabase();
    await registerBundledModel(t.db, BUNDLED_MODEL);
    active = new ActiveModel(t.db, { pollMs: 60_000, threads: 1 });
    pool = createPool(t.url);
  });
  afterAll(async () => {
    await pool.end();
    await active.stop();
    await t.drop();
  });

  const depsWith = (batcher: Batcher, uploads = new UploadStore(pool)): PredictDeps => ({
    uploads,
    batcher,
    model: () => active.require(),
    analyse: async (bytes) => unwrap(await analyseUpload(bytes, 40_000_000)),
    maxUploadBytes: 10_000_000,
  });

  it("stores an upload of several megabytes byte for byte (sent to MariaDB in pieces under 1 MB)", async () => {
    // paper grain at JPEG's highest quality: over 2 MB in a second (drawing a simulated photo that large is slow)
    const size = 1600;
    const paper = await sharp({ create: { width: size, height: size, channels: 3, background: "#eee", noise: { type: "gaussian", mean: 225, sigma: 12 } } }).png().toBuffer();
    const photo = await sharp(paper).composite([{ input: await glyphPng("4", { size }), blend: "multiply" }]).jpeg({ quality: 100 }).toBuffer();
    expect(photo.length).toBeGreaterThan(2_000_000); // three pieces
    const answer = await predictAndStore(depsWith(new Batcher(() => active.require(), { maxBatch: 8 })), { bytes: photo });
    const stored = await t.db.sample.findUniqueOrThrow({ where: { id: answer.id } });
    expect(Buffer.from(stored.original!).equals(photo)).toBe(true);
    expect(stored.contentType).toBe("image/jpeg");
  });

  it("a re-upload never rewrites a sample an admin decided, and moves a pending one's version", async () => {
    const deps = depsWith(new Batcher(() => active.require(), { maxBatch: 8 }));
    const bytes = await canvasPng("7", { rotate: 9 });
    const first = await predictAndStore(deps, { bytes });
    const before = await t.db.sample.findUniqueOrThrow({ where: { id: first.id } });
    // pending: the re-upload's reading (here restricted to letters) replaces it, and the version moves
    const again = await predictAndStore(deps, { bytes, restrict: "letters" });
    const pending = await t.db.sample.findUniqueOrThrow({ where: { id: first.id } });
    expect({ id: again.id, restriction: pending.restriction, version: pending.version }).toEqual({ id: first.id, restriction: "letters", version: before.version + 1 });
    // an admin approves "7"; a re-upload under another restriction answers, and changes nothing stored
    await t.db.sample.update({ where: { id: first.id }, data: { status: "approved", label: "7", version: { increment: 1 } } });
    const decided = await t.db.sample.findUniqueOrThrow({ where: { id: first.id } });
    const third = await predictAndStore(deps, { bytes, classes: ["1", "l"] });
    expect(third).toMatchObject({ id: first.id, reused: true });
    expect(await t.db.sample.findUniqueOrThrow({ where: { id: first.id } })).toEqual(decided);
  });

  it("stores uploads answered together in one statement, each row its own upload; re-uploads reuse their samples", async () => {
    const statements: string[] = [];
    // the driver's pool, counting the statements sent through it
    const counting = new Proxy(pool, {
      get: (target, key) => (key === "execute" ? (sql: string, values?: unknown) => (statements.push(sql), target.execute(sql, values)) : Reflect.get(target, key)),
    });
    const deps = depsWith(new Batcher(() => active.require(), { maxBatch: 8 }), new UploadStore(counting));
    const images = await Promise.all(Array.from({ length: 6 }, (_, i) => canvasPng(["4", "7", "L"][i % 3], { rotate: i - 3 })));
    const first = await Promise.all(images.map((bytes) => predictAndStore(deps, { bytes })));
    expect(first.map((a) => a.timings.batchSize)).toEqual([6, 6, 6, 6, 6, 6]); // answered together...
    expect(statements).toHaveLength(1); // ...and stored together
    expect(statements[0]).toMatch(/^INSERT INTO Sample/);
    expect(new Set(first.map((a) => a.id)).size).toBe(6);
    for (const [i, answer] of first.entries()) {
      const stored = await t.db.sample.findUniqueOrThrow({ where: { id: answer.id } });
      expect(Buffer.from(stored.original!).equals(images[i])).toBe(true);
      expect(stored.predictedLabel).toBe(answer.label);
      expect(answer.reused).toBe(false);
    }
    // the same bytes again, beside one new upload: the statement meets the unique key and is redone row by row
    const another = await canvasPng("X");
    const again = await Promise.all([...images, another].map((bytes) => predictAndStore(deps, { bytes })));
    expect(again.slice(0, 6).map((a) => [a.id, a.reused])).toEqual(first.map((a) => [a.id, true]));
    expect(again[6].reused).toBe(false);
    const storedAnother = await t.db.sample.findUniqueOrThrow({ where: { id: again[6].id } });
    expect(Buffer.from(storedAnother.original!).equals(another)).toBe(true);
  });

  it("redoes a statement that fails row by row: the row MariaDB refuses fails alone, the others are stored", async () => {
    const model = await active.require();
    const upload = (i: number, modelVersionId = model.id) => {
      const original = Buffer.from(`not an image, row ${i}`);
      return {
        sha256: createHash("sha256").update(original).digest("hex"), original, restriction: null, pixels: new Uint8Array(784),
        classSet: model.classSet, predictedLabel: "7", confidence: 0.5, topK: [{ label: "7", probability: 0.5 }], unrestrictedTopK: null, modelVersionId,
      };
    };
    const uploads = new UploadStore(pool);
    const results = await Promise.allSettled([upload(1), upload(2, 999_999), upload(3)].map((u) => uploads.store(u))); // 999999: no such model version
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    for (const [i, r] of [[1, results[0]], [3, results[2]]] as const) {
      const stored = await t.db.sample.findUniqueOrThrow({ where: { id: (r as PromiseFulfilledResult<{ id: number }>).value.id } });
      expect(Buffer.from(stored.original!).toString()).toBe(`not an image, row ${i}`);
    }
  });

  it("stores a field of several megabytes byte for byte (the same pieces)", async () => {
    const [width, height] = [2400, 1100];
    const line = await sharp(await fieldPng("47")).resize(width, height).png().toBuffer();
    const paper = await sharp({ create: { width, height, channels: 3, background: "#eee", noise: { type: "gaussian", mean: 225, sigma: 12 } } }).png().toBuffer();
    const photo = await sharp(paper).composite([{ input: line, blend: "multiply" }]).jpeg({ quality: 100 }).toBuffer();
    expect(photo.length).toBeGreaterThan(2_000_000);
    const deps: ReadDeps = {
      pool,
      db: t.db,
      batcher: new Batcher(() => active.require(), { maxBatch: 32 }),
      model: () => active.require(),
      analyseField: async (bytes) => unwrap(await analyseField(bytes, 40_000_000)),
      maxUploadBytes: 10_000_000,
    };
    const reading = await readAndStoreField(deps, { bytes: photo });
    expect(reading.id).toEqual(expect.any(Number));
    const stored = await t.db.field.findUniqueOrThrow({ where: { id: reading.id! } });
    expect(Buffer.from(stored.original).equals(photo)).toBe(true);
  });

  it("runs one batch at a time: what arrives while a batch runs goes into the next, up to maxBatch", async () => {
    const batcher = new Batcher(() => active.require(), { maxBatch: 4 });
    const image = unwrap(await analyseUpload(await canvasPng("7"), 40_000_000)).pixels;
    const first = batcher.predict(image);
    await new Promise((resolve) => setImmediate(resolve)); // the first batch has started
    const rest = Array.from({ length: 10 }, () => batcher.predict(image));
    const results = await Promise.all([first, ...rest]);
    expect(results.map((r) => r.batchSize)).toEqual([1, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2]);
    // the same image reads the same in every batch (to float rounding)
    for (const r of results) r.probabilities.forEach((p, i) => expect(p).toBeCloseTo(results[0].probabilities[i], 5));
  });
});
