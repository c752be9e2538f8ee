import type { SessionUser } from "../lib/auth/session";
import type { Db } from "../lib/db/client";
import type { ActiveModel } from "../lib/inference/active-model";
import type { RateLimiter } from "../lib/ratelimit";
import type { PredictDeps } from "../lib/samples/predict";

export type Context = {
  db: Db;
  activeModel: ActiveModel;
  predict: PredictDeps;
  predictLimiter: RateLimiter;
  clientKey: string;
  user?: SessionUser;
  /** Approved samples the active model has not seen that queue a retraining run. */
  retrainAfter: number;
};
