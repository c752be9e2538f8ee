import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MigrationError, migrate, MIGRATIONS_DIR, readMigrations } from "../../lib/db/migrate";
import { freshDatabase, sql, type TestDatabase } from "../helpers/db";

describe("migration runner", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase({ migrated: false });
  });
  afterEach(() => t.drop());

  it("applies every migration once and keeps prisma's bookkeeping", async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect((await migrate(t.url)).applied).toEqual(migrations.map((m) => m.name));
    expect((await migrate(t.url)).applied).toEqual([]);
    const rows = (await sql(
      t.url,
      "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
    )) as Record<string, unknown>[];
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    rows.forEach((row, i) => {
      expect(row.checksum).toBe(migrations[i].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    });
    // The columns `prisma migrate deploy` reads and writes.
    const cols = (await sql(t.url, "SHOW COLUMNS FROM _prisma_migrations")) as { Field: string }[];
    expect(cols.map((c) => c.Field)).toEqual([
      "id",
      "checksum",
      "finished_at",
      "migration_name",
      "logs",
      "rolled_back_at",
      "started_at",
      "applied_steps_count",
    ]);
  });

  it("refuses a migration edited after it was applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(t.url, { dir });
    const first = (await readMigrations(dir))[0];
    writeFileSync(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrate(t.url, { dir })).rejects.toThrow(/was edited after it was applied/);
  });

  it("records a failing migration and refuses to go on until it is resolved", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const bad = path.join(dir, "29990101000000_broken");
    cpSync(path.join(MIGRATIONS_DIR, (await readMigrations())[0].name), bad, { recursive: true });
    writeFileSync(path.join(bad, "migration.sql"), "ALTER TABLE `NoSuchTable` ADD COLUMN `x` INTEGER NULL;");
    await expect(migrate(t.url, { dir })).rejects.toThrow(MigrationError);
    const rows = (await sql(t.url, "SELECT logs, finished_at FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'")) as {
      logs: string;
      finished_at: Date | null;
    }[];
    expect(rows[0].finished_at).toBeNull();
    expect(rows[0].logs).toMatch(/NoSuchTable/);
    await expect(migrate(t.url, { dir })).rejects.toThrow(/failed earlier and needs attention/);
  });
});
