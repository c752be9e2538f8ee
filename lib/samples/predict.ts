import { ImageError } from "../image/image-error";
import type { Analysis } from "../image/analyse";
import type { ServingModel } from "../inference/active-model";
import type { Batcher } from "../inference/batcher";
import { allowedClasses, topK, type Ranked, type Restriction } from "../inference/restrict";
import { CLASS_SETS } from "../models/classsets";
import type { UploadStore } from "./upload-store";
import { pngDataUrl } from "./view";
import { msSince } from "../timing";

export type PredictInput = {
  bytes: Buffer;
  restrict?: Restriction;
  classes?: string[];
  /** Also answer with every class's probability (the page's full chart), not only the top 5. */
  all?: boolean;
};

export type PredictionResult = {
  id: number;
  label: string;
  confidence: number;
  top5: Ranked[];
  /** Every class, most probable first, when asked for (`all`). */
  all?: Ranked[];
  /** The normalised 28x28 image the model saw, as a PNG data URL. */
  image28: string;
  model: { version: number; classSet: string };
  timings: { decodeMs: number; inferenceMs: number; storeMs: number; totalMs: number; batchSize: number };
  reused: boolean;
};

export type PredictDeps = {
  uploads: UploadStore;
  batcher: Batcher;
  model: () => Promise<ServingModel>;
  /** Decoding and normalisation: the image pool in the server, lib/image/analyse in-thread elsewhere. */
  analyse: (bytes: Buffer) => Promise<Analysis>;
  maxUploadBytes: number;
};

const MAX_CLASSES = 100;

/** What the model reads in an upload, before anything is stored. */
async function read(deps: PredictDeps, input: PredictInput) {
  const started = performance.now();
  if (input.bytes.length > deps.maxUploadBytes) {
    throw new ImageError("PAYLOAD_TOO_LARGE", `the upload is ${input.bytes.length} bytes; the limit is ${deps.maxUploadBytes} bytes`);
  }
  if (input.restrict && input.classes?.length) throw new ImageError("BAD_USER_INPUT", "give at most one of restrict and classes");
  if (input.classes && input.classes.length > MAX_CLASSES) {
    throw new ImageError("BAD_USER_INPUT", `classes may name at most ${MAX_CLASSES} characters (it named ${input.classes.length})`);
  }
  const model = await deps.model();
  const allowed = allowedClasses(model.classes, CLASS_SETS[model.classSet], input.restrict, input.classes);
  if (allowed && !allowed.some(Boolean)) {
    throw new ImageError("BAD_USER_INPUT", `none of the requested classes is known to model version ${model.number} (${model.classSet})`);
  }
  const analysis = await deps.analyse(input.bytes);
  const decodeMs = msSince(started);

  const inferStart = performance.now();
  const { probabilities, model: used, batchSize } = await deps.batcher.predict(analysis.pixels);
  // A hot swap may have put another version (perhaps another class list) between the check and the run.
  const mask = used === model ? allowed : allowedClasses(used.classes, CLASS_SETS[used.classSet], input.restrict, input.classes);
  const ranked = topK(probabilities, used.classes, 5, mask ?? undefined);
  // A restricted answer may hide what the writing looks like most; the reviewer sees both.
  const unrestricted = mask ? topK(probabilities, used.classes, 5) : null;
  // What every answer says, stored or not.
  const answer = {
    ...(input.all && { all: topK(probabilities, used.classes, used.classes.length, mask ?? undefined) }),
    label: ranked[0].label,
    confidence: ranked[0].probability,
    top5: ranked,
    image28: pngDataUrl(analysis.png),
    model: { version: used.number, classSet: used.classSet },
  };
  return { started, analysis, used, ranked, unrestricted, answer, timings: { decodeMs, inferenceMs: msSince(inferStart), batchSize } };
}

export type PreviewResult = Omit<PredictionResult, "id" | "reused" | "timings"> & { timings: { decodeMs: number; inferenceMs: number; totalMs: number } };

/** The reading alone, stored nowhere: what the page shows while someone is still drawing. */
export async function preview(deps: PredictDeps, input: PredictInput): Promise<PreviewResult> {
  const { started, answer, timings } = await read(deps, input);
  return { ...answer, timings: { decodeMs: timings.decodeMs, inferenceMs: timings.inferenceMs, totalMs: msSince(started) } };
}

/** Normalise, predict, store as a pending user sample (before answering), answer. */
export async function predictAndStore(deps: PredictDeps, input: PredictInput): Promise<PredictionResult> {
  const { started, analysis, used, ranked, unrestricted, answer, timings } = await read(deps, input);
  const { decodeMs, inferenceMs, batchSize } = timings;
  const storeStart = performance.now();
  const { id, reused } = await deps.uploads.store({
    sha256: analysis.sha256,
    original: input.bytes,
    contentType: analysis.contentType,
    restriction: restrictionOf(input),
    pixels: analysis.pixels,
    classSet: used.classSet,
    predictedLabel: ranked[0].label,
    confidence: ranked[0].probability,
    topK: ranked,
    unrestrictedTopK: unrestricted,
    modelVersionId: used.id,
  });
  return { ...answer, id, timings: { decodeMs, inferenceMs, storeMs: msSince(storeStart), totalMs: msSince(started), batchSize }, reused };
}

/** How a request restricted the answer, as stored with the sample ("digits", "classes:0123"). */
function restrictionOf(input: Pick<PredictInput, "restrict" | "classes">): string | null {
  if (input.classes?.length) return `classes:${input.classes.join("")}`.slice(0, 80);
  return input.restrict ?? null;
}
