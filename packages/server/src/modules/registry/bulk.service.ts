import { randomUUID } from "node:crypto";
import { SystemDocumentSchema } from "@concordia/contracts";
import { diffClassifications, type SystemDocument } from "@concordia/core";
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/connection.js";
import type { Deps } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import type { RequestContext } from "../../platform/context.js";
import { appendRecord } from "../log/queries.js";
import { ensureOn } from "./access.js";
import { classify, type StoredSummary } from "./classify.service.js";
import { derivedColumns, documentHash, providerName, publicActRecord } from "./systems.service.js";
import { registryClassificationEvents, registrySystems, registrySystemVersions } from "./tables.js";

/**
 * Bulk import of AI systems (the `concordia registry import` command).
 *
 * Documents are read in batches of `batchSize`. Every document of a batch is validated against
 * SystemDocumentSchema before anything of the batch is written; the batch is then stored in ONE
 * transaction with multi-row INSERTs: the systems, their first versions, their classification
 * events (the classification summaries themselves are stored once per distinct content by
 * `classify`), one audit event for the batch and, with `publish`, one log record per system.
 *
 * Failure semantics, all or nothing per batch: the first invalid document stops the run with a
 * BulkImportError naming its position and field paths; nothing of its batch is saved, the batches
 * before it stay committed (`imported` says how many). An error of the source (unreadable input)
 * or of the database stops the run the same way. Systems have no natural key, so running the same
 * input again imports it again: resume after the last committed document instead.
 *
 * The result is what one `createSystem` per document (then submit and publish, with `publish`)
 * would have stored, except that the history has a single version whose status is the final one,
 * and the audit trail has one event per batch instead of one per system and step.
 */

export interface ImportOptions {
  /** Store the systems as published (with one log record each) instead of as drafts. */
  publish: boolean;
  /** Documents per transaction. */
  batchSize: number;
  /** After every committed batch: documents imported so far, and the total when known. */
  onProgress?(done: number, total?: number): void;
  /** The total, for onProgress, when `documents` is not an array. */
  total?: number;
  /**
   * The caller is the operator holding the database credentials (the CLI): the registry policy
   * (providers create, the secretariat publishes) is not checked. Never set for an HTTP request.
   */
  operator?: boolean;
}

export interface ImportResult {
  imported: number;
  published: boolean;
  batches: number;
  /** Distinct profiles (by their JSON text), each classified once per run. */
  distinctProfiles: number;
  /** Distinct classification results among them. */
  distinctClassifications: number;
  /** Submission numbers of the log records (publish only), first and last. */
  logSeqs: { first: number; last: number } | null;
  seconds: number;
  /** Where the time went, in milliseconds (sums over the batches). */
  timings: {
    /** Waiting for the source (reading and parsing the input). */
    read: number;
    /** SystemDocumentSchema. */
    validate: number;
    /** Search columns, document hashes, classification (cache misses only). */
    prepare: number;
    /** appendRecord, one per system (publish only). */
    log: number;
    /** The multi-row INSERTs and the audit event. */
    insert: number;
    /** BEGIN/COMMIT and the rest of the transaction. */
    commit: number;
  };
}

export interface ImportIssue {
  /** Dotted path inside the document, "" for the document itself. */
  path: string;
  message: string;
}

/** An invalid document: nothing of its batch was saved; `imported` documents before it were. */
export class BulkImportError extends Error {
  override readonly name = "BulkImportError";
  constructor(
    /** 0-based position of the document in the input. */
    readonly index: number,
    readonly issues: ImportIssue[],
    /** Documents committed before the failing batch. */
    readonly imported: number,
  ) {
    super(
      `document ${index + 1} is not a valid system document: ${issues
        .map((i) => `${i.path || "(document)"}: ${i.message}`)
        .join("; ")}`,
    );
  }
}

/** PostgreSQL takes at most 65,535 parameters per statement; multi-row INSERTs stay under it. */
const MAX_PARAMETERS = 60_000;
const MAX_ISSUES = 10;

interface Classified {
  hash: string;
  summary: StoredSummary;
  changes: unknown[];
}

/** Multi-row INSERT through drizzle, in as many statements as the parameter limit needs (narrow rows). */
async function insertRows<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[], paramsPerRow: number) {
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / paramsPerRow));
  for (let i = 0; i < rows.length; i += chunk) {
    await tx.insert(table).values(rows.slice(i, i + chunk));
  }
}

/**
 * Multi-row INSERT whose rows travel as ONE JSON parameter: `INSERT INTO t (cols) SELECT … FROM
 * jsonb_to_recordset($1) AS r(col type, …)`, the column names and types taken from the drizzle
 * table. For wide rows it is about twice as fast as drizzle's VALUES list, which builds one
 * parameter per cell (~0.15–0.3 ms of JavaScript per registry_systems row before anything is sent).
 * `rows` are keyed by column name; `exprs` computes a column from its JSON field (typed text).
 */
