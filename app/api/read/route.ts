import { z } from "zod";
import { ApiError, failureResponse } from "../../../lib/api-errors";
import { config } from "../../../lib/config";
import { MAX_LEXICON } from "../../../lib/fields/pattern";
import { previewField, readAndStoreField } from "../../../lib/fields/read";
import { log } from "../../../lib/log";
import { clientKey, enforceRateLimit } from "../../../lib/ratelimit";
import { predictLimiter, readDeps } from "../../../lib/runtime";
import { flag, readImageUpload } from "../../../lib/request-body";

export const dynamic = "force-dynamic";

/** Room for the largest lexicon the decoder takes: its characters and a separator after each value. */
const LEXICON_FIELD_BYTES = MAX_LEXICON.characters + MAX_LEXICON.values;

const options = z.object({
  pattern: z.string().max(200, "the pattern may be at most 200 characters").optional(),
  restrict: z.enum(["digits", "letters", "upper", "lower"], { message: "restrict must be one of digits, letters, upper, lower" }).optional(),
  // one value per line, or separated by commas
  lexicon: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(/[\n,]/).map((s) => s.trim()).filter(Boolean) : undefined)),
  preview: flag,
});

/**
 * POST /api/read: one line of handwriting (a field), sent like /api/predict (multipart `image`, or the raw
 * bytes). Optional, as form fields or query parameters, at most one of: `pattern` (a subset of regular
 * expressions, see lib/fields/pattern.ts), `lexicon` (allowed values, one per line or comma-separated),
 * `restrict` (digits, letters, upper, lower for every character). `preview=1` stores nothing. The field is
 * stored once and each character becomes a pending sample in the labelling queue.
 */
export async function POST(request: Request) {
  try {
    await enforceRateLimit(predictLimiter(), clientKey(request.headers));
    const { bytes, fields } = await readImageUpload(request, ["pattern", "restrict", "lexicon", "preview"], config().MAX_UPLOAD_BYTES, LEXICON_FIELD_BYTES);
    const opts = options.safeParse(fields);
    if (!opts.success) throw new ApiError("BAD_USER_INPUT", opts.error.issues.map((i) => i.message).join("; "));
    const { preview, ...input } = opts.data;
    const result = preview ? await previewField(readDeps(), { bytes, ...input }) : await readAndStoreField(readDeps(), { bytes, ...input });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return failureResponse(err, (e) => log.error({ err: e }, "read failed"));
  }
}
