import type { Db } from "../db/client";
import { isDeadlock, isDuplicateKey } from "../db/errors";
import { bytesValue, type Pool } from "../db/pool";
import { ImageError } from "../image/image-error";
import type { FieldAnalysis } from "../image/analyse";
import type { ServingModel } from "../inference/active-model";
import type { Batcher } from "../inference/batcher";
import { allowedClasses, topK, type Ranked, type Restriction } from "../inference/restrict";
import { CLASS_SETS, type ClassSet } from "../models/classsets";
import { heldOutSplit } from "../samples/split";
import { image28Url } from "../samples/view";
import { decodeField } from "./decode";
import type { Box, Lattice } from "./lattice";
import { anyOf, compileLexicon, compilePattern, type Automaton } from "./pattern";
import { positionsOf, requireField } from "./stored";
import { msSince } from "../timing";

/**
 * Reading a field: the lattice from the image pool, every span read by the model in one batch, the
 * constraint decoded with it, and (unless it is a preview) the field stored once with each character a
 * pending sample in the labelling queue.
 */

export type ReadInput = {
  bytes: Buffer;
  /** A pattern (lib/fields/pattern.ts), a lexicon, or one restriction for every character: at most one. */
  pattern?: string;
  lexicon?: string[];
  restrict?: Restriction;
};

export type ReadDeps = {
  pool: Pool;
  /** For a re-read that keeps what is stored: the stored field, as `field(id)` shows it. */
  db: Db;
  batcher: Batcher;
  model: () => Promise<ServingModel>;
  analyseField: (bytes: Buffer) => Promise<FieldAnalysis>;
  maxUploadBytes: number;
};

export type FieldCharacter = {
  /** Its place among the field's characters, spaces not counted. */
  position: number;
  label: string;
  confidence: number;
  top5: Ranked[];
  /** Where it is in the upload; null for a symbol of a stored field (it has no sample). */
  box: Box | null;
  /** The 28x28 the model saw, as a PNG data URL (null as box). */
  image28: string | null;
  spaceBefore: boolean;
  /** A character the model has no class for (the / of a date), placed where the pattern wants it: never a sample. */
  symbol: boolean;
  /** Its pending sample, once stored. */
  sampleId: number | null;
};

export type FieldReading = {
  id: number | null;
  text: string;
  confidence: number;
  /** What the reading was held to ("pattern:\\d{5}"), or null for free text. */
  expected: string | null;
  /** False when no reading fits the pattern or lexicon: the text is then the free reading. */
  matchesExpected: boolean;
  alternatives: { text: string; confidence: number }[];
  characters: FieldCharacter[];
  comb: boolean;
  /** The uploaded image's size, which the boxes are in. */
  width: number;
  height: number;
  model: { version: number; classSet: string };
  timings: { analyseMs: number; inferenceMs: number; decodeMs: number; storeMs: number; totalMs: number; spans: number };
  reused: boolean;
};

/** Every character the model can read: its classes and the characters they stand for ("C": C and c). */
const knownCharacters = (classes: string[], set: ClassSet | undefined) => [...new Set(classes.flatMap((label) => set?.standsFor(label) ?? [label]))].join("");

function automatonFor(input: ReadInput, model: ServingModel): Automaton {
  const given = [input.pattern, input.lexicon?.length ? input.lexicon : undefined, input.restrict].filter((v) => v !== undefined && v !== "");
  if (given.length > 1) throw new ImageError("BAD_USER_INPUT", "give at most one of pattern, lexicon and restrict");
  const set = CLASS_SETS[model.classSet];
  const known = knownCharacters(model.classes, set);
  if (input.pattern) return compilePattern(input.pattern, known);
  if (input.lexicon?.length) return compileLexicon(input.lexicon);
  if (input.restrict) {
    const mask = allowedClasses(model.classes, set, input.restrict)!;
    const chars = [...known].filter((c) => {
      const k = model.classes.indexOf(set?.fold(c) ?? c);
      return k >= 0 && mask[k] && (input.restrict !== "lower" || c !== c.toUpperCase()) && (input.restrict !== "upper" || c !== c.toLowerCase());
    });
    return anyOf(chars.join(""), input.restrict);
  }
  return anyOf(known, "free");
}

/** Every span of the lattice read by the same model version (a hot swap between two of them reads again). */
async function readSpans(batcher: Batcher, lattice: Lattice) {
  for (;;) {
    const rows = await Promise.all(lattice.spans.map((s) => batcher.predict(s.pixels)));
    const model = rows[0].model;
    if (rows.every((r) => r.model === model)) return { model, probabilities: rows.map((r) => r.probabilities) };
  }
}