async function insertRecordset(
  tx: Tx,
  table: PgTable,
  columns: PgColumn[],
  rows: Record<string, unknown>[],
  exprs: Record<string, (field: SQL) => SQL> = {},
) {
  const field = (c: PgColumn) => sql`r.${sql.identifier(c.name)}`;
  await tx.execute(sql`insert into ${table} (${sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  )})
    select ${sql.join(
      columns.map((c) => exprs[c.name]?.(field(c)) ?? field(c)),
      sql`, `,
    )}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.join(
      columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(exprs[c.name] ? "text" : c.getSQLType())}`),
      sql`, `,
    )})`);
}

const S = registrySystems;
/** The columns an imported system sets (the rest take their defaults, as in createSystem). */
const SYSTEM_COLUMNS = [
  S.id,
  S.organizationId,
  S.status,
  S.version,
  S.kind,
  S.name,
  S.versionLabel,
  S.intendedPurpose,
  S.descriptionVisibility,
  S.document,
  S.search,
  S.categories,
  S.jurisdictions,
  S.sectors,
  S.classificationHash,
  S.previousClassificationHash,
  S.classifiedRevision,
  S.classifiedAt,
  S.publishedAt,
  S.logSeq,
];

interface Row {
  id: string;
  document: SystemDocument;
  profileKey: string;
  /** Set in the first stage when the profile is in the cache, else in the transaction. */
  c: Classified | undefined;
  searchText: string;
  sectors: string[];
  listed: ReturnType<typeof derivedColumns>["listed"];
  /** SHA-256 of the canonical document (publish only: it goes into the log record). */
  documentSha256: string | null;
}

/** What the first stage found wrong with a document. */
interface Invalid {
  index: number;
  issues: ImportIssue[];
}

/** What an import needs of the app: the database and the catalog (the CLI has no mailer or log service). */
export interface ImportCall {
  deps: Pick<Deps, "database" | "catalog">;
  ctx: RequestContext;
}

export interface ImportInput extends ImportOptions {
  organizationId: string;
  documents: AsyncIterable<unknown> | Iterable<unknown>;
}

export async function importSystems(call: ImportCall, input: ImportInput): Promise<ImportResult> {
  const { ctx } = call;
  const { organizationId, documents, ...opts } = input;
  const db = call.deps.database.db;
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1) throw new Error("batchSize must be at least 1");
  if (!opts.operator) {
    ensureOn("create", ctx, organizationId);
    if (opts.publish) ensureOn("publish", ctx, organizationId);
  }
  const catalog = await call.deps.catalog(db);
  const started = performance.now();
  const total = opts.total ?? (Array.isArray(documents) ? documents.length : undefined);
  const provider = await providerName(db, organizationId);
  const status = opts.publish ? ("published" as const) : ("draft" as const);
  /** Per distinct profile (its JSON text): its classification, computed and stored once per run. */
  const byProfile = new Map<string, Classified>();
  const timings = { read: 0, validate: 0, prepare: 0, log: 0, insert: 0, commit: 0 };
  let imported = 0;
  let batches = 0;
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;

  /**
   * First stage, before the transaction: validation, search columns, cached classifications,
   * document hashes. (Overlapping it with the previous batch's transaction was measured: no gain
   * on a 2-core machine where the database shares the cores; see bench/README.md.)
   */
  const prepareBatch = (raw: unknown[], firstIndex: number): Row[] | Invalid => {
    let t = performance.now();
    const docs: SystemDocument[] = [];
    for (let i = 0; i < raw.length; i++) {
      const parsed = SystemDocumentSchema.safeParse(raw[i]);
      if (!parsed.success) {
        timings.validate += performance.now() - t;
        return {
          index: firstIndex + i,
          issues: parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
            path: issue.path.map(String).join("."),
            message: issue.message,
          })),
        };
      }
      docs.push(parsed.data as SystemDocument);
    }
    timings.validate += performance.now() - t;
    t = performance.now();
    const rows: Row[] = [];
    for (const document of docs) {
      // The JSON text as the key: equal text is an equal profile; another key order only costs a second evaluation.
      const profileKey = JSON.stringify(document.profile);
      const { searchText, sectors, listed } = derivedColumns(document, provider);
      rows.push({
        id: randomUUID(),
        document,
        profileKey,
        c: byProfile.get(profileKey),
        searchText,
        sectors,
        listed,
        documentSha256: opts.publish ? documentHash(document) : null,
      });
    }
    timings.prepare += performance.now() - t;
    return rows;
  };

  /** Second stage: one transaction for the batch. */
  const storeBatch = async (rows: Row[], firstIndex: number) => {
    const txStart = performance.now();
    /** prepare + log + insert of this batch: the rest of the transaction's time is BEGIN/COMMIT and waiting. */
    let measured = 0;
    await db.transaction(async (tx) => {
      let t = performance.now();
      for (const r of rows) {
        if (r.c) continue;
        let c = byProfile.get(r.profileKey);
        if (!c) {
          // classify() stores the summary (once per content: ON CONFLICT DO NOTHING) in this batch's transaction.
          const { hash, summary } = await classify(tx, catalog, r.document);
          c = { hash, summary, changes: diffClassifications(null, { asOf: "", ...summary }) };
          byProfile.set(r.profileKey, c);
        }
        r.c = c;
      }
      const now = new Date();
      const prepared = performance.now() - t;

      const logSeqs: (number | null)[] = [];
      let logged = 0;
      if (opts.publish) {
        t = performance.now();
        for (const r of rows) {
          logSeqs.push(
            await appendRecord(
              tx,
              "registry.system.published",
              publicActRecord(
                { id: r.id, organizationId, version: 1 },
                provider,
                r.document,
                r.c!.summary.categories,
                r.documentSha256!,
              ),
            ),
          );
        }
        logged = performance.now() - t;
        firstSeq ??= logSeqs[0] ?? null;
        lastSeq = logSeqs.at(-1) ?? lastSeq;
      }

      t = performance.now();
      await insertRecordset(
        tx,
        registrySystems,
        SYSTEM_COLUMNS,
        rows.map((r, i) => ({
          id: r.id,
          organization_id: organizationId,
          status,
          version: 1,
          kind: r.listed.kind,
          name: r.listed.name,
          version_label: r.listed.versionLabel,
          intended_purpose: r.listed.intendedPurpose,
          description_visibility: r.listed.descriptionVisibility,
          document: r.document,
          search: r.searchText,
          categories: r.c!.summary.categories,
          jurisdictions: r.c!.summary.jurisdictions,
          sectors: r.sectors,
          classification_hash: r.c!.hash,
          previous_classification_hash: null,
          classified_revision: catalog.revision,
          classified_at: now,
          published_at: opts.publish ? now : null,
          log_seq: logSeqs[i] ?? null,
        })),
        { search: (text) => sql`to_tsvector('simple', ${text})` },
      );
      // The first version is the row just stored (its document is not sent a second time).
      const V = registrySystemVersions;
      await tx.execute(sql`insert into ${V} (${sql.identifier(V.systemId.name)}, ${sql.identifier(V.version.name)},
          ${sql.identifier(V.document.name)}, ${sql.identifier(V.status.name)}, ${sql.identifier(V.createdBy.name)},
          ${sql.identifier(V.logSeq.name)})
        select ${S.id}, ${S.version}, ${S.document}, ${S.status}, ${ctx.actor.userId}::uuid, ${S.logSeq}
        from ${S} where ${S.id} = any(${`{${rows.map((r) => r.id).join(",")}}`}::uuid[])`);
      await insertRows(
        tx,
        registryClassificationEvents,
        rows.map((r) => ({
          systemId: r.id,
          rulesRevision: catalog.revision,
          classificationHash: r.c!.hash,
          changes: r.c!.changes,
        })),
        4,
      );
      await recordAudit(tx, ctx, {
        action: "registry.system.import",
        resourceType: "ai_system",
        resourceIds: rows.map((r) => r.id),
        details: {
          count: rows.length,
          status,
          batch: batches + 1,
          firstIndex,
          ...(opts.publish ? { logSeqs: [logSeqs[0], logSeqs.at(-1)] } : {}),
        },
      });
      const inserted = performance.now() - t;
      timings.prepare += prepared;
      timings.log += logged;
      timings.insert += inserted;
      measured = prepared + logged + inserted;
    });
    timings.commit += performance.now() - txStart - measured;
    imported += rows.length;
    batches++;
    opts.onProgress?.(imported, total);
  };

  const submit = async (raw: unknown[], firstIndex: number) => {
    const prepared = prepareBatch(raw, firstIndex);
    if (!Array.isArray(prepared)) throw new BulkImportError(prepared.index, prepared.issues, imported);
    await storeBatch(prepared, firstIndex);
  };

  let batch: unknown[] = [];
  let firstIndex = 0;
  let index = 0;
  let waited = performance.now();
  for await (const raw of documents) {
    timings.read += performance.now() - waited;
    batch.push(raw);
    index++;
    if (batch.length === opts.batchSize) {
      await submit(batch, firstIndex);
      batch = [];
      firstIndex = index;
    }
    waited = performance.now();
  }
  timings.read += performance.now() - waited;
  if (batch.length > 0) await submit(batch, firstIndex);

  return {
    imported,
    published: opts.publish,
    batches,
    distinctProfiles: byProfile.size,
    distinctClassifications: new Set([...byProfile.values()].map((c) => c.hash)).size,
    logSeqs: firstSeq !== null && lastSeq !== null ? { first: firstSeq, last: lastSeq } : null,
    seconds: (performance.now() - started) / 1000,
    timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])) as ImportResult["timings"],
  };
}
