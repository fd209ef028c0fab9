// The log module's query face: what other modules may ask of the log. They never read its tables.
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { logEntries } from "./tables.js";

/** The leaf index the sequencer gave a submission, or null while it is not yet integrated. */
export async function logIndexOf(db: Db | Tx, seq: number | null): Promise<number | null> {
  if (seq === null) return null;
  const [row] = await db.select({ idx: logEntries.idx }).from(logEntries).where(eq(logEntries.seq, seq));
  return row?.idx ?? null;
}

/** Leaf indexes of many submissions in one query (integrated ones only). */
export async function logIndexesOf(db: Db | Tx, seqs: readonly (number | null)[]): Promise<Map<number, number>> {
  const wanted = [...new Set(seqs.filter((s): s is number => s !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ seq: logEntries.seq, idx: logEntries.idx })
    .from(logEntries)
    .where(inArray(logEntries.seq, wanted));
  return new Map(rows.filter((r) => r.idx !== null).map((r) => [r.seq, r.idx!]));
}

/**
 * The leaf index of the submission `seq` as an SQL expression, for another module's own statement
 * (a list of a million rows cannot ask per row): `select …, ${logIndexSql(sql`r.log_seq`)} as log_index`.
 */
export const logIndexSql = (seq: SQL | SQL.Aliased | unknown): SQL =>
  sql`(select ${logEntries.idx} from ${logEntries} where ${logEntries.seq} = ${seq})`;

/** Performing a public act: append its record to the log inside the caller's transaction. */
export { appendRecord, MAX_RECORD_BYTES } from "./records.js";
