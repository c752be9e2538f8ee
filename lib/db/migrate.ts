import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import mariadb from "mariadb";
import { ROOT } from "../config";
import { connectionOptions } from "./url";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, keeping the `_prisma_migrations`
 * table exactly as `prisma migrate deploy` does (same columns, sha256 checksums, one row per migration),
 * so either tool can take over from the other. An advisory lock lets several servers start at once.
 */
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS \`_prisma_migrations\` (
  \`id\` VARCHAR(36) PRIMARY KEY NOT NULL,
  \`checksum\` VARCHAR(64) NOT NULL,
  \`finished_at\` DATETIME(3),
  \`migration_name\` VARCHAR(255) NOT NULL,
  \`logs\` TEXT,
  \`rolled_back_at\` DATETIME(3),
  \`started_at\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  \`applied_steps_count\` INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

type Row = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function migrate(
  databaseUrl: string,
  opts: { dir?: string; onApply?: (name: string) => void } = {},
): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(opts.dir);
  const conn = await mariadb.createConnection({ ...connectionOptions(databaseUrl), multipleStatements: true });
  const applied: string[] = [];
  try {
    const [{ got }] = await conn.query("SELECT GET_LOCK('handprint_migrate', 60) AS got");
    if (Number(got) !== 1) throw new MigrationError("timed out waiting for another process to finish migrating");
    await conn.query(BOOKKEEPING);
    const rows: Row[] = await conn.query(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
    );
    for (const m of migrations) {
      const done = rows.filter((r) => r.migration_name === m.name && !r.rolled_back_at);
      if (done.some((r) => !r.finished_at)) {
        throw new MigrationError(
          `migration ${m.name} failed earlier and needs attention: fix the database, then mark it rolled back ` +
            `(UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE migration_name = '${m.name}')`,
        );
      }
      const finished = done.find((r) => r.finished_at);
      if (finished) {
        if (finished.checksum !== m.checksum) {
          throw new MigrationError(`migration ${m.name} was edited after it was applied; restore it and add a new migration instead`);
        }
        continue;
      }
      const id = randomUUID();
      await conn.query("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES (?, ?, ?, NOW(3))", [
        id,
        m.checksum,
        m.name,
      ]);
      try {
        await conn.query(m.sql);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await conn.query("UPDATE _prisma_migrations SET logs = ? WHERE id = ?", [message, id]);
        throw new MigrationError(`migration ${m.name} failed: ${message}`);
      }
      await conn.query("UPDATE _prisma_migrations SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?", [id]);
      applied.push(m.name);
      opts.onApply?.(m.name);
    }
  } finally {
    await conn.query("SELECT RELEASE_LOCK('handprint_migrate')").catch(() => undefined);
    await conn.end();
  }
  return { applied };
}
