import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbedded, type EmbeddedServer } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createDb } from "../../lib/db/client";
import { registerBundledModel } from "../../lib/db/seed";
import { withDatabase } from "../../lib/db/url";
import { canvasPng } from "../fixtures/glyphs";
import { BUNDLED_MODEL } from "../helpers/app";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { startServer, type RunningServer } from "../helpers/server";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Distinct canvas drawings: six glyphs, each in its own rotation. */
const drawings = (n: number) => Promise.all(Array.from({ length: n }, (_, i) => canvasPng(["4", "7", "L", "T", "O", "X"][i % 6], { rotate: (i % 60) - 30 + i / 1000 })));

const upload = (url: string, png: Buffer) => {
  const form = new FormData();
  form.append("image", new Blob([new Uint8Array(png)], { type: "image/png" }), "drawing.png");
  return fetch(`${url}/api/predict`, { method: "POST", body: form });
};

describe("nothing acknowledged is lost", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase();
    await registerBundledModel(t.db, BUNDLED_MODEL);
  });
  afterAll(() => t.drop());

  it("kill -9 of the web server during 200 concurrent uploads: every upload answered 200 is stored byte for byte", async () => {
    const images = await drawings(200);
    let server: RunningServer = await startServer({ DATABASE_URL: t.url, RATE_LIMIT_PER_MINUTE: "0", IMAGE_QUEUE_MAX: "400" });
    let answered = 0;
    const results = images.map((png) =>
      upload(server.url, png)
        .then(async (res) => {
          const body = res.ok ? ((await res.json()) as { id: number }) : undefined;
          if (body && ++answered === 60) process.kill(server.pid, "SIGKILL");
          return { png, id: body?.id };
        })
        .catch(() => ({ png, id: undefined })),
    );
    const done = await Promise.all(results);
    const acknowledged = done.filter((r) => r.id !== undefined);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(acknowledged.length).toBeLessThan(200); // the kill did cut some off
    server = await startServer({ DATABASE_URL: t.url });
    try {
      const rows = await t.db.sample.findMany({ where: { id: { in: acknowledged.map((r) => r.id!) } }, select: { id: true, original: true, sha256: true } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(acknowledged.filter((r) => !byId.has(r.id!) || !Buffer.from(byId.get(r.id!)!.original!).equals(r.png)).length).toBe(0);
      // and the restarted server answers
      expect((await upload(server.url, images[0])).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it("uploads answer 503 at once while MariaDB is down, and the server recovers by itself when it returns", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-fault-db-"));
    let db: EmbeddedServer = await startEmbedded({ dir, database: "handprint_fault" });
    const url = withDatabase(db.serverUrl, "handprint_fault");
    await migrate(url);
    const client = createDb(url);
    await registerBundledModel(client, BUNDLED_MODEL);
    const server = await startServer({ DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: "0" });
    try {
      const images = await drawings(12);
      expect((await upload(server.url, images[0])).status).toBe(200);
      await db.stop();
      const started = Date.now();
      const down = await Promise.all(images.slice(1, 6).map((png) => upload(server.url, png)));
      expect(down.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
      expect(Date.now() - started).toBeLessThan(15_000); // refused, not left hanging
      db = await startEmbedded({ dir, database: "handprint_fault", port: db.port });
      const deadline = Date.now() + 30_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200) {
        status = (await upload(server.url, images[6])).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 500));
      }
      expect(status).toBe(200);
      // no half-written rows: the uploads refused while it was down left nothing behind
      const stored = await client.sample.findMany({ select: { sha256: true } });
      const refused = new Set(images.slice(1, 6).map(sha));
      expect(stored.filter((r) => refused.has(r.sha256))).toEqual([]);
    } finally {
      await server.stop();
      await client.$disconnect();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
