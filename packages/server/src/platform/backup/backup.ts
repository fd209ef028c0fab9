import { sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { latestMigrationTag } from "../../db/migrate.js";
import type { BackupPlan, BackupTablePlan } from "./plan.js";

export const BACKUP_FORMAT = "concordia-backup";
export const BACKUP_FORMAT_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The newest migration applied when the backup was taken; a restore needs the same schema. */
  migration: string;
  exportedAt: string;
  /**
   * "omitted" (the default): credentials and keys are replaced by placeholders (see SECRET_COLUMNS);
   * "included": taken with `includeSecrets` (concordia export --include-secrets). Absent in
   * backups of earlier versions, which included them.
   */
  secrets?: "included" | "omitted";
  tables: Record<string, Record<string, unknown>[]>;
}

export interface ExportOptions {
  /** Keep password hashes, session/token/invitation hashes and the log's signing key (default: leave them out). */
  includeSecrets?: boolean;
}

/** Placeholder of a password hash left out: not a PHC string, so no password matches it (the owner resets it). */
export const OMITTED_PASSWORD_HASH = "!omitted-from-backup: reset the password";
/**
 * Placeholder of the log's signing key left out. A server restored from such a backup signs the
 * log only with CONCORDIA_LOG_SIGNER_KEY; without it, it refuses to start (the log must not change
 * its key silently) until the key is provided (or the log_keys row is deleted to start a new identity).
 */
export const OMITTED_LOG_SIGNER_KEY = "OMITTED-FROM-BACKUP: set CONCORDIA_LOG_SIGNER_KEY";
const omittedHash = (row: Row) => `omitted:${String(row.id)}`;

type Row = Record<string, unknown>;
/** Links carrying a secret (email verification, password reset, invitation) in the text of an email. */
const LINK_SECRET = /(token=|\/invite\/)[A-Za-z0-9_-]{16,}/g;

/**
 * What a backup leaves out unless asked for, per table, and why. Rows stay (so accounts, token
 * listings and invitations are restored, and foreign keys hold); their secrets become placeholders
 * that match nothing, and what they granted is marked as ended (at its own creation time, so the
 * same data still gives the same file). Idempotent: a backup of a restored backup is the same.
 */
export const SECRET_COLUMNS: Readonly<Record<string, { why: string; redact(row: Row): Row }>> = {
  users: {
    why: "password_hash: argon2id hashes can be attacked offline; restored accounts set a new password by reset",
    redact: (row) => ({ ...row, password_hash: OMITTED_PASSWORD_HASH }),
  },
  sessions: {
    why: "secret_hash, csrf_token: a copy of the database must not accept the live browser sessions; restored ones are expired",
    redact: (row) => ({ ...row, secret_hash: omittedHash(row), csrf_token: "omitted", expires_at: row.created_at }),
  },
  api_tokens: {
    why: "secret_hash: a copy must not accept the live API tokens; restored tokens are listed as revoked (their owners make new ones)",
    redact: (row) => ({ ...row, secret_hash: omittedHash(row), revoked_at: row.revoked_at ?? row.created_at }),
  },
  email_tokens: {
    why: "secret_hash: verification and reset links must not work on a copy; restored ones are expired (ask for a new link)",
    redact: (row) => ({ ...row, secret_hash: omittedHash(row), expires_at: row.created_at }),
  },
  invitations: {
    why: "secret_hash: invitation links must not work on a copy; pending invitations are restored revoked (invite again)",
    redact: (row) => ({
      ...row,
      secret_hash: omittedHash(row),
      revoked_at: row.accepted_at === null ? (row.revoked_at ?? row.created_at) : row.revoked_at,
    }),
  },
  outbox_emails: {
    why: "text: the links in queued and sent emails carry the tokens themselves (live on the original server)",
    redact: (row) => ({
      ...row,
      text: typeof row.text === "string" ? row.text.replace(LINK_SECRET, "$1omitted-from-backup") : row.text,
    }),
  },
  log_keys: {
    why: "signer_key: whoever holds it can sign checkpoints in the log's name",
    redact: (row) => ({ ...row, signer_key: OMITTED_LOG_SIGNER_KEY }),
  },
};

export type Progress = (event: { table: string; done: number; total: number }) => void;

const CHUNK = 1000;

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

const orderBy = (table: BackupTablePlan) =>
  sql.join(
    table.orderBy.map((c) => sql`t.${sql.identifier(c)}`),
    sql`, `,
  );

async function countRows(db: Db, table: string): Promise<number> {
  const r = rowsOf(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
  return Number(r[0]?.n ?? 0);
}

/**
 * Full, versioned JSON backup. Rows are read with PostgreSQL's own row_to_json,
 * in primary-key order, so the same data always gives the same file (but for exportedAt)
 * on PGlite and on a PostgreSQL server alike. Read in one repeatable-read snapshot.
 */
export async function exportBackup(
  db: Db,
  plan: BackupPlan,
  progress?: Progress,
  options: ExportOptions = {},
): Promise<Backup> {
  const includeSecrets = options.includeSecrets === true;
  return db.transaction(
    async (tx) => {
      const tables = {} as Backup["tables"];
      for (const t of plan.tables) {
        const table = t.name;
        const total = await countRows(tx as unknown as Db, table);
        const rows: Record<string, unknown>[] = [];
        for (let offset = 0; offset < total || (offset === 0 && total === 0); offset += CHUNK) {
          const chunk = rowsOf(
            await tx.execute(
              sql`select row_to_json(t) as r from ${sql.identifier(table)} t order by ${orderBy(t)} limit ${CHUNK} offset ${offset}`,
            ),
          );
          const redact = includeSecrets ? undefined : SECRET_COLUMNS[table]?.redact;
          for (const c of chunk) rows.push(redact ? redact(c.r as Row) : (c.r as Row));
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
        secrets: includeSecrets ? "included" : "omitted",
        tables,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export class BackupError extends Error {}

export function checkBackup(data: unknown, plan: BackupPlan): Backup {
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
  for (const t of plan.tables) {
    if (!Array.isArray(b.tables[t.name])) throw new BackupError(`backup lacks table ${t.name}`);
  }
  return b as Backup;
}

/**
 * Restores a backup into an empty database, all or nothing (one transaction).
 * Rows go through json_populate_recordset, so PostgreSQL itself converts every
 * column back to its type.
 */
export async function importBackup(
  db: Db,
  data: unknown,
  plan: BackupPlan,
  progress?: Progress,
): Promise<Record<string, number>> {
  const backup = checkBackup(data, plan);
  return db.transaction(async (tx) => {
    for (const { name: table } of plan.tables) {
      if ((await countRows(tx as unknown as Db, table)) > 0) {
        throw new BackupError(`the database is not empty (table ${table} has rows); restore needs an empty database`);
      }
    }
    const counts: Record<string, number> = {};
    for (const { name: table } of plan.tables) {
      const rows = backup.tables[table]!;
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
    for (const t of plan.tables) {
      for (const column of t.serials) {
        await tx.execute(
          sql`select setval(pg_get_serial_sequence(${t.name}, ${column}), coalesce(max(${sql.identifier(column)}), 1), max(${sql.identifier(column)}) is not null) from ${sql.identifier(t.name)}`,
        );
      }
    }
    return counts;
  });
}
