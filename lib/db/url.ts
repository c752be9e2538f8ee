import type { PoolConfig } from "mariadb";
import { config } from "../config";

/** mysql://user:pass@host:port/db?socket=/path  ->  mariadb driver options. */
export function connectionOptions(databaseUrl: string): PoolConfig & { database: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL must name a database, e.g. mysql://user:pass@localhost:3306/handprint");
  const socketPath = url.searchParams.get("socket") ?? undefined;
  return {
    host: url.hostname || "localhost",
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
    socketPath,
    connectionLimit: Number(url.searchParams.get("connection_limit") ?? 10),
    connectTimeout: 3000,
    acquireTimeout: 5000,
    // Large ONNX blobs travel through this pool.
    maxAllowedPacket: 64 * 1024 * 1024,
  };
}

export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The URL with its password hidden, for logs and messages. */
export function redact(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}

/** The configured DATABASE_URL, or a message that says how to get one. */
export function configuredDatabaseUrl(): string {
  const url = config().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides a database");
  return url;
}
