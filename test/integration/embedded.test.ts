import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbedded } from "../../lib/db/embedded";
import { sql } from "../helpers/db";

describe("embedded MariaDB", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "handprint-embedded-"));
  // A failed assertion must not leave a MariaDB child behind: it would keep jest (and CI) from exiting.
  const running: { stop: () => Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates a password-protected server once and reuses its data on the next start", async () => {
    const first = await startEmbedded({ dir, database: "keep" });
    running.push(first);
    // the app talks over the server's unix socket; the TCP port is there for other clients
    expect(first.url).toMatch(/^mysql:\/\/root:[^@]+@127\.0\.0\.1:\d+\/keep\?socket=[^&]+mariadb\.sock$/);
    expect(statSync(path.join(dir, "credentials.json")).mode & 0o777).toBe(0o600);
    await sql(first.url, "CREATE TABLE t (v INT)");
    await sql(first.url, "INSERT INTO t VALUES (42)");
    const passwordless = first.url.replace(/root:[^@]+@/, "root@");
    await expect(sql(passwordless, "SELECT 1")).rejects.toThrow(/Access denied/);
    await first.stop();

    const second = await startEmbedded({ dir, database: "keep" });
    running.push(second);
    expect(await sql(second.url, "SELECT v FROM t")).toEqual([{ v: 42 }]);
    await second.stop();
    await expect(sql(second.url, "SELECT 1")).rejects.toThrow();
  });
});
