import { config } from "./config";
import { db } from "./db/client";
import { pool } from "./db/pool";
import { ActiveModel } from "./inference/active-model";
import { ImagePool } from "./image/pool";
import { Batcher } from "./inference/batcher";
import { ModelThread } from "./inference/model-host";
import { log } from "./log";
import { RateLimiter } from "./ratelimit";
import type { SignInLimiters } from "./auth/sign-in";
import type { FeedbackLimiters } from "./samples/feedback";
import type { PredictDeps } from "./samples/predict";
import { UploadStore } from "./samples/upload-store";
import type { ReadDeps } from "./fields/read";

/** Process-wide services, built once and shared by every route (Next.js bundles routes separately). */
type Services = { activeModel: ActiveModel; batcher: Batcher; uploads: UploadStore; imagePool: ImagePool; predictLimiter: RateLimiter; loginLimiters: SignInLimiters; feedbackLimiters: FeedbackLimiters };
const g = globalThis as unknown as { handprintServices?: Services };

function services(): Services {
  if (!g.handprintServices) {
    const cfg = config();
    const modelThread = new ModelThread(cfg.INFERENCE_THREADS, (err) => log.error({ err: String(err) }, "the model thread failed"));
    const activeModel = new ActiveModel(db(), { pollMs: cfg.MODEL_POLL_MS, threads: cfg.INFERENCE_THREADS, host: modelThread });
    g.handprintServices = {
      activeModel,
      imagePool: new ImagePool(
        { threads: cfg.IMAGE_WORKERS, maxQueue: cfg.IMAGE_QUEUE_MAX, maxInputPixels: cfg.MAX_INPUT_PIXELS },
        (err) => log.error({ err: String(err) }, "an image worker failed"),
      ),
      batcher: new Batcher(() => activeModel.require(), { maxBatch: cfg.INFERENCE_MAX_BATCH }),
      uploads: new UploadStore(pool()),
      predictLimiter: new RateLimiter(cfg.RATE_LIMIT_PER_MINUTE),
      feedbackLimiters: {
        perClient: new RateLimiter(cfg.FEEDBACK_PER_CLIENT_PER_MINUTE),
        perSample: new RateLimiter(cfg.FEEDBACK_PER_SAMPLE_PER_HOUR, 60 * 60_000),
      },
      loginLimiters: {
        perAccount: new RateLimiter(cfg.LOGIN_ATTEMPTS_PER_15_MIN, 15 * 60_000),
        perClient: new RateLimiter(cfg.LOGIN_ATTEMPTS_PER_CLIENT_15_MIN, 15 * 60_000),
      },
    };
  }
  return g.handprintServices;
}

export const activeModel = () => services().activeModel;
export const imagePool = () => services().imagePool;
export const predictLimiter = () => services().predictLimiter;
export const loginLimiters = () => services().loginLimiters;
export const feedbackLimiters = () => services().feedbackLimiters;

export function predictDeps(): PredictDeps {
  const cfg = config();
  const s = services();
  return { uploads: s.uploads, batcher: s.batcher, model: () => s.activeModel.require(), analyse: (bytes) => s.imagePool.analyse(bytes), maxUploadBytes: cfg.MAX_UPLOAD_BYTES };
}

export function readDeps(): ReadDeps {
  const s = services();
  return { pool: pool(), db: db(), batcher: s.batcher, model: () => s.activeModel.require(), analyseField: (bytes) => s.imagePool.analyseField(bytes), maxUploadBytes: config().MAX_UPLOAD_BYTES };
}
