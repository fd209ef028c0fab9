import { createHash } from "node:crypto";
import type { RouteResponse } from "@concordia/contracts";
import { InstrumentSchema } from "@concordia/contracts";
import {
  abilities,
  BINDING_KINDS,
  conflict,
  DomainError,
  diffInstruments,
  ensure,
  type Instrument,
  instrumentPolicy,
  instrumentToOscalCatalog,
  notFound,
  type Requirement,
} from "@concordia/core";
import canonicalize from "canonicalize";
import { and, desc, eq, sql } from "drizzle-orm";
import { parseDocument } from "yaml";
import type { Database, Db, Tx } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import { appendRecord, logIndexesOf } from "../log/queries.js";
import { userName, userNameSql } from "../members/queries.js";
import { type CurrentInstrument, catalogOf, normalizeText } from "./catalog.js";
import { instrumentVersions } from "./tables.js";

export type InstrumentFilter = {
  q?: string;
  jurisdiction?: string;
  kind?: string;
  status?: string;
  page: number;
  pageSize: number;
};

const sha256 = (i: Instrument) =>
  createHash("sha256")
    .update(canonicalize(i) ?? "")
    .digest("hex");

function countVerify(i: Instrument): number {
  let n = i.applicationDates.filter((d) => d.verify).length + (i.verify ? 1 : 0);
  const walk = (reqs: readonly Requirement[]) => {
    for (const r of reqs) {
      if (r.verify) n++;
      if (r.children) walk(r.children);
    }
  };
  walk(i.requirements);
  return n;
}

const tokens = (q: string | undefined) => (q ? normalizeText(q).split(/\s+/).filter(Boolean) : []);

/** What the caller may do with instruments (the pages show the validate and publish buttons from it). */
function instrumentAbilities(call: Call) {
  const can = abilities(instrumentPolicy, call.ctx.actor);
  return { validate: can.validate, publish: can.publish };
}

