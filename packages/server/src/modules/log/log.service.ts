import { createHash } from "node:crypto";
import {
  abilities,
  base64Decode,
  base64Encode,
  consistencyProofFromHashAt,
  DomainError,
  emptyRoot,
  ensure,
  formatCheckpoint,
  inclusionProofFromHashAt,
  invalid,
  logPolicy,
  notarizationPolicy,
  notFound,
  rootFromHashAt,
  signNote,
} from "@concordia/core";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Db } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import { userName } from "../members/queries.js";
import { appendRecord } from "./records.js";
import { createSequencer, indexOf, latestSize, SEQUENCER_LOCK_KEY, type Sequencer } from "./sequencer.js";
import type { LogIdentity } from "./signer.js";
import { logCheckpoints, logCosignatures, logEntries, logWitnesses } from "./tables.js";
import { withStoredHashes } from "./tile-store.js";

export interface LogService {
  identity: LogIdentity;
  sequencer: Sequencer;
  /** Waits until the submitted record has a leaf index, and returns it. */
  awaitIndex(seq: number): Promise<number>;
}

/** Signs the checkpoint of the empty tree once, so witnesses and monitors have a starting point. */
export async function initLog(database: Database, identity: LogIdentity) {
  await database.withAdvisoryLock(SEQUENCER_LOCK_KEY, async (db) => {
    const [any] = await db.select({ size: logCheckpoints.size }).from(logCheckpoints).limit(1);
    if (any) return;
    const note = signNote(
      formatCheckpoint({ origin: identity.origin, size: 0, rootHash: emptyRoot(), extensions: [] }),
      [identity.signer],
    );
    await db.insert(logCheckpoints).values({ size: 0, rootHash: emptyRoot(), note });
  });
}

export function createLogService(database: Database, identity: LogIdentity): LogService {
  const sequencer = createSequencer(database, identity);
  return {
    identity,
    sequencer,
    async awaitIndex(seq) {
      // Usually one pass; another process may be sequencing at the same moment.
      for (let attempt = 0; attempt < 100; attempt++) {
        await sequencer.run();
        const idx = await indexOf(database.db, seq);
        if (idx !== null) return idx;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new DomainError(
        "unavailable",
        "Log busy",
        "The record is stored but not yet integrated into the log; ask for its receipt later.",
      );
    },
  };
}

/** The checkpoint of `size` with every witness cosignature appended (C2SP: extra signature lines). */
export async function cosignedNote(db: Db, size: number): Promise<string | null> {
  const [cp] = await db.select().from(logCheckpoints).where(eq(logCheckpoints.size, size));
  if (!cp) return null;
  const lines = await db
    .select({ line: logCosignatures.line })
    .from(logCosignatures)
    .where(eq(logCosignatures.size, size));
  return cp.note + lines.map((l) => `${l.line}\n`).join("");
}

/** The log's state, with what the caller may do (`can.notarize`). */
export async function logInfo(call: Call) {
  ensure(logPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  const identity = call.deps.log.identity;
  const [cp] = await db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.size)).limit(1);
  const [pending] = await db.select({ n: count() }).from(logEntries).where(isNull(logEntries.idx));
  return {
    origin: identity.origin,
    verifierKey: identity.verifierKey,
    size: cp?.size ?? 0,
    rootHash: cp ? base64Encode(cp.rootHash) : null,
    checkpoint: cp ? await cosignedNote(db, cp.size) : null,
    checkpointAt: cp?.createdAt.toISOString() ?? null,
    pending: pending?.n ?? 0,
    can: abilities(notarizationPolicy, call.ctx.actor),
  };
}

function entryView(e: typeof logEntries.$inferSelect) {
  return {
    index: e.idx!,
    recordType: e.recordType,
    record: e.record,
    leafHash: base64Encode(e.leafHash),
    integratedAt: e.integratedAt!.toISOString(),
  };
}

async function entryAt(db: Db, index: number) {
  const [e] = await db.select().from(logEntries).where(eq(logEntries.idx, index));
  if (!e) throw notFound(`Log entry ${index}`);
  return entryView(e);
}

export async function getEntry(call: Call, input: { index: number }) {
  ensure(logPolicy, "read", call.ctx.actor);
  return entryAt(call.deps.database.db, input.index);
}

