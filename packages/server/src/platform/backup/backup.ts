import { sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { latestMigrationTag } from "../../db/migrate.js";

export const BACKUP_FORMAT = "concordia-backup";
export const BACKUP_FORMAT_VERSION = 1;

/** Tables in an order that satisfies foreign keys on restore (parents first). */
export const BACKUP_TABLES = [
  "users",
  "organizations",
  "member_states",
  "memberships",
  "invitations",
  "sessions",
  "api_tokens",
  "email_tokens",
  "outbox_emails",
  "audit_events",
  "log_entries",
  "log_tiles",
  "log_checkpoints",
  "log_keys",
  "log_witnesses",
  "log_cosignatures",
  "rules_instrument_versions",
  "registry_systems",
  "registry_system_versions",
  "registry_classifications",
  "registry_classification_events",
  "registry_risks",
  "registry_risk_history",
  "registry_assessments",
  "registry_answers",
  "registry_evidence_blobs",
  "registry_evidence",
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Primary-key columns, for a stable order. */
const ORDER: Partial<Record<BackupTable, string[]>> = {
  member_states: ["code"],
  log_entries: ["seq"],
  log_tiles: ["level", "idx"],
  log_checkpoints: ["size"],
  log_keys: ["origin"],
  log_cosignatures: ["witness_id", "size"],
  rules_instrument_versions: ["seq"],
  registry_system_versions: ["system_id", "version"],
  registry_classifications: ["hash"],
  registry_answers: ["assessment_id", "question_id"],
  registry_evidence_blobs: ["sha256"],
  registry_evidence: ["organization_id", "sha256"],
};
const orderBy = (table: BackupTable) =>
  sql.join(
    (ORDER[table] ?? ["id"]).map((c) => sql`t.${sql.identifier(c)}`),
    sql`, `,
  );

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The newest migration applied when the backup was taken; a restore needs the same schema. */
  migration: string;
  exportedAt: string;
  tables: Record<BackupTable, Record<string, unknown>[]>;
}

export type Progress = (event: { table: string; done: number; total: number }) => void;

const CHUNK = 1000;

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

async function countRows(db: Db, table: BackupTable): Promise<number> {
  const r = rowsOf(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
  return Number(r[0]?.n ?? 0);
}

/**
 * Full, versioned JSON backup. Rows are read with PostgreSQL's own row_to_json,
 * in primary-key order, so the same data always gives the same file (but for exportedAt)
 * on PGlite and on a PostgreSQL server alike. Read in one repeatable-read snapshot.
 */
export async function exportBackup(db: Db, progress?: Progress): Promise<Backup> {
  return db.transaction(
    async (tx) => {
      const tables = {} as Backup["tables"];
      for (const table of BACKUP_TABLES) {
        const total = await countRows(tx as unknown as Db, table);
        const rows: Record<string, unknown>[] = [];
        for (let offset = 0; offset < total || (offset === 0 && total === 0); offset += CHUNK) {
          const chunk = rowsOf(
            await tx.execute(
              sql`select row_to_json(t) as r from ${sql.identifier(table)} t order by ${orderBy(table)} limit ${CHUNK} offset ${offset}`,
            ),
          );
          for (const c of chunk) rows.push(c.r as Record<string, unknown>);
          progress?.({ table, done: rows.length, total });
          if (total === 0) break;
        }
        tables[table] = rows;
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        migration: latestMigrationTag(),
        exportedAt: new Date().toISOString(),
        tables,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export class BackupError extends Error {}

export function checkBackup(data: unknown): Backup {
  const b = data as Partial<Backup>;
  if (!b || typeof b !== "object" || b.format !== BACKUP_FORMAT)
    throw new BackupError("not a Concordia backup (format field)");
  if (b.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `backup format version ${b.formatVersion} is not supported (expected ${BACKUP_FORMAT_VERSION})`,
    );
  }
  if (b.migration !== latestMigrationTag()) {
    throw new BackupError(`backup was taken at schema ${b.migration}, this build is at ${latestMigrationTag()}`);
  }
  if (!b.tables || typeof b.tables !== "object") throw new BackupError("backup has no tables");
  for (const t of BACKUP_TABLES) {
    if (!Array.isArray(b.tables[t])) throw new BackupError(`backup lacks table ${t}`);
  }
  return b as Backup;
}

/**
 * Restores a backup into an empty database, all or nothing (one transaction).
 * Rows go through json_populate_recordset, so PostgreSQL itself converts every
 * column back to its type.
 */
export async function importBackup(db: Db, data: unknown, progress?: Progress): Promise<Record<string, number>> {
  const backup = checkBackup(data);
  return db.transaction(async (tx) => {
    for (const table of BACKUP_TABLES) {
      if ((await countRows(tx as unknown as Db, table)) > 0) {
        throw new BackupError(`the database is not empty (table ${table} has rows); restore needs an empty database`);
      }
    }
    const counts: Record<string, number> = {};
    for (const table of BACKUP_TABLES) {
      const rows = backup.tables[table];
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
        await tx.execute(
          sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${chunk}::json)`,
        );
        progress?.({ table, done: Math.min(i + CHUNK, rows.length), total: rows.length });
      }
      counts[table] = rows.length;
    }
    // Serial columns continue after the restored rows.
    const serials: [string, string][] = [
      ["log_entries", "seq"],
      ["rules_instrument_versions", "seq"],
      ["registry_classification_events", "id"],
      ["registry_risk_history", "id"],
    ];
    for (const [table, column] of serials) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${sql.identifier(column)}), 1), max(${sql.identifier(column)}) is not null) from ${sql.identifier(table)}`,
      );
    }
    return counts;
  });
}
