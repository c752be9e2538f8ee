// Usage: node --import tsx lib/training/parity-cli.ts model.onnx parity.json  (run by training/train.py)
import { readFileSync } from "node:fs";
import { checkParity, type ParityFixture } from "./parity";

async function main() {
  const [onnxPath, fixturePath] = process.argv.slice(2);
  if (!onnxPath || !fixturePath) throw new Error("usage: parity-cli.ts <model.onnx> <parity.json>");
  const result = await checkParity(onnxPath, JSON.parse(readFileSync(fixturePath, "utf8")) as ParityFixture);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(result.ok ? 0 : 1);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
