import type { Db } from "../db/client";
import type { SampleStatus } from "../db/generated/client";
import { ApiError } from "../api-errors";
import type { Ranked } from "../inference/restrict";
import { CLASS_SETS } from "../models/classsets";
import { connection, cursor, pageSize } from "../pagination";
import { image28Url } from "../samples/view";
import type { Box } from "./lattice";

/** Stored fields in the API's shape: the field row and its characters (its pending or reviewed samples). */

const FIELD_SELECT = {
  id: true,
  text: true,
  confidence: true,
  expected: true,
  alternatives: true,
  comb: true,
  width: true,
  height: true,
  suggestedText: true,
  reviewText: true,
  createdAt: true,
  modelVersion: { select: { number: true, classSet: true } },
  characters: {
    orderBy: { fieldPosition: "asc" },
    select: { id: true, fieldPosition: true, predictedLabel: true, confidence: true, topK: true, box: true, image: true, status: true, label: true, classSet: true },
  },
} as const;

type Row = {
  id: number;
  text: string;
  confidence: number;
  expected: string | null;
  alternatives: unknown;
  comb: boolean;
  width: number;
  height: number;
  suggestedText: string | null;
  reviewText: string | null;
  createdAt: Date;
  modelVersion: { number: number; classSet: string } | null;
  characters: {
    id: number;
    fieldPosition: number | null;
    predictedLabel: string | null;
    confidence: number | null;
    topK: unknown;
    box: unknown;
    image: Uint8Array;
    status: SampleStatus;
    label: string | null;
    classSet: string;
  }[];
};

/** The text's characters, spaces left out, each with whether a space came before it: positions are these indexes. */
export function positionsOf(text: string): { char: string; spaceBefore: boolean }[] {
  const out: { char: string; spaceBefore: boolean }[] = [];
  let space = false;
  for (const c of text) {
    if (c === " ") space = out.length > 0;
    else {
      out.push({ char: c, spaceBefore: space });
      space = false;
    }
  }
  return out;
}

function fieldView(row: Row) {
  const byPosition = new Map(row.characters.map((c) => [c.fieldPosition ?? -1, c]));
  const characters = positionsOf(row.text).map(({ char, spaceBefore }, position) => {
    const sample = byPosition.get(position);
    return {
      position,
      label: sample?.predictedLabel ?? char,
      confidence: sample?.confidence ?? 0,
      top5: (sample?.topK as Ranked[] | null) ?? [],
      box: (sample?.box as Box | null) ?? null,
      image28: sample ? image28Url(sample.image) : null,
      spaceBefore,
      symbol: !sample,
      sampleId: sample?.id ?? null,
      status: sample?.status ?? null,
      reviewedLabel: sample?.label ?? null,
    };
  });
  const classSet = row.modelVersion?.classSet ?? row.characters[0]?.classSet ?? "";
  return {
    id: row.id,
    text: row.text,
    confidence: row.confidence,
    expected: row.expected,
    matchesExpected: null,
    alternatives: (row.alternatives as { text: string; confidence: number }[] | null) ?? [],
    characters,
    comb: row.comb,
    width: row.width,
    height: row.height,
    model: { version: row.modelVersion?.number ?? 0, classSet },
    timings: null,
    reused: false,
    suggestedText: row.suggestedText,
    reviewText: row.reviewText,
    createdAt: row.createdAt,
  };
}

export type StoredField = ReturnType<typeof fieldView>;

export async function findField(db: Db, id: number): Promise<StoredField | null> {
  const row = await db.field.findUnique({ where: { id }, select: FIELD_SELECT });
  return row ? fieldView(row) : null;
}

export async function requireField(db: Db, id: number): Promise<StoredField> {
  const field = await findField(db, id);
  if (!field) throw new ApiError("NOT_FOUND", `no field ${id}`);
  return field;
}

/** Stored fields, newest first, paged by id. */
export async function listFields(db: Db, args: { first?: number | null; after?: string | null }) {
  const first = pageSize(args.first);
  const [rows, totalCount] = await Promise.all([
    db.field.findMany({ where: args.after ? { id: { lt: cursor.decode(args.after) } } : {}, orderBy: { id: "desc" }, take: first + 1, select: FIELD_SELECT }),
    db.field.count(),
  ]);
  return connection(rows, first, totalCount, (row) => row.id, fieldView);
}

/**
 * Typed text against a field's characters: one class per character when the counts match (spaces aside,
 * a character the model has no class for must be typed as itself), else null.
 */
export function alignText(text: string, field: StoredField): { sampleId: number; label: string }[] | null {
  const typed = positionsOf(text.trim());
  if (typed.length !== field.characters.length) return null;
  const set = CLASS_SETS[field.model.classSet];
  const out: { sampleId: number; label: string }[] = [];
  for (const [i, c] of field.characters.entries()) {
    if (c.sampleId === null) {
      if (typed[i].char !== c.label) return null;
      continue;
    }
    const label = set?.classOf(typed[i].char);
    if (label === undefined) throw new ApiError("BAD_USER_INPUT", `${JSON.stringify(typed[i].char)} is not a character the model knows (one of ${set?.labels.join("") ?? "?"})`);
    out.push({ sampleId: c.sampleId, label });
  }
  return out;
}
