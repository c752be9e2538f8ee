import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../config";

const SOURCES = ["app", "graphql", "lib", "models/classsets.json", "next.config.js", "package-lock.json", "tsconfig.json", "package.json"];
const STAMP = path.join(ROOT, ".next", "handprint-source-hash");

function* files(p: string): Generator<string> {
  if (!existsSync(p)) return;
  if (statSync(p).isFile()) {
    yield p;
    return;
  }
  for (const entry of readdirSync(p).sort()) yield* files(path.join(p, entry));
}

/** A digest of everything the Next.js build depends on. */
function sourceHash(): string {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for (const file of files(path.join(ROOT, source))) {
      hash.update(path.relative(ROOT, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest("hex");
}

/** Runs `next build` unless the last build was made from the same sources. */
export function buildIfStale(log: (line: string) => void): void {
  const digest = sourceHash();
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8") === digest && existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  log("building the web app (next build); later starts reuse it until the sources change");
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const res = spawnSync(process.execPath, [next, "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) throw new Error("next build failed; see the messages above");
  writeFileSync(STAMP, digest);
}
