// npm run bench:abuse : against `next start` with its own private MariaDB, what abuse costs other users:
//   - a GraphQL query of 1,000 aliases of datasetStats: how fast it is refused, and /api/health meanwhile;
//   - 1,000 sign-in attempts from one client with random usernames, one at a time and 16 at a time:
//     predict p99 during each flood against its quiet value.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "../../lib/auth/password";
import { buildIfStale } from "../../lib/cli/build";
import { createDb } from "../../lib/db/client";
import { startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { registerBundledModel } from "../../lib/db/seed";
import { now, summary } from "../../lib/timing";
import { glyphPng } from "../fixtures/glyphs";
import { startServer } from "../helpers/server";

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = now();
  await fn();
  return now() - t;
}

/** Predictions one after another from one client until `until` resolves (or `count` are done). */
async function predictLoop(url: string, images: Buffer[], opts: { count?: number; until?: Promise<unknown> }): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void opts.until?.then(() => (done = true));
  for (let i = 0; !done && (opts.count === undefined || i < opts.count); i++) {
    const body = new Uint8Array(images[i % images.length]);
    times.push(await timed(async () => (await fetch(`${url}/api/predict`, { method: "POST", headers: { "content-type": "image/png", "x-forwarded-for": "10.0.0.1" }, body })).arrayBuffer()));
  }
  return times;
}

async function main() {
  buildIfStale((line) => console.log(line));
  const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-bench-"));
  const dbServer = await startEmbedded({ dir, database: "bench" });
  await migrate(dbServer.url);
  const db = createDb(dbServer.url);
  await registerBundledModel(db, "models/handprint-balanced47.onnx");
  await db.user.create({ data: { username: "admin", role: "admin", passwordHash: await hashPassword("a long admin password") } });
  await db.$disconnect();
  const server = await startServer({ DATABASE_URL: dbServer.url, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "warn" });
  try {
    const images = await Promise.all(Array.from({ length: 32 }, (_, i) => glyphPng(["4", "7", "L", "O"][i % 4], { size: 120 + i })));
    await predictLoop(server.url, images, { count: 50 }); // warm-up

    // 1. The alias flood, with /api/health probed while it is answered.
    const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: datasetStats { byStatus { key count } bySource { key count } }`).join(" ")} }`;
    const refusals: number[] = [];
    const health: number[] = [];
    for (let i = -1; i < 20; i++) { // the first round warms up and is not counted
      const flood = timed(async () => {
        const res = await fetch(`${server.url}/api/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: aliases }) });
        if (res.status !== 400) throw new Error(`the alias query was answered with ${res.status}, not refused`);
        await res.arrayBuffer();
      });
      const healthMs = await timed(async () => (await fetch(`${server.url}/api/health`)).arrayBuffer());
      const refusalMs = await flood;
      if (i < 0) continue;
      health.push(healthMs);
      refusals.push(refusalMs);
    }

    // 2. Predict latency, quiet and during floods of 1,000 sign-ins with random usernames from one client:
    //    one request at a time (one client, one connection), then 16 at a time.
    const quiet = await predictLoop(server.url, images, { count: 300 });
    const floods: { concurrency: number; times: number[]; statuses: Record<number, number> }[] = [];
    for (const concurrency of [1, 16]) {
      let attempts = 0;
      const statuses: Record<number, number> = {};
      const clientIp = `10.66.0.${concurrency}`;
      const flood = Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (attempts < 1000) {
            attempts++;
            const res = await fetch(`${server.url}/api/auth/login`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-forwarded-for": clientIp },
              body: JSON.stringify({ username: `user${Math.random().toString(36).slice(2)}`, password: "guess" }),
            });
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            await res.arrayBuffer();
          }
        }),
      );
      const times = await predictLoop(server.url, images, { until: flood });
      await flood;
      floods.push({ concurrency, times, statuses });
    }

    const q = summary(quiet);
    console.table([
      { measure: "1,000-alias datasetStats query refused (20 tries)", p50_ms: summary(refusals).p50, max_ms: Math.max(...refusals).toFixed(1), target: "< 100 ms" },
      { measure: "/api/health while it is refused", p50_ms: summary(health).p50, max_ms: Math.max(...health).toFixed(1), target: "< 50 ms" },
      { measure: `predict, quiet (${q.n})`, p50_ms: q.p50, p99_ms: q.p99 },
      ...floods.map((f) => {
        const d = summary(f.times);
        return { measure: `predict during 1,000 sign-ins, ${f.concurrency} at a time (${d.n})`, p50_ms: d.p50, p99_ms: d.p99, ratio_p99: (d.p99 / q.p99).toFixed(2), target: "p99 within 2x quiet" };
      }),
    ]);
    for (const f of floods) console.log(`sign-in answers, ${f.concurrency} at a time: ${JSON.stringify(f.statuses)}`);
  } finally {
    await server.stop();
    await dbServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
