import { z } from "zod";
import { ApiError, errorResponse, toApiError } from "../../../lib/api-errors";
import { config } from "../../../lib/config";
import { log } from "../../../lib/log";
import { clientKey, enforceRateLimit } from "../../../lib/ratelimit";
import { predictDeps, predictLimiter } from "../../../lib/runtime";
import { MULTIPART_OVERHEAD, readBodyCapped } from "../../../lib/request-body";
import { predictAndStore, preview } from "../../../lib/samples/predict";

export const dynamic = "force-dynamic";

const flag = z
  .enum(["1", "true", "0", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

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
    const limit = config().MAX_UPLOAD_BYTES;

    const url = new URL(request.url);
    const type = request.headers.get("content-type") ?? "";
    let bytes: Buffer;
    const query = (name: string) => url.searchParams.get(name) ?? undefined;
    let fields: Record<string, string | undefined> = { restrict: query("restrict"), classes: query("classes"), preview: query("preview"), all: query("all") };
    if (type.startsWith("multipart/form-data")) {
      const body = await readBodyCapped(request, { limit, slack: MULTIPART_OVERHEAD });
      const form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } })
        .formData()
        .catch(() => {
          throw new ApiError("BAD_USER_INPUT", "the multipart body could not be read");
        });
      const file = form.get("image") ?? form.get("file");
      if (!file || typeof file === "string") throw new ApiError("BAD_USER_INPUT", "send the image in a form field named `image`");
      if (file.size > limit) throw new ApiError("PAYLOAD_TOO_LARGE", `the upload is ${file.size} bytes; the limit is ${limit} bytes`);
      bytes = Buffer.from(await file.arrayBuffer());
      const field = (name: string) => (form.get(name) as string | null) || fields[name];
      fields = { restrict: field("restrict"), classes: field("classes"), preview: field("preview"), all: field("all") };
    } else if (type.startsWith("image/") || type === "application/octet-stream") {
      bytes = await readBodyCapped(request, { limit });
    } else {
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "send multipart/form-data with an `image` field, or the image bytes with an image/* content type");
    }
    const opts = options.safeParse(fields);
    if (!opts.success) throw new ApiError("BAD_USER_INPUT", "restrict must be one of digits, letters, upper, lower; preview and all 1 or 0");
    const { preview: previewOnly, ...input } = opts.data;
    const result = previewOnly ? await preview(predictDeps(), { bytes, ...input }) : await predictAndStore(predictDeps(), { bytes, ...input });
    // no-transform: Next.js would gzip every answer of about 2 KB, 5% of the server's time under load for a few hundred bytes saved.
    return Response.json(result, { headers: { "cache-control": "no-store, no-transform" } });
  } catch (err) {
    const apiError = toApiError(err);
    if (apiError.extra.internal) log.error({ err: String(err) }, "predict failed");
    const retry = apiError.extra.retryAfter;
    return errorResponse(apiError, retry ? { "retry-after": String(retry) } : {});
  }
}
