import { datasetPrefixes, hasSplit, readSplit } from "../datasets/idx";
import type { Restriction } from "../inference/restrict";
import { emnistClassSet } from "../models/classsets";
import { evaluate, type Evaluation } from "./evaluate";

export type SplitEvaluation = Evaluation & { prefix: string; split: "train" | "test"; restrict?: Restriction };

/** The restriction a split is conventionally scored under: a digits-only split asks for a digit. */
function restrictionFor(prefix: string): Restriction | undefined {
  const set = emnistClassSet(prefix);
  if (set === "digits10") return "digits";
  if (set === "letters26") return "letters";
  return undefined;
}

/**
 * Scores a model on every split of an IDX folder (or the one named), each under the restriction that fits
 * it. EMNIST's byclass and bymerge test files hold the same 116,323 images, so byclass is scored only for
 * a byclass62 model.
 */
export async function evaluateFolder(
  onnx: string | Uint8Array,
  classes: string[],
  classSetName: string,
  dir: string,
  opts: { split?: "train" | "test"; sourceSplit?: string; restrict?: Restriction; onSplit?: (prefix: string, images: number, restrict?: Restriction) => void } = {},
): Promise<SplitEvaluation[]> {
  const split = opts.split ?? "test";
  const prefixes = opts.sourceSplit
    ? [opts.sourceSplit]
    : datasetPrefixes(dir).filter((p) => hasSplit(dir, p, split) && (emnistClassSet(p) !== "byclass62" || classSetName === "byclass62"));
  if (!prefixes.length) throw new Error(`${dir}: no ${split} split found`);
  const out: SplitEvaluation[] = [];
  for (const wanted of prefixes) {
    const data = readSplit(dir, split, wanted);
    const restrict = opts.restrict ?? restrictionFor(data.prefix);
    opts.onSplit?.(data.prefix, data.images.length, restrict);
    out.push({ ...(await evaluate(onnx, classes, classSetName, data, { restrict })), prefix: data.prefix, split, restrict });
  }
  return out;
}