export async function listInstruments(call: Call, f: InstrumentFilter) {
  ensure(instrumentPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  const catalog = await catalogOf(call);
  const words = tokens(f.q);
  const matching = catalog.instruments
    .map((c) => {
      const i = c.instrument;
      if (f.jurisdiction && i.jurisdiction !== f.jurisdiction && !i.jurisdiction.startsWith(`${f.jurisdiction}-`))
        return null;
      if (f.kind && i.kind !== f.kind) return null;
      if (f.status && i.status !== f.status) return null;
      if (words.length === 0) return { c, matches: undefined };
      const requirementHits = c.requirements.filter((r) => words.every((w) => r.text.includes(w))).length;
      const selfHit = words.every((w) => c.text.includes(w));
      return selfHit || requirementHits > 0 ? { c, matches: requirementHits } : null;
    })
    .filter((x): x is { c: CurrentInstrument; matches: number | undefined } => x !== null)
    .sort(
      (a, b) =>
        (b.matches ?? 0) - (a.matches ?? 0) ||
        a.c.instrument.jurisdiction.localeCompare(b.c.instrument.jurisdiction) ||
        a.c.instrument.shortTitle.localeCompare(b.c.instrument.shortTitle),
    );
  const pageItems = matching.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
  const indexes = await logIndexesOf(
    db,
    pageItems.map(({ c }) => c.logSeq),
  );
  return {
    items: pageItems.map(({ c, matches }) => ({
      ...summaryOf(c, indexes),
      ...(matches !== undefined ? { matches } : {}),
    })),
    total: matching.length,
    page: f.page,
    pageSize: f.pageSize,
    can: instrumentAbilities(call),
  };
}

function summaryOf(c: CurrentInstrument, indexes: Map<number, number>) {
  const i = c.instrument;
  return {
    id: i.id,
    version: i.version,
    shortTitle: i.shortTitle,
    titles: i.titles,
    jurisdiction: i.jurisdiction,
    issuingBody: i.issuingBody,
    kind: i.kind,
    status: i.status,
    binding: BINDING_KINDS.has(i.kind),
    dates: i.dates,
    lastReviewed: i.lastReviewed,
    summary: i.summary,
    requirementCount: c.requirements.length,
    verifyCount: countVerify(i),
    publishedAt: c.publishedAt.toISOString(),
    logIndex: c.logSeq === null ? null : (indexes.get(c.logSeq) ?? null),
  };
}

async function versionRow(db: Db, id: string, version: string | undefined) {
  const [row] = await db
    .select()
    .from(instrumentVersions)
    .where(
      version
        ? and(eq(instrumentVersions.instrumentId, id), eq(instrumentVersions.version, version))
        : eq(instrumentVersions.instrumentId, id),
    )
    .orderBy(desc(instrumentVersions.seq))
    .limit(1);
  if (!row) throw notFound(version ? `Version ${version} of instrument ${id}` : `Instrument ${id}`);
  return row;
}

export async function getInstrument(call: Call, { id, version }: { id: string; version?: string }) {
  ensure(instrumentPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  const catalog = await catalogOf(call);
  const row = await versionRow(db, id, version);
  const indexes = await logIndexesOf(db, [row.logSeq]);
  return {
    instrument: row.document,
    publishedAt: row.publishedAt.toISOString(),
    logIndex: row.logSeq === null ? null : (indexes.get(row.logSeq) ?? null),
    current: catalog.byId.get(id)?.seq === row.seq,
    can: instrumentAbilities(call),
  };
}

export async function exportOscal(call: Call, { id, version }: { id: string; version?: string }) {
  ensure(instrumentPolicy, "read", call.ctx.actor);
  const row = await versionRow(call.deps.database.db, id, version);
  return instrumentToOscalCatalog(row.document, {
    lastModified: row.publishedAt.toISOString(),
  }) as RouteResponse<"exportInstrumentOscal">;
}

export async function listVersions(call: Call, { id }: { id: string }) {
  ensure(instrumentPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  const catalog = await catalogOf(call);
  const rows = await db
    .select({
      seq: instrumentVersions.seq,
      version: instrumentVersions.version,
      publishedAt: instrumentVersions.publishedAt,
      publishedBy: instrumentVersions.publishedBy,
      logSeq: instrumentVersions.logSeq,
      document: instrumentVersions.document,
      publisherName: sql<string | null>`${userNameSql(instrumentVersions.publishedBy)}`,
    })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.instrumentId, id))
    .orderBy(desc(instrumentVersions.seq));
  if (rows.length === 0) throw notFound(`Instrument ${id}`);
  const indexes = await logIndexesOf(
    db,
    rows.map((r) => r.logSeq),
  );
  const current = catalog.byId.get(id)?.seq;
  return {
    items: rows.map((r) => ({
      version: r.version,
      publishedAt: r.publishedAt.toISOString(),
      publishedBy: r.publisherName,
      logIndex: r.logSeq === null ? null : (indexes.get(r.logSeq) ?? null),
      requirementCount: countRequirements(r.document.requirements),
      current: r.seq === current,
    })),
  };
}

function countRequirements(reqs: readonly Requirement[]): number {
  return reqs.reduce((n, r) => n + 1 + (r.children ? countRequirements(r.children) : 0), 0);
}

export async function diffVersions(call: Call, { id, from, to }: { id: string; from: string; to: string }) {
  ensure(instrumentPolicy, "read", call.ctx.actor);
  const db = call.deps.database.db;
  const [a, b] = [await versionRow(db, id, from), await versionRow(db, id, to)];
  return { id, from, to, ...diffInstruments(a.document, b.document) };
}

export type ParseResult = { instrument: Instrument | null; errors: { field: string; message: string }[] };

/** Parses and validates an uploaded instrument file; every error carries its path inside `content`. */
export function parseInstrument(format: "json" | "yaml", content: string): ParseResult {
  let data: unknown;
  if (format === "json") {
    try {
      data = JSON.parse(content);
    } catch (err) {
      return { instrument: null, errors: [{ field: "content", message: `not valid JSON: ${(err as Error).message}` }] };
    }
  } else {
    const doc = parseDocument(content, { prettyErrors: true });
    if (doc.errors.length > 0) {
      return {
        instrument: null,
        errors: doc.errors.map((e) => ({ field: "content", message: `not valid YAML: ${e.message}` })),
      };
    }
    data = doc.toJS();
  }
  const parsed = InstrumentSchema.safeParse(data);
  if (!parsed.success) {
    return {
      instrument: null,
      errors: parsed.error.issues.map((i) => ({
        field: ["content", ...i.path.map(String)].join("."),
        message: i.message,
      })),
    };
  }
  return { instrument: parsed.data, errors: [] };
}

/** Checks an instrument file without publishing it (secretariat). */
export async function validationReport(call: Call, { format, content }: { format: "json" | "yaml"; content: string }) {
  ensure(instrumentPolicy, "validate", call.ctx.actor);
  const { instrument, errors } = parseInstrument(format, content);
  return {
    valid: errors.length === 0,
    errors,
    id: instrument?.id ?? null,
    version: instrument?.version ?? null,
    requirementCount: instrument ? countRequirements(instrument.requirements) : 0,
  };
}

async function insertVersion(
  tx: Tx,
  instrument: Instrument,
  publishedBy: { userId: string | null; name: string | null },
) {
  const hash = sha256(instrument);
  const [row] = await tx
    .insert(instrumentVersions)
    .values({
      instrumentId: instrument.id,
      version: instrument.version,
      document: instrument,
      sha256: hash,
      publishedBy: publishedBy.userId,
    })
    .onConflictDoNothing()
    .returning({ seq: instrumentVersions.seq, publishedAt: instrumentVersions.publishedAt });
  if (!row) return null;
  const logSeq = await appendRecord(tx, "instrument.published", {
    instrumentId: instrument.id,
    version: instrument.version,
    shortTitle: instrument.shortTitle,
    jurisdiction: instrument.jurisdiction,
    documentSha256: hash,
    publishedBy,
    publishedAt: row.publishedAt.toISOString(),
  });
  await tx.update(instrumentVersions).set({ logSeq }).where(eq(instrumentVersions.seq, row.seq));
  return { ...row, logSeq };
}

/**
 * Publishes a new version (secretariat): stored, logged and audited in one transaction; the answer
 * carries its log index once the log has integrated the record.
 */
export async function publishInstrument(call: Call, { format, content }: { format: "json" | "yaml"; content: string }) {
  ensure(instrumentPolicy, "publish", call.ctx.actor);
  const { ctx } = call;
  const { instrument, errors } = parseInstrument(format, content);
  if (!instrument)
    throw new DomainError("invalid", "Invalid instrument", `${errors.length} error(s) in the instrument file`, errors);
  const published = await call.deps.database.db.transaction(async (tx) => {
    const name = ctx.actor.userId === null ? null : ((await userName(tx, ctx.actor.userId)) ?? null);
    const inserted = await insertVersion(tx, instrument, { userId: ctx.actor.userId, name });
    if (!inserted)
      throw conflict(
        `Version ${instrument.version} of ${instrument.id} is already published; give the new one another version`,
        "content.version",
      );
    await recordAudit(tx, ctx, {
      action: "rules.instrument.publish",
      resourceType: "instrument",
      resourceIds: [instrument.id],
      details: { version: instrument.version },
    });
    return {
      id: instrument.id,
      version: instrument.version,
      logSeq: inserted.logSeq,
      publishedAt: inserted.publishedAt.toISOString(),
    };
  });
  const logIndex = await call.deps.log.awaitIndex(published.logSeq);
  return { id: published.id, version: published.version, publishedAt: published.publishedAt, logIndex };
}

/** Loads the reviewed data files: each (id, version) not yet stored is published and logged once. */
export async function seedReferenceInstruments(
  database: Database,
  instruments: readonly Instrument[],
): Promise<number> {
  return database.withAdvisoryLock(SEED_LOCK_KEY, (db) =>
    db.transaction(async (tx) => {
      let added = 0;
      for (const instrument of instruments) {
        if (await insertVersion(tx, instrument, { userId: null, name: "reference data" })) added++;
      }
      return added;
    }),
  );
}
const SEED_LOCK_KEY = 0x52554c45; // "RULE"
