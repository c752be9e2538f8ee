// npm test runs this: Ruff over training/*.py with training/ruff.json, through Ruff's WebAssembly build
// (@astral-sh/ruff-wasm-nodejs): the Python tools' registry is out of reach here, the npm registry is not.
// Prints each finding as path:row:column code message; exits 1 when there is any.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import { z } from "zod";
import { ROOT } from "../config";

const Finding = z.object({ code: z.string().nullable(), message: z.string(), start_location: z.object({ row: z.number(), column: z.number() }) });

export function lintPython(dir = path.join(ROOT, "training")): string[] {
  const { _comment, ...settings } = JSON.parse(readFileSync(path.join(dir, "ruff.json"), "utf8"));
  void _comment;
  const workspace = new Workspace(settings, PositionEncoding.Utf16);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .flatMap((file) =>
      z.array(Finding).parse(workspace.check(readFileSync(path.join(dir, file), "utf8"))).map((d) => `training/${file}:${d.start_location.row}:${d.start_location.column} ${d.code ?? ""} ${d.message}`),
    );
}

if (require.main === module) {
  const findings = lintPython();
  for (const line of findings) process.stdout.write(`${line}\n`);
  process.exitCode = findings.length ? 1 : 0;
}
