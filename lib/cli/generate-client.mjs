// Generates the Prisma client into lib/db/generated when it is missing or older than the schema.
// Plain JavaScript: it runs from npm's postinstall and from the start bootstrap, before tsx is there.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const schema = path.join(root, "prisma", "schema.prisma");
const client = path.join(root, "lib", "db", "generated", "client.ts");

export function generateClient({ force = false } = {}) {
  if (!force && existsSync(client) && statSync(client).mtimeMs >= statSync(schema).mtimeMs) return;
  // prisma generate only checks that a schema engine file exists; it never runs it (we cannot download it).
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  const res = spawnSync(process.execPath, [cli, "generate", "--schema", schema], { env, stdio: ["ignore", "pipe", "inherit"] });
  if (res.status !== 0) {
    process.stderr.write(res.stdout ?? "");
    throw new Error("prisma generate failed");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    generateClient({ force: process.argv.includes("--force") });
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
