import { pixelsToPng } from "../image/normalise";
import type { Ranked } from "../inference/restrict";
import { pngDataUrl } from "./predict";

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
    image28: pngDataUrl(await pixelsToPng(row.image)),
    model: { version: row.modelVersion?.number ?? 0, classSet: row.modelVersion?.classSet ?? row.classSet },
    timings: null,
    reused: false,
    suggestedLabel: row.suggestedLabel,
    createdAt: row.createdAt,
  };
}
