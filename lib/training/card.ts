import { createHash } from "node:crypto";
import type { TrainResult } from "./trainer-output";

/** A model card from a training result: the data it saw and what was measured, nothing else. */
export function buildCard(name: string, result: TrainResult, onnx: Uint8Array, extra: { data?: Record<string, unknown>; metrics?: Record<string, unknown>; notMeasured?: string } = {}) {
  return {
    name,
    classSet: result.class_set,
    classes: result.classes,
    input: "image float32 [N,1,28,28], 0..1, ink = 1, EMNIST conversion (lib/image); output: probabilities [N,classes]",
    architecture: result.arch,
    parameters: result.parameters,
    sha256: createHash("sha256").update(onnx).digest("hex"),
    fileBytes: onnx.length,
    data: { source: result.source, trainImages: result.train_images, testImages: result.test_images, ...extra.data },
    training: { epochs: result.epochs, seconds: result.train_seconds, device: result.device, recipe: result.recipe, history: result.history, fineTunedFrom: result.fine_tuned_from ?? null,
      ...(result.interpolated && { interpolated: result.interpolated }),
      ...(result.logit_adjusted && { logitAdjusted: result.logit_adjusted }),
    },
    metrics: { heldOut: result.test, ...extra.metrics },
    ...(extra.notMeasured ? { notMeasured: extra.notMeasured } : {}),
  };
}
