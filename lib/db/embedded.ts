import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import mariadb from "mariadb";
import { withDatabase } from "./url";

/**
 * A private MariaDB server in a folder of ours: created on first use, started as a child process,
 * stopped with the app. Never the system service.
 */

const SEARCH_DIRS = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/usr/libexec", "/opt/homebrew/bin"];

function findExecutable(names: string[]): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), ...SEARCH_DIRS];
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export const findMariadbd = () => findExecutable(["mariadbd", "mysqld"]);
const findInstallDb = () => findExecutable(["mariadb-install-db", "mysql_install_db"]);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type EmbeddedOptions = {
  /** Folder for the data files, the socket and the credentials. */
  dir: string;
  /** 0 = any free port. */
  port?: number;
  database?: string;
  onLog?: (line: string) => void;
};

export type EmbeddedServer = {
  url: string;
  /** URL of the server with no database selected (for creating test databases). */
  serverUrl: string;
  port: number;
  pid: number;
  stop: () => Promise<void>;
};

type Credentials = { user: string; password: string };

function tail(text: string, lines = 15): string {
  return text.trim().split("\n").slice(-lines).join("\n");
}

/** The app talks to its own server over the unix socket: cheaper per query than TCP on loopback. */
function embeddedUrl(creds: Credentials, port: number, socket: string): string {
  return `mysql://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/?socket=${encodeURIComponent(socket)}`;
}

/** The unix socket path must stay short (108 bytes on Linux), so long folders put it in the temp dir. */
function socketPath(dir: string): string {
  const inside = path.join(dir, "mariadb.sock");
  if (inside.length < 100) return inside;
  return path.join(os.tmpdir(), `handprint-${randomBytes(6).toString("hex")}.sock`);
}

function initialise(dataDir: string, onLog: (line: string) => void): void {
  const installDb = findInstallDb();
  if (!installDb) throw new Error("mariadb-install-db was not found; install the mariadb-server package");
  onLog(`creating a new MariaDB data folder in ${dataDir}`);
  const args = [
    "--no-defaults",
    `--datadir=${dataDir}`,
    "--auth-root-authentication-method=normal",
    "--skip-test-db",
    "--skip-name-resolve",
    // Without it the script refuses to run where neither the host name nor "localhost" resolves (a
    // minimal container or chroot with no /etc/hosts), although the server never resolves names here.
    "--force",
  ];
  if (process.getuid?.() === 0) args.push("--user=root");
  const res = spawnSync(installDb, args, { encoding: "utf8" });
  if (res.status !== 0) {
    throw new Error(`mariadb-install-db failed (exit ${res.status}):\n${tail(`${res.stdout}\n${res.stderr}`)}`);
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A server already running on this data folder: another handprint command's (reused, since one data
 * folder can only have one server), or one left behind by a process that was killed (stopped).
 */
function runningServer(dir: string, dataDir: string, onLog: (line: string) => void): { port: number } | undefined {
  const pidFile = path.join(dataDir, "handprint.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8"));
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return undefined;
  }
  if (!cmdline.includes(dataDir)) return undefined;
  const ownerFile = path.join(dir, "owner.json");
  const owner = existsSync(ownerFile) ? (JSON.parse(readFileSync(ownerFile, "utf8")) as { pid: number; port: number }) : undefined;
  if (owner && alive(owner.pid)) {
    onLog(`sharing the MariaDB server (port ${owner.port}) that process ${owner.pid} started on this data folder`);
    return { port: owner.port };
  }
  onLog(`stopping a MariaDB server (pid ${pid}) left running by an earlier run`);
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && existsSync(`/proc/${pid}`)) spawnSync("sleep", ["0.1"]);
  return undefined;
}

async function connectAsRoot(opts: mariadb.ConnectionConfig, password: string): Promise<mariadb.Connection> {
  try {
    return await mariadb.createConnection({ ...opts, password, connectTimeout: 1000 });
  } catch {
    return await mariadb.createConnection({ ...opts, password: "", connectTimeout: 1000 });
  }
}

