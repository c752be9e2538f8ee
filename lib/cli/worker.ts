// npm run worker: executes training runs queued in the database (several workers may share it).
import { config } from "../config";
import { createDb } from "../db/client";
import { Worker } from "../training/worker";
import { openDatabase } from "./database";

const say = (line: string) => process.stderr.write(`[worker] ${line}\n`);

async function main() {
  const cfg = config();
  const database = await openDatabase(cfg, say);
  const db = createDb(database.url);
  const worker = new Worker(db, cfg);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    worker.stop();
    await worker.forget().catch(() => undefined);
    // A run in progress on this worker goes back to the queue for another worker to take.
    await db.trainingRun.updateMany({ where: { workerId: worker.id, status: "running" }, data: { status: "queued", workerId: null } });
    await db.$disconnect();
    await database.stop();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
  say(`worker ${worker.id} waiting for training runs`);
  await worker.run();
}

main().catch((err) => {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
