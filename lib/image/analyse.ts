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
export type AnalysisOutcome = { ok: true; analysis: Analysis } | { ok: false; code: ImageErrorCode; message: string };

export async function analyseUpload(bytes: Uint8Array, maxInputPixels: number): Promise<AnalysisOutcome> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const normalised = await normalise(input, { maxInputPixels });
    const png = pixelsToPng(normalised.pixels);
    const sha256 = createHash("sha256").update(input).digest("hex");
    return { ok: true, analysis: { pixels: normalised.pixels, png, sha256, contentType: CONTENT_TYPES[normalised.source.format] } };
  } catch (err) {
    if (err instanceof ImageError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

/** The field reader's image work (lib/fields/lattice.ts), in the same pool. */
export type FieldAnalysis = { lattice: Lattice; sha256: string };
export type FieldOutcome = { ok: true; analysis: FieldAnalysis } | { ok: false; code: ImageErrorCode; message: string };

export async function analyseField(bytes: Uint8Array, maxInputPixels: number): Promise<FieldOutcome> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const lattice = await buildLattice(input, { maxInputPixels });
    return { ok: true, analysis: { lattice, sha256: createHash("sha256").update(input).digest("hex") } };
  } catch (err) {
    if (err instanceof ImageError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

export function unwrap<T>(outcome: { ok: true; analysis: T } | { ok: false; code: ImageErrorCode; message: string }): T {
  if (!outcome.ok) throw new ImageError(outcome.code, outcome.message);
  return outcome.analysis;
}
