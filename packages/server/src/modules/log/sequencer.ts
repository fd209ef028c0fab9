import {
  appendLeaf,
  compactRangeFromHashAt,
  compactRangeRoot,
  emptyCompactRange,
  formatCheckpoint,
  signNote,
  type TreeNode,
} from "@concordia/core";
import { asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database, Db } from "../../db/connection.js";
import type { LogIdentity } from "./signer.js";
import { logCheckpoints, logEntries } from "./tables.js";
import { storeNodes, withStoredHashes } from "./tile-store.js";

/** Names the advisory lock held by the one sequencer at a time, across every server process. */
export const SEQUENCER_LOCK_KEY = 7_263_002;
export const MAX_BATCH = 1024;

export async function latestSize(db: Db): Promise<number> {
  const [row] = await db
    .select({ size: logCheckpoints.size })
    .from(logCheckpoints)
    .orderBy(desc(logCheckpoints.size))
    .limit(1);
  return row?.size ?? 0;
}

/**
 * Integrates pending records into the tree: assigns leaf indexes in submission
 * order, stores the new tile hashes and signs one checkpoint for the new size,
 * all in one transaction under the sequencer lock. A crash anywhere rolls the
 * whole batch back (the records stay pending, nothing is signed), so no
 * acknowledged record is lost and every signed checkpoint extends the previous one.
 * Returns how many records it integrated.
 */
export async function integrateBatch(database: Database, identity: LogIdentity, maxBatch = MAX_BATCH): Promise<number> {
  // PostgreSQL: a transaction-scoped advisory lock, released by the commit itself (no extra round trips).
  // PGlite: one connection in this process, so an in-process queue does the same job.
  const locked = <T>(fn: (db: Db) => Promise<T>) =>
    database.kind === "postgres" ? fn(database.db) : database.withAdvisoryLock(SEQUENCER_LOCK_KEY, fn);
  return locked((db) =>
    db.transaction(async (tx) => {
      if (database.kind === "postgres") await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK_KEY})`);
      const pending = await tx
        .select({ seq: logEntries.seq, leafHash: logEntries.leafHash })
        .from(logEntries)
        .where(isNull(logEntries.idx))
        .orderBy(asc(logEntries.seq))
        .limit(maxBatch);
      if (pending.length === 0) return 0;
      const oldSize = await latestSize(tx as unknown as Db);
      let range =
        oldSize === 0
          ? emptyCompactRange()
          : await withStoredHashes(tx, oldSize, (hashAt) => compactRangeFromHashAt(oldSize, hashAt));
      const nodes: TreeNode[] = [];
      for (const p of pending) {
        const appended = appendLeaf(range, p.leafHash);
        range = appended.range;
        nodes.push(...appended.nodes);
      }
      await storeNodes(tx, nodes);
      const now = new Date();
      // One UPDATE for the batch, by the very rows appended above (a record committed meanwhile waits for the next batch).
      const seqs = `{${pending.map((p) => p.seq).join(",")}}`;
      await tx.execute(sql`
        update log_entries e set idx = ${oldSize} + p.ord - 1, integrated_at = ${now.toISOString()}::timestamptz
        from unnest(${seqs}::bigint[]) with ordinality as p(seq, ord)
        where e.seq = p.seq`);
      const rootHash = compactRangeRoot(range);
      const note = signNote(formatCheckpoint({ origin: identity.origin, size: range.size, rootHash, extensions: [] }), [
        identity.signer,
      ]);
      await tx.insert(logCheckpoints).values({ size: range.size, rootHash, note, createdAt: now });
      return pending.length;
    }),
  );
}

/**
 * Coalesces integration requests inside one process: callers wait for a pass
 * that started after they asked, and passes never overlap. Across processes the
 * advisory lock lets one sequencer work at a time.
 */
export function createSequencer(database: Database, identity: LogIdentity) {
  let running: Promise<void> | null = null;
  let again = false;
  let waiters: (() => void)[] = [];
  let failures: ((e: unknown) => void)[] = [];

  const pass = async () => {
    try {
      do {
        again = false;
        const current = waiters;
        const failing = failures;
        waiters = [];
        failures = [];
        try {
          while ((await integrateBatch(database, identity)) === MAX_BATCH) {}
          for (const w of current) w();
        } catch (err) {
          for (const f of failing) f(err);
        }
      } while (again || waiters.length > 0);
    } finally {
      running = null;
    }
  };

  return {
    /** Resolves once everything pending when it was called is integrated. */
    run(): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiters.push(resolve);
        failures.push(reject);
        if (running) again = true;
        else running = pass();
      });
    },
    async idle() {
      await running;
    },
  };
}
export type Sequencer = ReturnType<typeof createSequencer>;

/** Leaf index of a submitted record, once integrated. */
export async function indexOf(db: Db, seq: number): Promise<number | null> {
  const [row] = await db.select({ idx: logEntries.idx }).from(logEntries).where(eq(logEntries.seq, seq));
  return row?.idx ?? null;
}
