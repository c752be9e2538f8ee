import { createHash } from "node:crypto";
import { ImageError, type ImageErrorCode } from "./image-error";
import { buildLattice, type Lattice } from "../fields/lattice";
import { CONTENT_TYPES, normalise, pixelsToPng } from "./normalise";

/** Everything an upload needs from its bytes before the model runs: the work the image pool does. */
export type Analysis = {
  /** 784 bytes, row-major, ink = 255. */
  pixels: Uint8Array;
  /** The same 28x28 as people see it (dark ink on white). */
  png: Uint8Array;
  sha256: string;
  /** What the decoder found, never what the client claimed. */
  contentType: string;
};

/**
 * Crosses the worker boundary as plain data: a thrown ImageError would arrive as a bare Error, its code
 * (and so its HTTP status) lost, so refusals travel as values and are thrown again on the other side.
 */
export type AnalysisOutcome = Outcome<Analysis>;

export async function analyseUpload(bytes: Uint8Array, maxInputPixels: number): Promise<AnalysisOutcome> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return outcomeOf(async () => {
    const normalised = await normalise(input, { maxInputPixels });
    const png = pixelsToPng(normalised.pixels);
    const sha256 = createHash("sha256").update(input).digest("hex");
    return { pixels: normalised.pixels, png, sha256, contentType: CONTENT_TYPES[normalised.source.format] };
  });
}

/** The field reader's image work (lib/fields/lattice.ts), in the same pool. */
export type FieldAnalysis = { lattice: Lattice; sha256: string };
export type FieldOutcome = Outcome<FieldAnalysis>;

export async function analyseField(bytes: Uint8Array, maxInputPixels: number): Promise<FieldOutcome> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return outcomeOf(async () => ({ lattice: await buildLattice(input, { maxInputPixels }), sha256: createHash("sha256").update(input).digest("hex") }));
}

type Outcome<T> = { ok: true; analysis: T } | { ok: false; code: ImageErrorCode; message: string };

/** The work's result, or the ImageError it refused with, as a value that crosses the worker boundary intact. */
async function outcomeOf<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, analysis: await work() };
  } catch (err) {
    if (err instanceof ImageError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new ImageError(outcome.code, outcome.message);
  return outcome.analysis;
}
