import type { Db } from "../db/client";
import { ApiError } from "../api-errors";
import { alignText, requireField, type StoredField } from "./stored";

const MAX_TEXT = 255;

/**
 * A visitor's word on a field ("it says 20240"): kept on the field, and where it lines up with the
 * characters, each pending character gets the visitor's suggestion, as for single uploads. When it does
 * not line up (a character missed or split), the suggestion waits on the field for an admin.
 */
export async function recordFieldFeedback(db: Db, id: number, text: string): Promise<StoredField> {
  const said = text.trim();
  if (!said) throw new ApiError("BAD_USER_INPUT", "say what the field says in `text`");
  if (said.length > MAX_TEXT) throw new ApiError("BAD_USER_INPUT", `the text may be at most ${MAX_TEXT} characters`);
  const field = await requireField(db, id);
  const aligned = alignText(said, field);
  await db.$transaction(async (tx) => {
    await tx.field.update({ where: { id }, data: { suggestedText: said } });
    for (const c of aligned ?? []) {
      await tx.sample.updateMany({ where: { id: c.sampleId, status: "pending" }, data: { suggestedLabel: c.label, version: { increment: 1 } } });
    }
  });
  return requireField(db, id);
}
