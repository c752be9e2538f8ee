import { SerialBatches } from "../serial-batches";
import type { ServingModel } from "./active-model";

export type BatchResult = { probabilities: Float32Array; model: ServingModel; batchSize: number };

/**
 * Micro-batching: concurrent predictions share one onnxruntime run of up to `maxBatch` images, one run at a
 * time. When the model is idle a request runs at once (with whatever arrived in the same tick); while a batch
 * runs, new requests gather and run together as soon as it ends. A model runs its batches one after another
 * whichever thread it is on, so starting a second run early would only queue it behind the first, in smaller
 * batches: under load the batches grow instead, to what the model gets through. Each batch runs on the model
 * that was serving when it started, so a hot swap never changes a request half way.
 */
export class Batcher {
  private readonly batches: SerialBatches<Uint8Array, BatchResult>;

  constructor(model: () => Promise<ServingModel>, opts: { maxBatch: number }) {
    this.batches = new SerialBatches(
      async (images) => {
        const serving = await model();
        const rows = await serving.session.run(images);
        return rows.map((probabilities) => ({ probabilities, model: serving, batchSize: images.length }));
      },
      (waiting) => Math.min(waiting.length, opts.maxBatch),
    );
  }

  predict(image: Uint8Array): Promise<BatchResult> {
    return this.batches.add(image);
  }
}
