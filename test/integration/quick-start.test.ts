import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/db/embedded";
import { glyphPng } from "../fixtures/glyphs";

/** The README's `npm start`, as a new user runs it: embedded database, bundled model, web server, worker, Ctrl-C. */
describe("npm start", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "handprint-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("serves predictions on the embedded database with the bundled model, and Ctrl-C stops everything", async () => {
    const port = await freePort();
    const { DATABASE_URL: _testDatabase, ...env } = process.env;
    const child = spawn(process.execPath, ["lib/cli/start.mjs"], {
      env: { ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, ADMIN_PASSWORD: "first admin password" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 50_000;
      while (!output.includes("[handprint] ready:")) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(output).toContain('created the admin account "admin" with the password from ADMIN_PASSWORD');
      expect(output).toContain("registered the bundled model as version 1 (active)");
      expect(output).toContain("(health: ok)");

      const form = new FormData();
      form.append("image", new Blob([new Uint8Array(await glyphPng("7", { size: 240 }))], { type: "image/png" }), "seven.png");
      const res = await fetch(`http://127.0.0.1:${port}/api/predict`, { method: "POST", body: form });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ label: "7", model: { version: 1 } });
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    expect(output).toContain("[handprint] stopped");
    // the embedded MariaDB went with it: its pid file is gone and the port is closed
    expect(existsSync(path.join(dataDir, "mariadb", "data", "handprint.pid"))).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });
});
