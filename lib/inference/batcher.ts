import type { ServingModel } from "./active-model";

type Pending = { image: Uint8Array; resolve: (r: BatchResult) => void; reject: (e: unknown) => void };
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
  private queue: Pending[] = [];
  private scheduled = false;
  private running = false;

  constructor(
    private readonly model: () => Promise<ServingModel>,
    private readonly opts: { maxBatch: number },
  ) {}

  predict(image: Uint8Array): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ image, resolve, reject });
      if (!this.running) this.runSoon();
    });
  }

  private runSoon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.runNext();
    });
  }

  private async runNext(): Promise<void> {
    if (this.running || !this.queue.length) return;
    this.running = true;
    const batch = this.queue.splice(0, this.opts.maxBatch);
    try {
      const model = await this.model();
      const rows = await model.session.run(batch.map((p) => p.image));
      batch.forEach((p, i) => p.resolve({ probabilities: rows[i], model, batchSize: batch.length }));
    } catch (err) {
      batch.forEach((p) => p.reject(err));
    } finally {
      this.running = false;
      if (this.queue.length) this.runSoon();
    }
  }
}
