import { createHash } from "node:crypto";
import {
  type ClassificationSummary,
  diffClassifications,
  type SystemDocument,
  summarizeEvaluation,
} from "@concordia/core";
import canonicalize from "canonicalize";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import type { Catalog } from "../rules/queries.js";
import { registryClassificationEvents, registryClassifications, registrySystems } from "./tables.js";

export type StoredSummary = Omit<ClassificationSummary, "asOf">;

const today = () => new Date().toISOString().slice(0, 10);

/** Classifies a document with the current instruments; the summary is stored once per content. */
export async function classify(tx: Tx | Db, catalog: Catalog, document: SystemDocument) {
  const { asOf: _asOf, ...summary } = summarizeEvaluation(
    catalog.rules.evaluate(document.profile, { asOf: today(), traces: false }),
  );
  const hash = createHash("sha256")
    .update(canonicalize(summary) ?? "")
    .digest("hex");
  await tx.insert(registryClassifications).values({ hash, summary }).onConflictDoNothing();
  return { hash, summary };
}

export async function loadSummaries(db: Db | Tx, hashes: (string | null)[]): Promise<Map<string, StoredSummary>> {
  const wanted = [...new Set(hashes.filter((h): h is string => h !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(registryClassifications).where(inArray(registryClassifications.hash, wanted));
  return new Map(rows.map((r) => [r.hash, r.summary]));
}

/**
 * Stores a new classification on the system row and in its history, with what changed since the
 * previous one (no event when nothing did, unless it is the first).
 */
export async function applyClassification(
  tx: Tx,
  systemId: string,
  previousHash: string | null,
  next: { hash: string; summary: StoredSummary },
  revision: number,
) {
  const previous = previousHash ? ((await loadSummaries(tx, [previousHash])).get(previousHash) ?? null) : null;
  const changes = diffClassifications(previous ? { asOf: "", ...previous } : null, { asOf: "", ...next.summary });
  const changed = previousHash !== next.hash;
  await tx
    .update(registrySystems)
    .set({
      classificationHash: next.hash,
      ...(changed ? { previousClassificationHash: previousHash } : {}),
      categories: next.summary.categories,
      jurisdictions: next.summary.jurisdictions,
      classifiedRevision: revision,
      classifiedAt: new Date(),
    })
    .where(eq(registrySystems.id, systemId));
  if (changed || previousHash === null) {
    await tx
      .insert(registryClassificationEvents)
      .values({ systemId, rulesRevision: revision, classificationHash: next.hash, changes });
  }
  return changes;
}

/**
 * Re-classifies up to `limit` systems classified with older instruments. Rows are claimed with
 * SKIP LOCKED, so several instances share the work without doing any twice.
 */
export async function reclassifyStale(db: Db, catalog: Catalog, limit = 200): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: registrySystems.id, document: registrySystems.document, hash: registrySystems.classificationHash })
      .from(registrySystems)
      .where(lt(registrySystems.classifiedRevision, catalog.revision))
      .orderBy(asc(registrySystems.classifiedRevision))
      .limit(limit)
      .for("update", { skipLocked: true });
    for (const row of rows) {
      const next = await classify(tx, catalog, row.document);
      await applyClassification(tx, row.id, row.hash, next, catalog.revision);
    }
    return rows.length;
  });
}

export async function classificationHistory(db: Db, systemId: string) {
  const rows = await db
    .select()
    .from(registryClassificationEvents)
    .where(eq(registryClassificationEvents.systemId, systemId))
    .orderBy(desc(registryClassificationEvents.id))
    .limit(100);
  return {
    items: rows.map((r) => ({
      evaluatedAt: r.evaluatedAt.toISOString(),
      rulesRevision: r.rulesRevision,
      changes: r.changes as ReturnType<typeof diffClassifications>,
    })),
  };
}

/** The latest event's changes (what changed since the previous evaluation). */
export async function latestChanges(db: Db, systemId: string) {
  const [row] = await db
    .select({ changes: registryClassificationEvents.changes })
    .from(registryClassificationEvents)
    .where(and(eq(registryClassificationEvents.systemId, systemId), sql`true`))
    .orderBy(desc(registryClassificationEvents.id))
    .limit(1);
  return (row?.changes ?? []) as ReturnType<typeof diffClassifications>;
}
