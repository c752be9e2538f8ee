// npm run eval -- --model models/handprint-balanced47.onnx --data data/generated [--split test] [--source-split balanced] [--json]
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readSplit } from "../datasets/idx";
import { cardPathFor, parseCard } from "../models/card";
import { classSet } from "../models/classsets";
import { evaluate } from "../training/evaluate";

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

async function main() {
  const { values } = parseArgs({
    options: {
      model: { type: "string", default: "models/handprint-balanced47.onnx" },
      data: { type: "string" },
      split: { type: "string", default: "test" },
      "source-split": { type: "string" },
      classes: { type: "string", description: "class set of the model when it has no card" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.data) throw new Error("usage: npm run eval -- --model <model.onnx> --data <IDX folder> [--split test|train] [--source-split NAME] [--json]");
  if (values.split !== "test" && values.split !== "train") throw new Error("--split must be test or train");
  const cardPath = cardPathFor(values.model!);
  const card = existsSync(cardPath) ? parseCard(JSON.parse(readFileSync(cardPath, "utf8")), cardPath) : undefined;
  const setName = card?.classSet ?? values.classes;
  if (!setName) throw new Error(`${values.model} has no model card beside it; name its class set with --classes`);
  const classes = card?.classes ?? classSet(setName).labels;
  const data = readSplit(values.data, values.split, values["source-split"]);
  process.stderr.write(`evaluating ${values.model} (${setName}) on ${data.images.length} ${values.split} images of ${data.prefix}\n`);
  const r = await evaluate(values.model!, classes, setName, data);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`images: ${r.count} (skipped ${r.skipped} whose character the model does not know)`);
  out.push(`top-1: ${pct(r.top1)}   top-5: ${pct(r.top5)}`);
  out.push(`seed15 subset (0-9, A-E; ${r.seed15.count} images): top-1 ${pct(r.seed15.top1)}, top-1 restricted to seed15 ${pct(r.seed15.top1Restricted)}`);
  out.push("", "per class (accuracy, count):");
  const entries = Object.entries(r.perClass);
  for (let i = 0; i < entries.length; i += 6) {
    out.push(entries.slice(i, i + 6).map(([c, v]) => `${c} ${pct(v.accuracy).padStart(7)} ${String(v.count).padStart(5)}`).join("   "));
  }
  out.push("", "most confused pairs:", ...r.mostConfused.map((p) => `  ${p.pair}: ${p.errors}`));
  out.push("", "confusion matrix (rows: true, columns: predicted):");
  out.push(`    ${classes.map((c) => c.padStart(4)).join("")}`);
  r.confusion.forEach((row, i) => out.push(`${classes[i].padStart(3)} ${row.map((v) => String(v || ".").padStart(4)).join("")}`));
  process.stdout.write(`${out.join("\n")}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
