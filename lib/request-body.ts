import busboy from "busboy";
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
export async function readBodyCapped(request: Request, cap: Cap): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const total = await forEachChunk(request, cap, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks, total);
}

/** Hands each chunk of the body on as it arrives (see readBodyCapped); the bytes read. */
async function forEachChunk(request: Request, { limit, slack = 0, what = "the upload" }: Cap, onChunk: (chunk: Uint8Array) => void): Promise<number> {
  const cap = limit + slack;
  const tooLarge = (size: string) => new ApiError("PAYLOAD_TOO_LARGE", `${what} is ${size} bytes; the limit is ${limit} bytes`);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > cap) throw tooLarge(String(declared));
  if (!request.body) return 0;
  const reader = request.body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${limit}`);
    }
    onChunk(value);
  }
}

export type ImageUpload = { bytes: Buffer; fields: Record<string, string | undefined> };

/**
 * An image request as predict and read take it: multipart/form-data with an `image` (or `file`) part, or
 * the raw bytes with an image/* content type. The named options come from form fields, else the query.
 */
export async function readImageUpload(request: Request, names: readonly string[], limit: number, fieldBytes = MULTIPART_OVERHEAD): Promise<ImageUpload> {
  const url = new URL(request.url);
  const type = request.headers.get("content-type") ?? "";
  const fromQuery = Object.fromEntries(names.map((n) => [n, url.searchParams.get(n) ?? undefined]));
  if (type.startsWith("multipart/form-data")) {
    const form = await readMultipart(request, type, names, limit, fieldBytes);
    const bytes = form.files.get("image") ?? form.files.get("file");
    if (!bytes) throw new ApiError("BAD_USER_INPUT", "send the image in a form field named `image`");
    return { bytes, fields: Object.fromEntries(names.map((n) => [n, form.fields.get(n) || fromQuery[n]])) };
  }
  if (type.startsWith("image/") || type === "application/octet-stream") return { bytes: await readBodyCapped(request, { limit }), fields: fromQuery };
  throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "send multipart/form-data with an `image` field, or the image bytes with an image/* content type");
}

const FILE_FIELDS = new Set(["image", "file"]);
const MAX_PARTS = 32;
const unreadable = () => new ApiError("BAD_USER_INPUT", "the multipart body could not be read");

/**
 * The image parts and the named fields of a multipart body, parsed by busboy as the chunks arrive. Undici's
 * `formData()` buffered the body, copied the file into a Blob and out again, and cost 0.36 ms of CPU for the
 * canvas upload against 0.14 ms here (1.8 against 1.0 ms for a 1 MB photo), on the thread every request
 * passes through. The first part of each name counts; other parts are skipped unread.
 */
async function readMultipart(request: Request, type: string, names: readonly string[], limit: number, fieldBytes: number) {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": type }, limits: { fileSize: limit, fieldSize: fieldBytes, parts: MAX_PARTS } });
  } catch {
    throw unreadable(); // no boundary, or not multipart after all
  }
  const fileChunks = new Map<string, Buffer[]>();
  const fields = new Map<string, string>();
  let refusal: ApiError | undefined;
  const refuse = (err: ApiError) => (refusal ??= err);
  parser.on("file", (name, stream) => {
    // An option sent as a file would otherwise be dropped without a word, and the answer read unconstrained.
    if (names.includes(name)) refuse(new ApiError("BAD_USER_INPUT", `send \`${name.slice(0, 40)}\` as a text field, not as a file`));
    if (!FILE_FIELDS.has(name) || fileChunks.has(name)) return void stream.resume();
    const chunks: Buffer[] = [];
    fileChunks.set(name, chunks);
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("limit", () => refuse(new ApiError("PAYLOAD_TOO_LARGE", `the upload is more than ${limit} bytes; the limit is ${limit} bytes`)));
  });
  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) refuse(new ApiError("BAD_USER_INPUT", `the form field \`${name.slice(0, 40)}\` is longer than ${fieldBytes} bytes`));
    if (names.includes(name) && !fields.has(name)) fields.set(name, value);
  });
  parser.on("partsLimit", () => refuse(new ApiError("BAD_USER_INPUT", `the form has more than ${MAX_PARTS} parts`)));
  // busboy closes after every file part has ended, so each one's chunks are complete by then
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  parsed.catch(() => undefined); // awaited below; a body refused while still arriving never gets there
  // Beyond the image: the framing and small fields, and what one larger field (a lexicon) may hold past them.
  const slack = MULTIPART_OVERHEAD + Math.max(0, fieldBytes - MULTIPART_OVERHEAD);
  await forEachChunk(request, { limit, slack }, (chunk) => parser.write(chunk));
  parser.end();
  await parsed.catch(() => {
    throw unreadable(); // truncated, or a malformed part
  });
  if (refusal) throw refusal;
  const files = new Map([...fileChunks].map(([name, chunks]) => [name, Buffer.concat(chunks)]));
  return { files, fields };
}
