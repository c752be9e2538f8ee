import type { Db } from "../db/client";
import { ApiError, quoteInput } from "../api-errors";
import { CLASS_SETS } from "../models/classsets";
import { enforceRateLimit, type RateLimiter } from "../ratelimit";

/**
 * Feedback moves a sample's version, which turns an admin's action on it into CONFLICT: one client may not
 * move many samples (per client), nor keep moving one (per sample, whoever sends it). Each alias counts.
 */
export type FeedbackLimiters = { perClient: RateLimiter; perSample: RateLimiter };

/**
 * A visitor's word on a prediction. It is only a suggestion: the sample stays pending and never becomes
 * training data until an admin approves it. A suggestion bumps the sample's version, so an admin who
 * approves "the visitor's suggestion" gets CONFLICT if it changed after they saw it; once an admin has
 * decided, feedback no longer changes the sample. Visitors are anonymous, so the latest suggestion wins.
 */
export async function recordFeedback(
  db: Db,
  limits: { limiters: FeedbackLimiters; clientKey: string },
  id: number,
  input: { correct?: boolean | null; label?: string | null },
): Promise<void> {
  await enforceRateLimit(limits.limiters.perClient, limits.clientKey, "feedback from this client");
  await enforceRateLimit(limits.limiters.perSample, String(id), `feedback on prediction ${id}`);
  const sample = await db.sample.findFirst({ where: { id, source: "user" }, select: { predictedLabel: true, classSet: true, status: true, version: true } });
  if (!sample) throw new ApiError("NOT_FOUND", `no prediction ${id}`);
  if (sample.status !== "pending") throw new ApiError("CONFLICT", `prediction ${id} was already reviewed by an admin; feedback no longer changes it`);
  let suggestion: string;
  if (input.correct) {
    if (!sample.predictedLabel) throw new ApiError("BAD_USER_INPUT", "this sample has no prediction to confirm");
    suggestion = sample.predictedLabel;
  } else {
    const label = input.label?.trim();
    if (!label) throw new ApiError("BAD_USER_INPUT", "say the prediction was correct, or give the right character in `label`");
    const set = CLASS_SETS[sample.classSet];
    const known = set?.classOf(label);
    if (!set || known === undefined) {
      throw new ApiError("BAD_USER_INPUT", `${quoteInput(label)} is not a character this model knows (one of ${set?.labels.join("") ?? "?"})`);
    }
    suggestion = known;
  }
  const res = await db.sample.updateMany({ where: { id, status: "pending", version: sample.version }, data: { suggestedLabel: suggestion, version: { increment: 1 } } });
  if (res.count !== 1) throw new ApiError("CONFLICT", `prediction ${id} changed while the feedback was saved; send it again`);
}
