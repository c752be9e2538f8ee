import { z } from "zod";
import { ApiError, failureResponse } from "../../../lib/api-errors";
import { config } from "../../../lib/config";
import { log } from "../../../lib/log";
import { clientKey, enforceRateLimit } from "../../../lib/ratelimit";
import { predictDeps, predictLimiter } from "../../../lib/runtime";
import { flag, readImageUpload } from "../../../lib/request-body";
import { predictAndStore, preview } from "../../../lib/samples/predict";

export const dynamic = "force-dynamic";

const options = z.object({
  restrict: z.enum(["digits", "letters", "upper", "lower"]).optional(),
  preview: flag,
  all: flag,
  classes: z
    .string()
    .optional()
    .transform((v) => (v ? Array.from(v.replace(/[\s,]/g, "")) : undefined)),
});

/**
 * POST /api/predict: multipart/form-data with an `image` (or `file`) field, or the raw image bytes as the
 * body with an image/* content type. Optional `restrict` (digits, letters, upper, lower) and `classes`
 * (e.g. "0123456789") as form fields or query parameters. `preview=1` answers without storing anything
 * (the page's live reading while someone draws; counted by the rate limit all the same); `all=1` adds every
 * class's probability (`all`) to the answer.
 */
export async function POST(request: Request) {
  try {
    await enforceRateLimit(predictLimiter(), clientKey(request.headers));
    const { bytes, fields } = await readImageUpload(request, ["restrict", "classes", "preview", "all"], config().MAX_UPLOAD_BYTES);
    const opts = options.safeParse(fields);
    if (!opts.success) throw new ApiError("BAD_USER_INPUT", "restrict must be one of digits, letters, upper, lower; preview and all 1 or 0");
    const { preview: previewOnly, ...input } = opts.data;
    const result = previewOnly ? await preview(predictDeps(), { bytes, ...input }) : await predictAndStore(predictDeps(), { bytes, ...input });
    // no-transform: Next.js would gzip every answer of about 2 KB, 5% of the server's time under load for a few hundred bytes saved.
    return Response.json(result, { headers: { "cache-control": "no-store, no-transform" } });
  } catch (err) {
    return failureResponse(err, (e) => log.error({ err: e }, "predict failed"));
  }
}