export async function listEntries(call: Call, f: { page: number; pageSize: number; type?: string }) {
  ensure(logPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  const where = and(sql`${logEntries.idx} is not null`, f.type ? eq(logEntries.recordType, f.type) : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(logEntries)
      .where(where)
      .orderBy(desc(logEntries.idx))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(logEntries).where(where),
  ]);
  return { items: rows.map(entryView), total: totals[0]?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

async function checkSize(db: Db, size: number, field: string) {
  const latest = await latestSize(db);
  if (size > latest) throw invalid(field, `the log has ${latest} entries; ${size} is beyond its latest checkpoint`);
  return latest;
}

export async function inclusionProof(call: Call, q: { index?: number; leafHash?: string; treeSize?: number }) {
  ensure(logPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  let index = q.index;
  let leaf: Uint8Array | undefined;
  if (q.leafHash !== undefined) {
    const [e] = await db
      .select({ idx: logEntries.idx, leafHash: logEntries.leafHash })
      .from(logEntries)
      .where(and(eq(logEntries.leafHash, base64Decode(q.leafHash)), sql`${logEntries.idx} is not null`))
      .orderBy(logEntries.idx)
      .limit(1);
    if (!e) throw notFound("A log entry with this leaf hash");
    index = e.idx!;
    leaf = e.leafHash;
  }
  const latest = await latestSize(db);
  const treeSize = q.treeSize ?? latest;
  if (treeSize > latest) throw invalid("querystring.treeSize", `the log has ${latest} entries`);
  if (index! >= treeSize) {
    throw invalid(
      q.leafHash ? "querystring.leafHash" : "querystring.index",
      `leaf ${index} is not in a tree of size ${treeSize}`,
    );
  }
  if (!leaf) {
    const [e] = await db.select({ leafHash: logEntries.leafHash }).from(logEntries).where(eq(logEntries.idx, index!));
    leaf = e!.leafHash;
  }
  const { proof, root } = await withStoredHashes(db, treeSize, (hashAt) => ({
    proof: inclusionProofFromHashAt(index!, treeSize, hashAt),
    root: rootFromHashAt(treeSize, hashAt),
  }));
  return {
    index: index!,
    treeSize,
    leafHash: base64Encode(leaf),
    proof: proof.map(base64Encode),
    rootHash: base64Encode(root),
  };
}

export async function consistencyProof(call: Call, { from, to }: { from: number; to: number }) {
  ensure(logPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  await checkSize(db, to, "querystring.to");
  return withStoredHashes(db, to, (hashAt) => ({
    from,
    to,
    proof: consistencyProofFromHashAt(from, to, hashAt).map(base64Encode),
    fromRoot: base64Encode(rootFromHashAt(from, hashAt)),
    toRoot: base64Encode(rootFromHashAt(to, hashAt)),
  }));
}

export async function receipt(call: Call, { index }: { index: number }) {
  ensure(logPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  const identity = call.deps.log.identity;
  const entry = await entryAt(db, index);
  const size = await latestSize(db);
  const proof = await withStoredHashes(db, size, (hashAt) => inclusionProofFromHashAt(index, size, hashAt));
  return {
    format: "concordia-receipt/v1" as const,
    origin: identity.origin,
    verifierKey: identity.verifierKey,
    index,
    recordType: entry.recordType,
    record: entry.record,
    leafHash: entry.leafHash,
    treeSize: size,
    inclusionProof: proof.map(base64Encode),
    checkpoint: (await cosignedNote(db, size))!,
  };
}

export async function listCheckpoints(call: Call, f: { page: number; pageSize: number }) {
  ensure(logPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(logCheckpoints)
      .orderBy(desc(logCheckpoints.size))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(logCheckpoints),
  ]);
  const sizes = rows.map((r) => r.size);
  const cosigs = sizes.length
    ? await db
        .select({ c: logCosignatures, name: logWitnesses.name, countryCode: logWitnesses.countryCode })
        .from(logCosignatures)
        .innerJoin(logWitnesses, eq(logWitnesses.id, logCosignatures.witnessId))
        .where(inArray(logCosignatures.size, sizes))
    : [];
  return {
    items: rows.map((r) => ({
      size: r.size,
      rootHash: base64Encode(r.rootHash),
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      cosignatures: cosigs
        .filter((c) => c.c.size === r.size)
        .map((c) => ({
          witnessId: c.c.witnessId,
          witnessName: c.name,
          countryCode: c.countryCode,
          size: c.c.size,
          timestamp: c.c.timestamp,
          receivedAt: c.c.receivedAt.toISOString(),
        })),
    })),
    total: totals[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/**
 * Notarizes a document (member delegates and the secretariat): its SHA-256 and title are logged
 * and audited in one transaction; the answer is the receipt once the log has integrated it.
 */
export async function notarize(
  call: Call,
  input: { title: string; description?: string; fileName?: string; sha256?: string; contentBase64?: string },
) {
  ensure(notarizationPolicy, "notarize", call.ctx.actor);
  const { ctx } = call;
  const sha256 = input.sha256 ?? createHash("sha256").update(Buffer.from(input.contentBase64!, "base64")).digest("hex");
  const seq = await call.deps.database.db.transaction(async (tx) => {
    const name = await userName(tx, ctx.actor.userId!);
    const seq = await appendRecord(tx, "notarization", {
      title: input.title,
      description: input.description,
      fileName: input.fileName ?? null,
      sha256,
      notarizedBy: { userId: ctx.actor.userId, name: name ?? null },
      notarizedAt: new Date().toISOString(),
    });
    await recordAudit(tx, ctx, {
      action: "log.notarize",
      resourceType: "log_entry",
      resourceIds: [String(seq)],
      details: { sha256, title: input.title },
    });
    return seq;
  });
  const index = await call.deps.log.awaitIndex(seq);
  return receipt(call, { index });
}
