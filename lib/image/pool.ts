import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { ApiError } from "../api-errors";
import { ROOT } from "../config";
import { workerEnded } from "../worker-ended";
import { unwrap, type Analysis, type AnalysisOutcome, type FieldAnalysis, type FieldOutcome } from "./analyse";

export type ImagePoolOptions = {
  /** Worker threads; 0 = one per core. */
  threads: number;
  /** Uploads waiting for a worker (beyond the ones each worker holds) before new ones are refused (each holds its bytes in memory). */
  maxQueue: number;
  maxInputPixels: number;
};

export type ImagePoolStatus = { threads: number; queued: number; maxQueue: number };

const ENTRY = path.join(/*turbopackIgnore: true*/ ROOT, "lib", "image", "pool-entry.cjs");
const RETRY_AFTER_S = 1;
/**
 * Uploads handed to each worker at once: it reads them one after another. A worker holding only the one it
 * reads waits idle for the request thread to hand it the next, and that thread stops for tens of ms at a
 * time (its garbage collection, writes to sockets): with 2 uploads a worker, about 15% of both cores went
 * unused at 64 clients; with 8, answers a second rose a further 10% (270 -> 300 for the canvas PNG).
 */
export const UPLOADS_PER_WORKER = 8;

/**
 * Decoding and normalising uploads on worker threads (piscina), so the request thread only does HTTP,
 * batching and the database, and every core analyses images. A full queue refuses at once (503 with
 * Retry-After) rather than holding ever more uploads in memory; a worker that dies fails only the uploads
 * it held, with a clear error, and piscina starts another in its place.
 */
export class ImagePool {
  private readonly piscina: Piscina;

  constructor(private readonly options: ImagePoolOptions, onError: (err: Error) => void = () => undefined) {
    const threads = options.threads || os.availableParallelism();
    this.piscina = new Piscina({
      filename: ENTRY,
      minThreads: threads,
      maxThreads: threads,
      maxQueue: options.maxQueue,
      idleTimeout: Infinity,
      // By default a task taken from the head while every worker is busy goes back to the tail, so under load
      // some uploads were overtaken again and again (canvas p99 at 64 clients about 4x the p50).
      stricterFIFO: true,
      concurrentTasksPerWorker: UPLOADS_PER_WORKER,
    });
    // Without a listener, a worker failing between tasks would throw from the emitter and end the server.
    this.piscina.on("error", onError);
  }

  async analyse(bytes: Uint8Array): Promise<Analysis> {
    return unwrap(await this.run<AnalysisOutcome>(bytes));
  }

  /** A line of handwriting: its segmentation lattice (lib/fields/lattice.ts). */
  async analyseField(bytes: Uint8Array): Promise<FieldAnalysis> {
    return unwrap(await this.run<FieldOutcome>(bytes, "field"));
  }

  private async run<T>(bytes: Uint8Array, name?: string): Promise<T> {
    try {
      return await this.piscina.run({ bytes, maxInputPixels: this.options.maxInputPixels }, name ? { name } : undefined);
    } catch (err) {
      throw poolError(err);
    }
  }

  status(): ImagePoolStatus {
    return { threads: this.piscina.threads.length, queued: this.piscina.queueSize, maxQueue: this.options.maxQueue };
  }

  /** The worker threads themselves (the tests stop one to prove a crash is survived). */
  get threads() {
    return this.piscina.threads;
  }

  destroy(): Promise<void> {
    return this.piscina.destroy();
  }
}

/** The pool's own failures in words a client can act on; anything else stays as it is (an internal error). */
function poolError(err: unknown): unknown {
  const message = err instanceof Error ? err.message : String(err);
  if (message === "Task queue is at limit") {
    return new ApiError("UNAVAILABLE", `the server is busy reading other images; try again in ${RETRY_AFTER_S} s`, { retryAfter: RETRY_AFTER_S });
  }
  if (workerEnded(err)) {
    return new ApiError("UNAVAILABLE", "reading this image stopped unexpectedly (the worker reading it ended); send it again", { retryAfter: RETRY_AFTER_S });
  }
  return err;
}