/** A fresh data folder has a password-less root: give it our password, and keep root to loopback. */
async function securePasswordlessRoot(opts: mariadb.ConnectionConfig, password: string): Promise<void> {
  let conn: mariadb.Connection;
  try {
    conn = await mariadb.createConnection({ ...opts, password: "", connectTimeout: 1000 });
  } catch {
    return; // already secured
  }
  try {
    const hosts: { Host: string }[] = await conn.query("SELECT Host FROM mysql.user WHERE User = 'root'");
    for (const { Host } of hosts) {
      if (["localhost", "127.0.0.1", "::1"].includes(Host)) {
        await conn.query("ALTER USER 'root'@? IDENTIFIED BY ?", [Host, password]);
      } else {
        await conn.query("DROP USER IF EXISTS 'root'@?", [Host]);
      }
    }
  } finally {
    await conn.end();
  }
}

async function waitForConnection(opts: mariadb.ConnectionConfig, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited: number | null = null;
  child.once("exit", (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) throw new Error(`MariaDB exited during start-up (code ${exited}):\n${tail(log())}`);
    try {
      const conn = await connectAsRoot(opts, (opts.password as string) ?? "");
      await conn.end();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`MariaDB did not accept connections within 60 s: ${String(err)}\n${tail(log())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const onLog = options.onLog ?? (() => undefined);
  const mariadbd = findMariadbd();
  if (!mariadbd) throw new Error("mariadbd was not found; install the mariadb-server package");
  const dir = path.resolve(options.dir);
  const dataDir = path.join(dir, "data");
  mkdirSync(dir, { recursive: true });
  const credsFile = path.join(dir, "credentials.json");
  const database = options.database ?? "handprint";
  const shared = runningServer(dir, dataDir, onLog);
  if (shared) {
    const creds = JSON.parse(readFileSync(credsFile, "utf8")) as Credentials;
    const conn = await mariadb.createConnection({ host: "127.0.0.1", port: shared.port, user: creds.user, password: creds.password });
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
    await conn.end();
    const serverUrl = embeddedUrl(creds, shared.port, socketPath(dir));
    return { url: withDatabase(serverUrl, database), serverUrl, port: shared.port, pid: 0, stop: async () => undefined };
  }
  if (!existsSync(path.join(dataDir, "mysql"))) initialise(dataDir, onLog);

  const port = options.port || (await freePort());
  const socket = socketPath(dir);
  const args = [
    "--no-defaults",
    `--datadir=${dataDir}`,
    `--socket=${socket}`,
    `--port=${port}`,
    "--bind-address=127.0.0.1",
    `--pid-file=${path.join(dataDir, "handprint.pid")}`,
    "--skip-name-resolve",
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_unicode_ci",
    "--max-allowed-packet=256M",
    "--innodb-buffer-pool-size=256M",
    "--innodb-flush-log-at-trx-commit=2",
    "--skip-log-bin",
  ];
  if (process.getuid?.() === 0) args.push("--user=root");
  let output = "";
  // Own process group: Ctrl-C reaches the app, which then stops the database in order.
  const child = spawn(mariadbd, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const rootOpts = { host: "127.0.0.1", port, user: "root" };
  try {
    // The password is written down before it is set, so a crash between the two cannot lock us out.
    if (!existsSync(credsFile)) {
      writeFileSync(credsFile, JSON.stringify({ user: "root", password: randomBytes(18).toString("base64url") }), { mode: 0o600 });
    }
    const creds = JSON.parse(readFileSync(credsFile, "utf8")) as Credentials;
    await waitForConnection({ ...rootOpts, password: creds.password }, child, () => output);
    await securePasswordlessRoot(rootOpts, creds.password);
    const conn = await mariadb.createConnection({ ...rootOpts, password: creds.password });
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
    await conn.end();
    const serverUrl = embeddedUrl(creds, port, socket);
    writeFileSync(path.join(dir, "owner.json"), JSON.stringify({ pid: process.pid, port }));
    let stopped: Promise<void> | undefined;
    const stop = () =>
      (stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 60_000).unref();
      }));
    return { url: withDatabase(serverUrl, database), serverUrl, port, pid: child.pid!, stop };
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
}
