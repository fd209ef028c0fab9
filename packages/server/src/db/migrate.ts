import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Database } from "./connection.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));
/** Arbitrary constant naming the "migrations" advisory lock, shared by every instance. */
const MIGRATION_LOCK_KEY = 7_263_001;

/**
 * Applies the drizzle-kit migrations that are not yet applied, identically on
 * PGlite and PostgreSQL. Several server instances may start at once: they take
 * turns under one advisory lock, and the later ones find nothing left to do.
 * Each migration runs in its own transaction (drizzle's migrator) and is recorded
 * in drizzle.__drizzle_migrations by its hash.
 */
export async function migrate(database: Database): Promise<{ applied: number; total: number }> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return database.withAdvisoryLock(MIGRATION_LOCK_KEY, async (db) => {
    await db.execute(sql`create schema if not exists drizzle`);
    await db.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const done = await db.execute<{ created_at: string }>(
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const rows = (done as unknown as { rows: { created_at: string }[] }).rows;
    const last = rows[0] ? Number(rows[0].created_at) : -1;
    const pending = migrations.filter((m) => m.folderMillis > last);
    for (const m of pending) {
      await db.transaction(async (tx) => {
        for (const statement of m.sql) {
          if (statement.trim()) await tx.execute(sql.raw(statement));
        }
        await tx.execute(
          sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`,
        );
      });
    }
    return { applied: pending.length, total: migrations.length };
  });
}

/** Name of the newest migration, recorded in backups so a restore checks it. */
export function latestMigrationTag(): string {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return String(migrations.at(-1)?.folderMillis ?? 0);
}
