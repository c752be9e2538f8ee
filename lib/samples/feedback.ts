import type { Db } from "../db/client";
import { ApiError } from "../api-errors";
import { CLASS_SETS } from "../models/classsets";

/**
 * A visitor's word on a prediction. It is only a suggestion: the sample stays pending and never becomes
 * training data until an admin approves it.
 */
export async function recordFeedback(db: Db, id: number, input: { correct?: boolean | null; label?: string | null }): Promise<void> {
  const sample = await db.sample.findFirst({ where: { id, source: "user" }, select: { predictedLabel: true, classSet: true, status: true } });
  if (!sample) throw new ApiError("NOT_FOUND", `no prediction ${id}`);
  let suggestion: string;
  if (input.correct) {
    if (!sample.predictedLabel) throw new ApiError("BAD_USER_INPUT", "this sample has no prediction to confirm");
    suggestion = sample.predictedLabel;
  } else {
    const label = input.label?.trim();
    if (!label) throw new ApiError("BAD_USER_INPUT", "say the prediction was correct, or give the right character in `label`");
    const set = CLASS_SETS[sample.classSet];
    const mapped = set?.merge[label] ?? label;
    if (!set || !set.labels.includes(mapped)) {
      throw new ApiError("BAD_USER_INPUT", `"${label}" is not a character this model knows (${sample.classSet}: ${set?.labels.join("") ?? "?"})`);
    }
    suggestion = mapped;
  }
  await db.sample.update({ where: { id }, data: { suggestedLabel: suggestion } });
}