async function readField(deps: ReadDeps, input: ReadInput) {
  const started = performance.now();
  if (input.bytes.length > deps.maxUploadBytes) {
    throw new ImageError("PAYLOAD_TOO_LARGE", `the upload is ${input.bytes.length} bytes; the limit is ${deps.maxUploadBytes} bytes`);
  }
  const serving = await deps.model();
  const early = automatonFor(input, serving); // a bad pattern is refused before the image is read
  const analysis = await deps.analyseField(input.bytes);
  const analyseMs = msSince(started);
  const inferStart = performance.now();
  const { lattice } = analysis;
  const { model, probabilities } = await readSpans(deps.batcher, lattice);
  const inferenceMs = msSince(inferStart);
  const decodeStart = performance.now();
  const set = CLASS_SETS[model.classSet];
  const automaton = model === serving ? early : automatonFor(input, model); // a hot swap may have changed the classes
  const free = automaton.describe === "free";
  let readings = decodeField(lattice, probabilities, model.classes, set, automaton, { consistentScript: free });
  const matchesExpected = readings.length > 0;
  if (!matchesExpected) readings = decodeField(lattice, probabilities, model.classes, set, anyOf(knownCharacters(model.classes, set), "free"), { consistentScript: true });
  const [best, ...others] = readings;
  if (!best) throw new ImageError("NO_CHARACTER", "no writing found: nothing in the image reads as characters");
  const places = positionsOf(best.text);
  const characters = best.characters.map((c, position): FieldCharacter => {
    const span = lattice.spans[c.span];
    return {
      position,
      label: c.char,
      confidence: c.probability,
      top5: topK(probabilities[c.span], model.classes, 5),
      box: span.box,
      image28: image28Url(span.pixels),
      spaceBefore: places[position].spaceBefore,
      symbol: Boolean(c.symbol),
      sampleId: null,
    };
  });
  const reading = {
    text: best.text,
    confidence: best.confidence,
    expected: free ? null : automaton.describe,
    matchesExpected,
    alternatives: others.map((r) => ({ text: r.text, confidence: r.confidence })),
    characters,
    comb: lattice.comb,
    width: lattice.size.width,
    height: lattice.size.height,
    model: { version: model.number, classSet: model.classSet },
  };
  return { started, analysis, model, probabilities, best, reading, timings: { analyseMs, inferenceMs, decodeMs: msSince(decodeStart), spans: lattice.spans.length } };
}

/** The reading alone, stored nowhere (the page's live reading while someone writes). */
export async function previewField(deps: ReadDeps, input: ReadInput): Promise<FieldReading> {
  const { started, reading, timings } = await readField(deps, input);
  return { ...reading, id: null, reused: false, timings: { ...timings, storeMs: 0, totalMs: msSince(started) } };
}

/** Read, store the field and a pending sample per character (before answering), answer. */
export async function readAndStoreField(deps: ReadDeps, input: ReadInput): Promise<FieldReading> {
  const { started, analysis, model, probabilities, best, reading, timings } = await readField(deps, input);
  const storeStart = performance.now();
  const set = CLASS_SETS[model.classSet];
  const stored = await storeField(deps.pool, {
    sha256: analysis.sha256,
    original: input.bytes,
    contentType: analysis.lattice.contentType,
    lattice: analysis.lattice,
    reading,
    modelVersionId: model.id,
    characters: best.characters.flatMap((c, position) => {
      if (c.symbol) return [];
      const row = probabilities[c.span];
      const restricted = c.allowed && c.allowed.length < model.classes.length ? c.allowed : undefined;
      const mask = restricted && model.classes.map((label) => restricted.includes(label));
      return [{
        position,
        pixels: analysis.lattice.spans[c.span].pixels,
        box: analysis.lattice.spans[c.span].box,
        predictedLabel: set?.classOf(c.char) ?? c.char,
        confidence: c.probability,
        topK: topK(row, model.classes, 5, mask || undefined),
        unrestrictedTopK: mask ? topK(row, model.classes, 5) : null,
        restriction: restricted ? `classes:${restricted.join("")}`.slice(0, 80) : null,
      }];
    }),
  });
  const finished = () => ({ ...timings, storeMs: msSince(storeStart), totalMs: msSince(started) });
  if (stored.kept) {
    // What is stored stands (an admin reviewed it, or this reading cuts the line elsewhere): the answer is
    // the stored field, the same as field(id) gives, so a re-read never contradicts it.
    const field = await requireField(deps.db, stored.id);
    return { ...field, expected: field.expected, matchesExpected: reading.matchesExpected, id: stored.id, reused: true, timings: finished() };
  }
  const characters = reading.characters.map((c) => ({ ...c, sampleId: stored.sampleIds.get(c.position) ?? null }));
  return { ...reading, characters, id: stored.id, reused: stored.reused, timings: finished() };
}

type StoredCharacter = {
  position: number;
  pixels: Uint8Array;
  box: Box;
  predictedLabel: string;
  confidence: number;
  topK: Ranked[];
  unrestrictedTopK: Ranked[] | null;
  restriction: string | null;
};

type FieldUpload = {
  sha256: string;
  original: Buffer;
  contentType: string;
  lattice: Lattice;
  reading: Omit<FieldReading, "id" | "reused" | "timings">;
  modelVersionId: number;
  characters: StoredCharacter[];
};

type StoredFieldIds = { id: number; reused: boolean; sampleIds: Map<number, number>; kept: boolean };

