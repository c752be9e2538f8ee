// node --import tsx test/bench/predict-http.ts [seconds per case] : end-to-end POST /api/predict against
// `next start` (the production build) with its own private MariaDB; latency p50/p99 and throughput.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../../lib/db/client";
import { startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { registerBundledModel } from "../../lib/db/seed";
import { glyphPng, simulatedPhoto } from "../fixtures/glyphs";
import { startServer } from "../helpers/server";
import { now, summary } from "./stats";

async function load(url: string, bodies: Buffer[], clients: number, seconds: number) {
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        const form = new FormData();
        form.append("image", new Blob([new Uint8Array(bodies[next++ % bodies.length])], { type: "image/png" }), "x");
        const t = now();
        const res = await fetch(`${url}/api/predict`, { method: "POST", body: form });
        await res.arrayBuffer();
        if (res.ok) times.push(now() - t);
        else failed++;
      }
    }),
  );
  return { ...summary(times), failed, perSecond: Math.round(times.length / seconds) };
}

async function main() {
  const seconds = Number(process.argv[2] ?? 10);
  const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-bench-"));
  const dbServer = await startEmbedded({ dir, database: "bench" });
  await migrate(dbServer.url);
  const db = createDb(dbServer.url);
  await registerBundledModel(db, "models/handprint-balanced47.onnx");
  await db.$disconnect();
  const server = await startServer({ DATABASE_URL: dbServer.url, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "warn" });
  try {
    // Distinct images so that every request stores a new sample, as real traffic does.
    const small = await Promise.all(Array.from({ length: 64 }, (_, i) => glyphPng(["4", "7", "L", "O", "T", "X"][i % 6], { size: 120 + i })));
    const photos = await Promise.all(Array.from({ length: 8 }, (_, i) => simulatedPhoto("4", 2400 + i, i)));
    console.log(`small PNG ~${Math.round(small[0].length / 1024)} KB; photo ~${(photos[0].length / 1e6).toFixed(2)} MB JPEG 2400x2400`);
    await load(server.url, small, 4, 2); // warm-up
    const rows: Record<string, unknown>[] = [];
    for (const clients of [1, 8, 64]) rows.push({ image: "small PNG", clients, ...(await load(server.url, small, clients, seconds)) });
    for (const clients of [1, 8]) rows.push({ image: "1 MB photo", clients, ...(await load(server.url, photos, clients, seconds)) });
    console.table(rows);
  } finally {
    await server.stop();
    await dbServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
