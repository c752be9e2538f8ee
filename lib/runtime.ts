import { config } from "./config";
import { db } from "./db/client";
import { ActiveModel } from "./inference/active-model";

/** Process-wide services, built once and shared by every route (Next.js bundles routes separately). */
const g = globalThis as unknown as { handprintActiveModel?: ActiveModel };

export function activeModel(): ActiveModel {
  g.handprintActiveModel ??= new ActiveModel(db(), {
    pollMs: config().MODEL_POLL_MS,
    threads: config().INFERENCE_THREADS,
  });
  return g.handprintActiveModel;
}
