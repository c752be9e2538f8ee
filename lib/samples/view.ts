import { pixelsToPng } from "../image/normalise";
import type { Ranked } from "../inference/restrict";

/** The one place stored samples take their API shape, the 28x28 image as a PNG data URL included. */

export function dataUrl(bytes: Buffer | Uint8Array, contentType: string): string {
  return `data:${contentType};base64,${Buffer.from(bytes).toString("base64")}`;
}

export const pngDataUrl = (png: Buffer | Uint8Array) => dataUrl(png, "image/png");

/** A 28x28 (784 bytes, ink = 255) as the PNG data URL the API answers with. */
export const image28Url = (pixels: Uint8Array) => pngDataUrl(pixelsToPng(pixels));

export const PREDICTION_SELECT = {
  id: true,
  image: true,
  predictedLabel: true,
  confidence: true,
  topK: true,
  suggestedLabel: true,
  createdAt: true,
  classSet: true,
  modelVersion: { select: { number: true, classSet: true } },
} as const;

type StoredPrediction = {
  id: number;
  image: Uint8Array;
  predictedLabel: string | null;
  confidence: number | null;
  topK: unknown;
  suggestedLabel: string | null;
  createdAt: Date;
  classSet: string;
  modelVersion: { number: number; classSet: string } | null;
};

export async function storedPrediction(row: StoredPrediction) {
  return {
    id: row.id,
    label: row.predictedLabel ?? "",
    confidence: row.confidence ?? 0,
    top5: (row.topK as Ranked[] | null) ?? [],
    image28: image28Url(row.image),
    model: { version: row.modelVersion?.number ?? 0, classSet: row.modelVersion?.classSet ?? row.classSet },
    timings: null,
    reused: false,
    suggestedLabel: row.suggestedLabel,
    createdAt: row.createdAt,
  };
}

type SampleRow = {
  id: number;
  source: string;
  status: string;
  image: Uint8Array;
  topK?: unknown;
  unrestrictedTopK?: unknown;
  modelVersion?: { number: number } | null;
  box?: unknown;
  field?: { id: number; text: string; width: number; height: number; reviewText: string | null; suggestedText: string | null; _count: { characters: number } } | null;
};

/** A Sample row (queue, sample(id)) in the API's shape. */
export async function sampleView<T extends SampleRow>(row: T) {
  return {
    ...row,
    image28: image28Url(row.image),
    topK: (row.topK as Ranked[] | null) ?? null,
    unrestrictedTopK: (row.unrestrictedTopK as Ranked[] | null) ?? null,
    modelVersion: row.modelVersion?.number ?? null,
    box: (row.box as { x: number; y: number; width: number; height: number } | null) ?? null,
    field: row.field ? { ...row.field, characterCount: row.field._count.characters } : null,
  };
}
