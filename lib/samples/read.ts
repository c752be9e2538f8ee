import type { Db } from "../db/client";
import { QUEUE_SELECT } from "../labelling/queue";
import { dataUrl, PREDICTION_SELECT, sampleView, storedPrediction } from "./view";

/** A visitor's stored upload as the prediction it got, or null. */
export async function findPrediction(db: Db, id: number) {
  const row = await db.sample.findFirst({ where: { id, source: "user" }, select: PREDICTION_SELECT });
  return row ? storedPrediction(row) : null;
}

/** Any sample in the labelling queue's shape, or null. */
export async function findSample(db: Db, id: number) {
  const row = await db.sample.findUnique({ where: { id }, select: QUEUE_SELECT });
  return row ? sampleView(row) : null;
}

export async function requireSample(db: Db, id: number) {
  return sampleView(await db.sample.findUniqueOrThrow({ where: { id }, select: QUEUE_SELECT }));
}

/** The upload as it was sent, as a data URL (large: only ever asked for the sample on screen). */
export async function sampleOriginal(db: Db, id: number): Promise<string | null> {
  const row = await db.sample.findUnique({ where: { id }, select: { original: true, contentType: true, field: { select: { original: true, contentType: true } } } });
  // a character of a field shows the whole field (the queue draws the character's box on it)
  const source = row?.original ? row : row?.field;
  return source?.original ? dataUrl(source.original, source.contentType ?? "application/octet-stream") : null;
}
