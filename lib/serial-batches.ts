type Pending<T, R> = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };

/**
 * Work that costs less done together, done one batch at a time: when idle, a batch starts at once with
 * whatever was added in the same tick; while one runs, new items gather and form the next as soon as it
 * ends. `take` says how many of the waiting items the next batch takes (at least one); `run` gives one
 * result per item, in order, or fails them all.
 */
export class SerialBatches<T, R> {
  private queue: Pending<T, R>[] = [];
  private scheduled = false;
  private running = false;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly take: (waiting: readonly T[]) => number,
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
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
    const batch = this.queue.splice(0, Math.max(1, this.take(this.queue.map((p) => p.item))));
    try {
      const results = await this.run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (err) {
      batch.forEach((p) => p.reject(err));
    } finally {
      this.running = false;
      if (this.queue.length) this.runSoon();
    }
  }
}
