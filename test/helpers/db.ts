import { randomBytes } from "node:crypto";
import mariadb from "mariadb";
import { createDb, type Db } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { connectionOptions, withDatabase } from "../../lib/db/url";

export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error("TEST_DATABASE_SERVER_URL is not set: run the tests with `npm test`, which starts a private MariaDB");
  return url;
}

export type TestDatabase = { url: string; db: Db; drop: () => Promise<void> };

async function admin<T>(fn: (conn: mariadb.Connection) => Promise<T>): Promise<T> {
  const { database: _ignored, ...opts } = connectionOptions(withDatabase(serverUrl(), "mysql"));
  const conn = await mariadb.createConnection(opts);
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}

/** An empty database of its own for one test file; `migrated` applies prisma/migrations. */
export async function freshDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE \`${name}\``));
  const url = withDatabase(serverUrl(), name);
  if (opts.migrated ?? true) await migrate(url);
  const db = createDb(url);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``));
    },
  };
}

/** Runs SQL on a test database outside Prisma (to break it on purpose, say). */
export async function sql(url: string, statement: string): Promise<unknown> {
  const conn = await mariadb.createConnection(connectionOptions(url));
  try {
    return await conn.query(statement);
  } finally {
    await conn.end();
  }
}
