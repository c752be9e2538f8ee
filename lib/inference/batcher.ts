import type { ServingModel } from "./active-model";

type Pending = { image: Uint8Array; resolve: (r: BatchResult) => void; reject: (e: unknown) => void };
export type BatchResult = { probabilities: Float32Array; model: ServingModel; batchSize: number };

/**
 * Micro-batching: concurrent predictions share one onnxruntime run of up to `maxBatch` images. When the
 * model is idle a request runs at once (with whatever arrived in the same tick); while a batch is running,
 * new requests gather and run as soon as it ends, or after `maxWaitMs` at the latest. Each batch runs on
 * the model that was serving when it started, so a hot swap never changes a request half way.
 */
export class Batcher {
  private queue: Pending[] = [];
  private timer?: NodeJS.Timeout;
  private scheduled = false;
  private running = 0;

  constructor(
    private readonly model: () => Promise<ServingModel>,
    private readonly opts: { maxBatch: number; maxWaitMs: number },
  ) {}

  predict(image: Uint8Array): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ image, resolve, reject });
      if (this.queue.length >= this.opts.maxBatch) this.flush();
      else if (this.running === 0) this.flushSoon();
      else this.timer ??= setTimeout(() => this.flush(), this.opts.maxWaitMs);
    });
  }

  private flushSoon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.opts.maxBatch);
      void this.run(batch);
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    this.running++;
    try {
      const model = await this.model();
      const rows = await model.session.run(batch.map((p) => p.image));
      batch.forEach((p, i) => p.resolve({ probabilities: rows[i], model, batchSize: batch.length }));
    } catch (err) {
      batch.forEach((p) => p.reject(err));
    } finally {
      this.running--;
      if (this.running === 0 && this.queue.length) this.flushSoon();
    }
  }
}
