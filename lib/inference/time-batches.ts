import { now } from "../timing";
import { runBatch, type LoadedModel } from "./session";

/** Milliseconds of each of `runs` runs of one batch, after `warmup` untimed runs. */
export async function timeBatches(model: LoadedModel, images: Uint8Array[], runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await runBatch(model, images);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await runBatch(model, images);
    times.push(now() - t);
  }
  return times;
}
