// The body of `npm test`: type check, a private MariaDB on a free port in a temporary folder (never the
// development data), the web build the server tests use, then jest. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../config";
import { findMariadbd, startEmbedded } from "../db/embedded";
import { buildIfStale } from "./build";
import { aptInstall } from "./system-packages";

const say = (line: string) => process.stdout.write(`[test] ${line}\n`);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  say(`$ ${[cmd, ...args].join(" ")}`);
  return spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env }).status ?? 1;
}

async function main(): Promise<number> {
  const jestArgs = process.argv.slice(2);
  if (run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit"]) !== 0) {
    say("type check failed");
    return 1;
  }
  if (!findMariadbd()) aptInstall(["mariadb-server"], "the tests need MariaDB (mariadbd not found)", say);
  buildIfStale(say);
  const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-test-"));
  const server = await startEmbedded({ dir, database: "handprint_test" });
  say(`private MariaDB on 127.0.0.1:${server.port} in ${dir}`);
  try {
    const env = {
      ...process.env,
      NODE_ENV: "test" as const,
      DATABASE_URL: server.url,
      TEST_DATABASE_SERVER_URL: server.serverUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    };
    const jest = path.join(ROOT, "node_modules/jest/bin/jest.js");
    return run(process.execPath, [jest, "--runInBand", ...jestArgs], env);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[test] ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
