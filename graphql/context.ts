import type { SessionUser } from "../lib/auth/session";
import type { Db } from "../lib/db/client";
import type { ActiveModel } from "../lib/inference/active-model";
import type { RateLimiter } from "../lib/ratelimit";
import type { FeedbackLimiters } from "../lib/samples/feedback";
import type { PredictDeps } from "../lib/samples/predict";
import type { ReadDeps } from "../lib/fields/read";

export type Context = {
  db: Db;
  activeModel: ActiveModel;
  predict: PredictDeps;
  read: ReadDeps;
  predictLimiter: RateLimiter;
  feedbackLimiters: FeedbackLimiters;
  clientKey: string;
  user?: SessionUser;
  /** Approved samples the active model has not seen that queue a retraining run. */
  retrainAfter: number;
  /** Computes a value once per request, however many fields (or aliases) ask for it. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
};

export function requestMemo(): Context["once"] {
  const values = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>) => {
    if (!values.has(key)) values.set(key, compute());
    return values.get(key) as Promise<T>;
  };
}
