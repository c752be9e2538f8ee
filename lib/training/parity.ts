import { loadModel, runBatch } from "../inference/session";
import type { ParityFixture } from "./trainer-output";

export type ParityResult = { images: number; argmaxAgreement: number; maxAbsDiff: number; ok: boolean };

const PARITY_TOLERANCE = 1e-4;

function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i] > row[best]) best = i;
  return best;
}

/** PyTorch's probabilities (from the fixture) against onnxruntime-node's on the same images. */
export async function checkParity(onnx: string | Uint8Array, fixture: ParityFixture): Promise<ParityResult> {
  const model = await loadModel(onnx);
  const got = await runBatch(model, fixture.images.map((img) => Uint8Array.from(img)));
  let agree = 0;
  let maxAbsDiff = 0;
  got.forEach((row, i) => {
    const want = fixture.probabilities[i];
    if (argmax(row) === argmax(want)) agree++;
    for (let c = 0; c < row.length; c++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(row[c] - want[c]));
  });
  await model.session.release();
  const n = fixture.images.length;
  return { images: n, argmaxAgreement: agree / n, maxAbsDiff, ok: agree === n && maxAbsDiff < PARITY_TOLERANCE };
}
