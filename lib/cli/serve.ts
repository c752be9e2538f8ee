// The body of `npm start`: database, migrations, seed, build, then the web server, stopped in order on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { config, ConfigError, resolvePath, ROOT } from "../config";
import { createDb } from "../db/client";
import { ensureAdmin, registerBundledModel } from "../db/seed";
import { buildIfStale } from "./build";
import { nextStartArgs } from "./next-start";
import { openDatabase } from "./database";

const say = (line: string) => process.stdout.write(`[handprint] ${line}\n`);

async function waitForHealth(port: number, child: ChildProcess): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      return (await res.json()) as Record<string, unknown>;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error("the web server did not answer within 120 s");
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

async function main() {
  const cfg = config();
  let stopDatabase: (() => Promise<void>) | undefined;
  let web: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    await Promise.all([web, worker].map((child) => stopChild(child)));
    if (stopDatabase) await stopDatabase();
    say("stopped");
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

  try {
    const database = await openDatabase(cfg, say);
    stopDatabase = database.stop;
    const databaseUrl = database.url;

    const db = createDb(databaseUrl);
    try {
      const admin = await ensureAdmin(db, cfg.ADMIN_USERNAME, cfg.ADMIN_PASSWORD);
      if (admin.generatedPassword) {
        say(`created the admin account "${cfg.ADMIN_USERNAME}" with the password: ${admin.generatedPassword}`);
        say("(shown only this once; set ADMIN_PASSWORD to choose it, or run `npm run admin:create`)");
      } else if (admin.created) {
        say(`created the admin account "${cfg.ADMIN_USERNAME}" with the password from ADMIN_PASSWORD`);
      }
      const model = await registerBundledModel(db, resolvePath(cfg.BUNDLED_MODEL));
      say(model.registered ? `registered the bundled model as version ${model.number} (active)` : `active model: version ${model.number}`);
    } finally {
      await db.$disconnect();
    }

    buildIfStale(say);
    if (stopping) return;

    web = spawn(process.execPath, nextStartArgs(cfg.PORT, cfg.HOST), {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    web.on("exit", (code) => {
      if (!stopping) {
        say(`the web server exited (code ${code})`);
        void shutdown(code || 1);
      }
    });
    // One training worker beside the web server; more can run anywhere with `npm run worker`.
    worker = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "lib", "cli", "worker.ts")], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    worker.on("exit", (code) => !stopping && say(`the training worker exited (code ${code}); predictions and labelling go on`));
    const health = await waitForHealth(cfg.PORT, web);
    say(`ready: http://localhost:${cfg.PORT}  (health: ${health.ok ? "ok" : JSON.stringify(health)})`);
    say("press Ctrl-C to stop");
  } catch (err) {
    process.stderr.write(`[handprint] ${err instanceof Error ? err.message : String(err)}\n`);
    await shutdown(1);
  }
}

main().catch((err) => {
  process.stderr.write(`[handprint] ${err instanceof ConfigError ? err.message : String(err)}\n`);
  process.exit(1);
});
