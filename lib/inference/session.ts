import * as ort from "onnxruntime-node";
import { IMAGE, PIXELS } from "../models/classsets";

export type LoadedModel = {
  session: ort.InferenceSession;
  inputName: string;
  outputName: string;
};

/** An onnxruntime session for a handprint model: input [N,1,28,28] float 0..1, output probabilities. */
export async function loadModel(onnx: Uint8Array | string, threads = 1): Promise<LoadedModel> {
  const options: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
    executionMode: "sequential",
  };
  const session =
    typeof onnx === "string" ? await ort.InferenceSession.create(onnx, options) : await ort.InferenceSession.create(onnx, options);
  return { session, inputName: session.inputNames[0], outputName: session.outputNames[0] };
}

/** Runs a batch of 28x28 uint8 images (ink = 255) and returns one probability row per image. */
export async function runBatch(model: LoadedModel, images: Uint8Array[]): Promise<Float32Array[]> {
  return rowsOf(await runBatchFlat(model, images), images.length);
}

/** runBatch's probabilities as onnxruntime gives them: the rows end to end, [images x classes]. */
export async function runBatchFlat(model: LoadedModel, images: Uint8Array[]): Promise<Float32Array> {
  const pixels = PIXELS;
  const input = new Float32Array(images.length * pixels);
  images.forEach((img, i) => {
    for (let p = 0; p < pixels; p++) input[i * pixels + p] = img[p] / 255;
  });
  const feeds = { [model.inputName]: new ort.Tensor("float32", input, [images.length, 1, IMAGE.height, IMAGE.width]) };
  const result = await model.session.run(feeds);
  return result[model.outputName].data as Float32Array;
}

/** The rows of `count` images' probabilities laid end to end (views, not copies). */
export function rowsOf(flat: Float32Array, count: number): Float32Array[] {
  const classes = flat.length / count;
  return Array.from({ length: count }, (_, i) => flat.subarray(i * classes, (i + 1) * classes));
}
