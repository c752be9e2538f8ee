// `npm start`: makes sure the npm dependencies and the Prisma client exist, then runs lib/cli/serve.ts.
// Plain JavaScript because it runs before any dependency (tsx included) may be installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 9)) {
  console.error(`handprint needs Node.js 20.9 or newer; this is ${process.version}.`);
  process.exit(1);
}

const installed = path.join(root, "node_modules", ".package-lock.json");
const lock = path.join(root, "package-lock.json");
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log("$ npm ci   (installing the npm dependencies)");
  const res = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit", env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: "skip" } });
  if (res.status !== 0) {
    console.error("npm ci failed; see the messages above.");
    process.exit(res.status ?? 1);
  }
}

const { generateClient } = await import("./generate-client.mjs");
generateClient();

const script = process.argv[2] ?? "lib/cli/serve.ts";
const child = spawn(process.execPath, ["--import", "tsx", script, ...process.argv.slice(3)], { stdio: "inherit" });
// Ctrl-C reaches the child too (same process group); it shuts down in order and we follow it.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
