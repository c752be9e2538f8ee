import { ApiError } from "./api-errors";

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