/** storeFieldOnce, run again should InnoDB still pick it as a deadlock's victim (its next attempt finds the field). */
async function storeField(pool: Pool, f: FieldUpload): Promise<StoredFieldIds> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeFieldOnce(pool, f);
    } catch (err) {
      if (!isDeadlock(err) || attempt === 5) throw err;
      await new Promise((r) => setTimeout(r, attempt * 5 * Math.random()));
    }
  }
}

/**
 * One transaction: the field, then its characters as pending user samples. A byte-identical re-upload
 * reuses its field and never deletes a sample, so ids and label events stay: while every character is
 * pending and the new reading cuts the line at the same places, each sample takes its new reading in place
 * (its version moves); otherwise what is stored is kept whole (`kept`). Raw SQL over the driver pool, as for
 * single uploads (lib/samples/upload-store).
 */
async function storeFieldOnce(pool: Pool, f: FieldUpload): Promise<StoredFieldIds> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const fieldValues = [f.reading.text.slice(0, 255), f.reading.confidence, f.reading.expected?.slice(0, 255) ?? null, JSON.stringify(f.reading.alternatives), f.lattice.comb, f.modelVersionId];
    let id: number;
    let reused = false;
    try {
      const original = bytesValue(f.original);
      const [row] = await conn.execute<{ id: number | bigint }[]>(
        `INSERT INTO Field (original, contentType, sha256, width, height, text, confidence, expected, alternatives, comb, modelVersionId, updatedAt)
         VALUES (${original.sql}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3)) RETURNING id`,
        [...original.values, f.contentType, f.sha256, f.lattice.size.width, f.lattice.size.height, ...fieldValues],
      );
      id = Number(row.id);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      reused = true;
      // The failed insert left a shared lock on the twin's key; several readers of the same new bytes each
      // holding one and then asking for an exclusive lock is a deadlock. A fresh transaction starts without it.
      await conn.rollback();
      await conn.beginTransaction();
      const [twin] = await conn.execute<{ id: number | bigint }[]>("SELECT id FROM Field WHERE sha256 = ? FOR UPDATE", [f.sha256]);
      id = Number(twin.id);
      const samples = await conn.execute<{ id: number | bigint; fieldPosition: number; status: string; box: unknown }[]>(
        "SELECT id, fieldPosition, status, box FROM Sample WHERE fieldId = ? FOR UPDATE",
        [id],
      );
      const sampleIds = new Map(samples.map((r) => [Number(r.fieldPosition), Number(r.id)]));
      const boxOf = new Map(samples.map((r) => [Number(r.fieldPosition), typeof r.box === "string" ? r.box : JSON.stringify(r.box)]));
      const sameCuts = samples.length === f.characters.length && f.characters.every((c) => boxOf.get(c.position) === JSON.stringify(c.box));
      if (!sameCuts || samples.some((r) => r.status !== "pending")) {
        await conn.commit();
        return { id, reused, sampleIds, kept: true };
      }
      for (const c of f.characters) {
        await conn.execute(
          `UPDATE Sample SET predictedLabel = ?, confidence = ?, topK = ?, unrestrictedTopK = ?, modelVersionId = ?, restriction = ?,
                             version = version + 1, updatedAt = NOW(3)
           WHERE id = ? AND status = 'pending'`,
          [c.predictedLabel, c.confidence, JSON.stringify(c.topK), c.unrestrictedTopK && JSON.stringify(c.unrestrictedTopK), f.modelVersionId, c.restriction,
           sampleIds.get(c.position)],
        );
      }
      await conn.execute(
        "UPDATE Field SET text = ?, confidence = ?, expected = ?, alternatives = ?, comb = ?, modelVersionId = ?, updatedAt = NOW(3) WHERE id = ?",
        [...fieldValues, id],
      );
      await conn.commit();
      return { id, reused, sampleIds, kept: false };
    }
    const split = heldOutSplit(f.sha256);
    const sampleIds = new Map<number, number>();
    const classSet = f.reading.model.classSet;
    if (f.characters.length) {
      // every character in one statement: one round trip however long the field
      const rows = await conn.execute<{ id: number | bigint; fieldPosition: number }[]>(
        `INSERT INTO Sample (source, split, classSet, status, image, sha256, predictedLabel, confidence, topK, unrestrictedTopK,
                             modelVersionId, restriction, fieldId, fieldPosition, box, updatedAt)
         VALUES ${f.characters.map(() => "('user', ?, ?, 'pending', ?, SHA2(CONCAT(?, ':', ?), 256), ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))").join(", ")}
         RETURNING id, fieldPosition`,
        f.characters.flatMap((c) => [split, classSet, Buffer.from(c.pixels), f.sha256, c.position, c.predictedLabel, c.confidence, JSON.stringify(c.topK),
          c.unrestrictedTopK && JSON.stringify(c.unrestrictedTopK), f.modelVersionId, c.restriction, id, c.position, JSON.stringify(c.box)]),
      );
      for (const row of rows) sampleIds.set(Number(row.fieldPosition), Number(row.id));
    }
    await conn.commit();
    return { id, reused, sampleIds, kept: false };
  } catch (err) {
    await conn.rollback().catch(() => undefined);
    throw err;
  } finally {
    await conn.release();
  }
}
