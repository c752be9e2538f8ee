import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale } from "../../lib/cli/build";
import { createDb } from "../../lib/db/client";
import { startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { registerBundledModel } from "../../lib/db/seed";
import { startServer, type RunningServer } from "./server";

/** The app as `npm start` serves it, on a private embedded database with the bundled model, for a benchmark. */
export async function startBenchApp(env: Record<string, string> = {}): Promise<{ server: RunningServer; dbPid: number; stop: () => Promise<void> }> {
  buildIfStale((line) => console.log(line)); // measure the sources as they are
  const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-bench-"));
  const dbServer = await startEmbedded({ dir, database: "bench" });
  await migrate(dbServer.url);
  const db = createDb(dbServer.url);
  await registerBundledModel(db, "models/handprint-balanced47.onnx");
  await db.$disconnect();
  const server = await startServer({ DATABASE_URL: dbServer.url, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "warn", ...env });
  return {
    server,
    dbPid: dbServer.pid,
    stop: async () => {
      await server.stop();
      await dbServer.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
