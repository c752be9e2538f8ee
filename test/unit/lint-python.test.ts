import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { lintPython } from "../../lib/cli/lint-python";

describe("ruff over training/", () => {
  it("finds nothing in training/, and names the file, place and rule of what it finds elsewhere", () => {
    expect(lintPython()).toEqual([]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-ruff-"));
    writeFileSync(path.join(dir, "ruff.json"), JSON.stringify({ "line-length": 160, lint: { select: ["F"] } }));
    writeFileSync(path.join(dir, "bad.py"), "def f():\n    return undefined_name\n");
    expect(lintPython(dir)).toEqual(["training/bad.py:2:12 F821 Undefined name `undefined_name`"]);
  });
});
