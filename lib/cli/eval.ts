// npm run eval -- --model models/handprint-balanced47.onnx --data ../shared/emnist [--source-split bymerge] [--restrict digits] [--json] [--matrix]
// A folder of several splits (EMNIST's test files) is scored split by split, each under the restriction
// that fits it: mnist and digits restricted to digits, letters to letters, the rest unrestricted.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Restriction } from "../inference/restrict";
import { cardPathFor, parseCard } from "../models/card";
import { classSet } from "../models/classsets";
import type { Evaluation } from "../training/evaluate";
import { evaluateFolder } from "../training/evaluate-folder";

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const RESTRICTIONS = ["digits", "letters", "upper", "lower"] as const;

function report(prefix: string, split: string, restrict: Restriction | undefined, r: Evaluation, matrix: boolean, classes: string[]): string[] {
  const out = [`== ${prefix} ${split}${restrict ? `, answer restricted to ${restrict}` : ""}`];
  out.push(`images: ${r.count} (skipped ${r.skipped} whose label the model's classes cannot express)`);
  out.push(`top-1: ${pct(r.top1)}   top-5: ${pct(r.top5)}`);
  if (!restrict) out.push(`seed15 subset (0-9, A-E; ${r.seed15.count} images): top-1 ${pct(r.seed15.top1)}, top-1 restricted to seed15 ${pct(r.seed15.top1Restricted)}`);
  out.push("", "per class (accuracy, count):");
  const entries = Object.entries(r.perClass).filter(([, v]) => v.count > 0);
  for (let i = 0; i < entries.length; i += 6) {
    out.push(entries.slice(i, i + 6).map(([c, v]) => `${c} ${pct(v.accuracy).padStart(7)} ${String(v.count).padStart(5)}`).join("   "));
  }
  out.push("", "most confused pairs (true/answered: count):", ...r.mostConfused.map((p) => `  ${p.pair}: ${p.errors}`));
  if (matrix) {
    out.push("", "confusion matrix (rows: true, columns: predicted):");
    out.push(`    ${classes.map((c) => c.padStart(4)).join("")}`);
    r.confusion.forEach((row, i) => out.push(`${classes[i].padStart(3)} ${row.map((v) => String(v || ".").padStart(4)).join("")}`));
  }
  return [...out, ""];
}

async function main() {
  const { values } = parseArgs({
    options: {
      model: { type: "string", default: "models/handprint-balanced47.onnx" },
      data: { type: "string" },
      split: { type: "string", default: "test" },
      "source-split": { type: "string" },
      restrict: { type: "string" },
      classes: { type: "string", description: "class set of the model when it has no card" },
      json: { type: "boolean", default: false },
      matrix: { type: "boolean", default: false },
    },
  });
  const usage = "usage: npm run eval -- --model <model.onnx> --data <IDX folder> [--split test|train] [--source-split NAME] [--restrict digits|letters|upper|lower] [--json] [--matrix]";
  if (!values.data) throw new Error(usage);
  if (values.split !== "test" && values.split !== "train") throw new Error("--split must be test or train");
  if (values.restrict && !(RESTRICTIONS as readonly string[]).includes(values.restrict)) throw new Error(`--restrict must be one of ${RESTRICTIONS.join(", ")}`);
  const split = values.split as "train" | "test";
  const cardPath = cardPathFor(values.model!);
  const card = existsSync(cardPath) ? parseCard(JSON.parse(readFileSync(cardPath, "utf8")), cardPath) : undefined;
  const setName = card?.classSet ?? values.classes;
  if (!setName) throw new Error(`${values.model} has no model card beside it; name its class set with --classes`);
  const classes = card?.classes ?? classSet(setName).labels;
  const results = await evaluateFolder(values.model!, classes, setName, values.data, {
    split,
    sourceSplit: values["source-split"],
    restrict: values.restrict as Restriction | undefined,
    onSplit: (prefix, images, restrict) =>
      process.stderr.write(`evaluating ${values.model} (${setName}) on ${images} ${split} images of ${prefix}${restrict ? `, restricted to ${restrict}` : ""}\n`),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : Object.fromEntries(results.map((r) => [r.prefix, r])))}\n`);
    return;
  }
  const out = results.flatMap((r) => report(r.prefix, split, r.restrict, r, values.matrix!, classes));
  if (results.length > 1) {
    out.push("== summary", ...results.map((r) => `${r.prefix.padEnd(24)} ${String(r.count).padStart(7)} images  top-1 ${pct(r.top1)}  top-5 ${pct(r.top5)}${r.restrict ? `  (restricted to ${r.restrict})` : ""}`));
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
