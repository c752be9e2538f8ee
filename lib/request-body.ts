import { z } from "zod";
import { ApiError } from "./api-errors";

/** A yes/no request option: 1 or true, 0 or false, absent = no. */
export const flag = z
  .enum(["1", "true", "0", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** Room beyond the image for a multipart body's boundaries, part headers and the small fields beside it. */
export const MULTIPART_OVERHEAD = 64 * 1024;

type Cap = {
  /** The limit people are told. */
  limit: number;
  /** Bytes allowed beyond it for framing, such as multipart boundaries and part headers. */
  slack?: number;
  what?: string;
};

/**
 * A request's body, refused as soon as it passes the cap. The declared length is checked first; a chunked
 * upload declares none, so the stream is counted as it arrives instead of being buffered whole.
 */
export async function readBodyCapped(request: Request, { limit, slack = 0, what = "the upload" }: Cap): Promise<Buffer> {
  const cap = limit + slack;
  const tooLarge = (size: string) => new ApiError("PAYLOAD_TOO_LARGE", `${what} is ${size} bytes; the limit is ${limit} bytes`);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > cap) throw tooLarge(String(declared));
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${limit}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export type ImageUpload = { bytes: Buffer; fields: Record<string, string | undefined> };

/**
 * An image request as predict and read take it: multipart/form-data with an `image` (or `file`) part, or
 * the raw bytes with an image/* content type. The named options come from form fields, else the query.
 */
export async function readImageUpload(request: Request, names: readonly string[], limit: number): Promise<ImageUpload> {
  const url = new URL(request.url);
  const type = request.headers.get("content-type") ?? "";
  const fromQuery = Object.fromEntries(names.map((n) => [n, url.searchParams.get(n) ?? undefined]));
  if (type.startsWith("multipart/form-data")) {
    const body = await readBodyCapped(request, { limit, slack: MULTIPART_OVERHEAD });
    const form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } }).formData().catch(() => {
      throw new ApiError("BAD_USER_INPUT", "the multipart body could not be read");
    });
    const file = form.get("image") ?? form.get("file");
    if (!file || typeof file === "string") throw new ApiError("BAD_USER_INPUT", "send the image in a form field named `image`");
    if (file.size > limit) throw new ApiError("PAYLOAD_TOO_LARGE", `the upload is ${file.size} bytes; the limit is ${limit} bytes`);
    const fields = Object.fromEntries(names.map((n) => [n, (form.get(n) as string | null) || fromQuery[n]]));
    return { bytes: Buffer.from(await file.arrayBuffer()), fields };
  }
  if (type.startsWith("image/") || type === "application/octet-stream") return { bytes: await readBodyCapped(request, { limit }), fields: fromQuery };
  throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "send multipart/form-data with an `image` field, or the image bytes with an image/* content type");
}
