import { loadModel, runBatchFlat, type LoadedModel } from "./session";
import { PIXELS } from "../models/classsets";

// The model thread's sessions (lib/inference/model-host.ts ModelThread), by the key the request thread gave.
const sessions = new Map<string, LoadedModel>();

export async function open({ key, onnx, threads }: { key: string; onnx: Uint8Array; threads: number }): Promise<true> {
  if (!sessions.has(key)) sessions.set(key, await loadModel(onnx, threads));
  return true;
}

/** Probabilities of `count` images laid end to end, or nothing when this thread has no such session (it is new). */
export async function run({ key, pixels, count }: { key: string; pixels: Uint8Array; count: number }): Promise<{ probabilities?: Float32Array }> {
  const model = sessions.get(key);
  if (!model) return {};
  const images = Array.from({ length: count }, (_, i) => pixels.subarray(i * PIXELS, (i + 1) * PIXELS));
  return { probabilities: await runBatchFlat(model, images) };
}

export async function release({ key }: { key: string }): Promise<true> {
  await sessions.get(key)?.session.release();
  sessions.delete(key);
  return true;
}
