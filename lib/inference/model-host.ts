import path from "node:path";
import { Piscina } from "piscina";
import { ApiError } from "../api-errors";
import { ROOT } from "../config";
import { workerEnded } from "../worker-ended";
import { loadModel, rowsOf, runBatch } from "./session";

/** A model version's onnxruntime session, wherever it runs. */
export type OpenModel = {
  /** One probability row per 28x28 image (ink = 255). */
  run(images: Uint8Array[]): Promise<Float32Array[]>;
  release(): Promise<void>;
};

/** Where sessions live: this thread (tools, tests) or a thread of their own (the server). */
export type ModelHost = { open(key: string, onnx: Uint8Array): Promise<OpenModel> };

export function inThreadHost(threads: number): ModelHost {
  return {
    async open(_key, onnx) {
      const loaded = await loadModel(onnx, threads);
      return { run: (images) => runBatch(loaded, images), release: () => loaded.session.release() };
    },
  };
}

const ENTRY = path.join(/*turbopackIgnore: true*/ ROOT, "lib", "inference", "model-entry.cjs");
const RETRY_AFTER_S = 1;

/**
 * The server's sessions on one worker thread of their own. onnxruntime-node runs a session synchronously on
 * the thread that calls it: on the request thread, every batch held up HTTP, batching and the database for
 * its whole run (17% of that thread under load, the one thread every request passes through). Here the
 * request thread only hands over the batch's pixels. The thread keeps the sessions it opened by key; if it
 * dies, piscina starts another, and the next run opens its session again from the bytes kept here.
 */
export class ModelThread implements ModelHost {
  private readonly piscina: Piscina;

  constructor(private readonly threads: number, onError: (err: Error) => void = () => undefined) {
    // stricterFIFO: batches run in the order they were formed (see ImagePool for what piscina does otherwise).
    this.piscina = new Piscina({ filename: ENTRY, minThreads: 1, maxThreads: 1, idleTimeout: Infinity, stricterFIFO: true });
    this.piscina.on("error", onError);
  }

  async open(key: string, onnx: Uint8Array): Promise<OpenModel> {
    const task = (name: string, args: object) => this.piscina.run(args, { name }).catch((err: unknown) => Promise.reject(threadError(err)));
    const load = () => task("open", { key, onnx, threads: this.threads });
    await load();
    return {
      run: async (images) => {
        const pixels = concat(images);
        let out: { probabilities?: Float32Array } = await task("run", { key, pixels, count: images.length });
        if (!out.probabilities) {
          await load(); // a new thread, after the last one ended
          out = await task("run", { key, pixels, count: images.length });
        }
        return rowsOf(out.probabilities!, images.length);
      },
      release: async () => void (await task("release", { key })),
    };
  }

  /** The worker thread itself (the tests stop it to prove a crash is survived). */
  get thread() {
    return this.piscina.threads[0];
  }

  destroy(): Promise<void> {
    return this.piscina.destroy();
  }
}

function concat(images: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(images.reduce((n, img) => n + img.length, 0));
  let at = 0;
  for (const img of images) {
    out.set(img, at);
    at += img.length;
  }
  return out;
}

function threadError(err: unknown): unknown {
  if (workerEnded(err)) {
    return new ApiError("UNAVAILABLE", "the model stopped unexpectedly while reading this image; send it again", { retryAfter: RETRY_AFTER_S });
  }
  return err;
}
