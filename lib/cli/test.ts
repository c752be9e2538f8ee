// The body of `npm test`: type check, a private MariaDB on a free port in a temporary folder (never the
// development data), the web build the server tests use, then jest. Exits non-zero on any failure.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { config, ROOT } from "../config";
import { startEmbedded } from "../db/embedded";
import { buildIfStale } from "./build";
import { lintPython } from "./lint-python";
import { ensurePackages } from "../system-packages";

const JEST_EXIT_GRACE_S = 60;

const say = (line: string) => process.stdout.write(`[test] ${line}\n`);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  say(`$ ${[cmd, ...args].join(" ")}`);
  return spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env }).status ?? 1;
}

async function main(): Promise<number> {
  const jestArgs = process.argv.slice(2);
  // The GraphQL types (resolvers and pages) must be those of schema.graphql and the pages' operations.
  if (run(process.execPath, [path.join(ROOT, "node_modules/@graphql-codegen/cli/cjs/bin.js"), "--config", "graphql/codegen.yml", "--check"]) !== 0) {
    say("the generated GraphQL types are stale: run `npm run codegen` and commit what it writes");
    return 1;
  }
  if (run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit"]) !== 0) {
    say("type check failed");
    return 1;
  }
  const python = lintPython();
  if (python.length) {
    for (const line of python) say(line);
    say("ruff found the above in training/ (settings: training/ruff.json)");
    return 1;
  }
  const cfg = config();
  await ensurePackages(["serve", "training", "tests"], "the tests", { python: cfg.PYTHON, skipApt: cfg.SKIP_APT, log: say });
  buildIfStale(say);
  const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-test-"));
  const server = await startEmbedded({ dir, database: "handprint_test" });
  say(`private MariaDB on 127.0.0.1:${server.port} in ${dir}`);
  // Interrupted (Ctrl-C, a CI timeout): the private database goes too, not only jest.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      void server.stop().finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(130);
      });
    });
  }
  try {
    const env = {
      ...process.env,
      NODE_ENV: "test" as const,
      DATABASE_URL: server.url,
      TEST_DATABASE_SERVER_URL: server.serverUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    };
    const jest = path.join(ROOT, "node_modules/jest/bin/jest.js");
    say(`$ jest --runInBand ${jestArgs.join(" ")}`);
    // Not spawnSync: the signal handlers above must be able to run while jest does.
    const child = spawn(process.execPath, [jest, "--runInBand", ...jestArgs], {
      cwd: ROOT,
      stdio: ["inherit", "inherit", "pipe"],
      env: { ...env, ...(process.stderr.isTTY ? { FORCE_COLOR: "1" } : {}) },
    });
    return await new Promise<number>((resolve) => {
      // Something a test leaves running (a socket, a child process) keeps jest alive after its summary;
      // fail in a minute with a pointer instead of hanging until CI's limit.
      let exitWatch: NodeJS.Timeout | undefined;
      child.stderr!.on("data", (chunk: Buffer) => {
        process.stderr.write(chunk);
        if (!exitWatch && /Ran all test suites/.test(chunk.toString())) {
          exitWatch = setTimeout(() => {
            say(`jest finished its tests but did not exit within ${JEST_EXIT_GRACE_S} s: a test left something running`);
            say("find it with: npm test -- --detectOpenHandles");
            child.kill("SIGKILL");
          }, JEST_EXIT_GRACE_S * 1000);
        }
      });
      child.on("exit", (code) => {
        clearTimeout(exitWatch);
        resolve(code ?? 1);
      });
    });
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
