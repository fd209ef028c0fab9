import { createHash, randomUUID } from "node:crypto";
import {
  DEFAULT_VISIBILITY,
  type LifecycleAction,
  nextStatus,
  type SystemDocument,
  searchDocument,
  summarizeRisks,
  viewerLevel,
} from "@concordia/core";
import canonicalize from "canonicalize";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { recordAudit } from "../../platform/audit/service.js";
import { auditEvents } from "../../platform/audit/tables.js";
import type { RequestContext } from "../../platform/context.js";
import { conflict, HttpProblem } from "../../platform/http/problem.js";
import { appendRecord } from "../log/records.js";
import { logEntries } from "../log/tables.js";
import { organizations } from "../members/tables.js";
import type { Catalog } from "../rules/catalog.js";
import { allowed, ensureOn, projectFor, type SystemRow, visibleSystem } from "./access.js";
import { applyClassification, classify, latestChanges, loadSummaries } from "./classify.service.js";
import { registryRisks, registrySystems, registrySystemVersions } from "./tables.js";

/**
 * The columns derived from a document: its search text and sectors, from the publicly visible
 * fields only (so a search never reveals hidden ones), and the fields lists show (search.service.ts).
 */
export function derivedColumns(doc: SystemDocument, providerName: string) {
  const visibility = { ...DEFAULT_VISIBILITY, ...doc.visibility };
  const texts: (string | undefined)[] = [doc.name, providerName];
  if (visibility.description === "public") {
    texts.push(doc.intendedPurpose, doc.description);
    for (const t of Object.values(doc.translations ?? {})) texts.push(t?.name, t?.intendedPurpose, t?.description);
  }
  return {
    searchText: searchDocument(texts),
    sectors: visibility.profile === "public" ? [...(doc.profile.purposes ?? [])] : [],
    listed: {
      kind: doc.kind,
      name: doc.name,
      versionLabel: doc.versionLabel,
      intendedPurpose: doc.intendedPurpose,
      descriptionVisibility: visibility.description,
    },
  };
}

export async function logIndexOf(db: Db | Tx, seq: number | null): Promise<number | null> {
  if (seq === null) return null;
  const [row] = await db.select({ idx: logEntries.idx }).from(logEntries).where(eq(logEntries.seq, seq));
  return row?.idx ?? null;
}

export async function providerName(db: Db | Tx, organizationId: string): Promise<string> {
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org)
    throw new HttpProblem(400, "Invalid request", "body.organizationId: no such organization", [
      { field: "body.organizationId", message: "no such organization" },
    ]);
  return org.name;
}

/** SHA-256 of the canonical (RFC 8785) document, as the log records it. */
export const documentHash = (doc: SystemDocument) =>
  createHash("sha256")
    .update(canonicalize(doc) ?? "")
    .digest("hex");

/** The log record of a public act on a system (publication, public update, withdrawal). */
export function publicActRecord(
  system: { id: string; organizationId: string; version: number },
  provider: string,
  doc: SystemDocument,
  categories: string[],
  documentSha256 = documentHash(doc),
) {
  return {
    systemId: system.id,
    organizationId: system.organizationId,
    provider,
    name: doc.name,
    versionLabel: doc.versionLabel,
    version: system.version,
    documentSha256,
    categories,
    at: new Date().toISOString(),
  };
}

async function logPublicAct(
  tx: Tx,
  type: string,
  row: SystemRow,
  provider: string,
  doc: SystemDocument,
  categories: string[],
) {
  return appendRecord(tx, type, publicActRecord(row, provider, doc, categories));
}

export async function createSystem(
  db: Db,
  catalog: Catalog,
  ctx: RequestContext,
  organizationId: string,
  document: SystemDocument,
) {
  ensureOn("create", ctx, organizationId);
  return db.transaction(async (tx) => {
    const provider = await providerName(tx, organizationId);
    const id = randomUUID();
    const { searchText, sectors, listed } = derivedColumns(document, provider);
    await tx.insert(registrySystems).values({
      id,
      organizationId,
      status: "draft",
      version: 1,
      ...listed,
      document,
      search: sql`to_tsvector('simple', ${searchText})`,
      categories: [],
      jurisdictions: [],
      sectors,
    });
    await tx
      .insert(registrySystemVersions)
      .values({ systemId: id, version: 1, document, status: "draft", createdBy: ctx.actor.userId });
    await applyClassification(tx, id, null, await classify(tx, catalog, document), catalog.revision);
    await recordAudit(tx, ctx, {
      action: "registry.system.create",
      resourceType: "ai_system",
      resourceIds: [id],
      details: { name: document.name },
    });
    return id;
  });
}

export async function updateSystem(
  db: Db,
  catalog: Catalog,
  ctx: RequestContext,
  id: string,
  document: SystemDocument,
  changeNote?: string,
) {
  return db.transaction(async (tx) => {
    const row = await visibleSystem(tx, ctx, id, { forUpdate: true, write: true });
    ensureOn("update", ctx, row.organizationId);
    if (row.status !== "draft" && row.status !== "published") {
      throw conflict(
        `A ${row.status} system cannot be edited; ${row.status === "submitted" ? "wait for the review" : "reopen it first"}`,
      );
    }
    const provider = await providerName(tx, row.organizationId);
    const version = row.version + 1;
    const { searchText, sectors, listed } = derivedColumns(document, provider);
    await tx
      .update(registrySystems)
      .set({
        version,
        ...listed,
        document,
        search: sql`to_tsvector('simple', ${searchText})`,
        sectors,
        updatedAt: new Date(),
      })
      .where(eq(registrySystems.id, id));
    const next = await classify(tx, catalog, document);
    const changes = await applyClassification(tx, id, row.classificationHash, next, catalog.revision);
    let logSeq: number | null = null;
    if (row.status === "published") {
      logSeq = await logPublicAct(
        tx,
        "registry.system.updated",
        { ...row, version },
        provider,
        document,
        next.summary.categories,
      );
      await tx.update(registrySystems).set({ logSeq }).where(eq(registrySystems.id, id));
    }
    await tx.insert(registrySystemVersions).values({
      systemId: id,
      version,
      document,
      status: row.status,
      changeNote: changeNote ?? null,
      createdBy: ctx.actor.userId,
      logSeq,
    });
    await recordAudit(tx, ctx, {
      action: "registry.system.update",
      resourceType: "ai_system",
      resourceIds: [id],
      details: { version, classificationChanges: changes.length },
    });
    return logSeq;
  });
}

const ACTION_POLICY: Record<LifecycleAction, "submit" | "publish" | "reject" | "withdraw" | "update"> = {
  submit: "submit",
  publish: "publish",
  reject: "reject",
  withdraw: "withdraw",
  reopen: "update",
};

export async function transitionSystem(
  db: Db,
  ctx: RequestContext,
  id: string,
  action: LifecycleAction,
  note?: string,
) {
  return db.transaction(async (tx) => {
    const row = await visibleSystem(tx, ctx, id, { forUpdate: true, write: true });
    ensureOn(ACTION_POLICY[action], ctx, row.organizationId);
    const to = nextStatus(row.status, action);
    if (!to) throw conflict(`Cannot ${action} a ${row.status} system`, "body.action");
    let logSeq = row.logSeq;
    if (action === "publish" || (action === "withdraw" && row.status === "published")) {
      const provider = await providerName(tx, row.organizationId);
      logSeq = await logPublicAct(
        tx,
        action === "publish" ? "registry.system.published" : "registry.system.withdrawn",
        row,
        provider,
        row.document,
        row.categories,
      );
    }
    await tx
      .update(registrySystems)
      .set({
        status: to,
        logSeq,
        updatedAt: new Date(),
        ...(action === "publish" ? { publishedAt: new Date() } : {}),
      })
      .where(eq(registrySystems.id, id));
    if (logSeq !== row.logSeq) {
      await tx
        .update(registrySystemVersions)
        .set({ logSeq, status: to })
        .where(sql`${registrySystemVersions.systemId} = ${id} and ${registrySystemVersions.version} = ${row.version}`);
    }
    await recordAudit(tx, ctx, {
      action: `registry.system.${action}`,
      resourceType: "ai_system",
      resourceIds: [id],
      details: { from: row.status, to, ...(note ? { note } : {}) },
    });
    return logSeq !== row.logSeq ? logSeq : null;
  });
}

const LIFECYCLE_ACTIONS = Object.keys(ACTION_POLICY) as LifecycleAction[];
const REVIEW_ACTIONS = ["submit", "reject", "publish"] as const;

/** The latest submission or review decision of a system, from the audit trail (with the secretariat's note). */
async function latestReview(db: Db, id: string) {
  const [event] = await db
    .select({ action: auditEvents.action, at: auditEvents.at, details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.resourceType, "ai_system"),
        sql`${auditEvents.resourceIds} @> array[${id}]::text[]`,
        inArray(
          auditEvents.action,
          REVIEW_ACTIONS.map((a) => `registry.system.${a}`),
        ),
      ),
    )
    .orderBy(desc(auditEvents.at))
    .limit(1);
  if (!event) return null;
  const note = event.details.note;
  return {
    action: event.action.replace("registry.system.", "") as (typeof REVIEW_ACTIONS)[number],
    at: event.at.toISOString(),
    note: typeof note === "string" && note !== "" ? note : null,
  };
}

/** The system as this caller may see it. */
export async function systemView(db: Db, catalog: Catalog, ctx: RequestContext, id: string) {
  const row = await visibleSystem(db, ctx, id);
  const level = viewerLevel(ctx.actor, row.organizationId);
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId));
  const { document, hidden } = projectFor(ctx.actor, row);
  const summary = row.classificationHash
    ? (await loadSummaries(db, [row.classificationHash])).get(row.classificationHash)
    : undefined;
  const risks = await db
    .select({
      likelihood: registryRisks.likelihood,
      impact: registryRisks.impact,
      residualLikelihood: registryRisks.residualLikelihood,
      residualImpact: registryRisks.residualImpact,
      status: registryRisks.status,
    })
    .from(registryRisks)
    .where(eq(registryRisks.systemId, id));
  return {
    id: row.id,
    provider: org!,
    status: row.status,
    version: row.version,
    document,
    hidden: hidden as never[],
    canEdit: allowed("update", ctx, row.organizationId) && (row.status === "draft" || row.status === "published"),
    canWriteRisks: allowed("writeRisks", ctx, row.organizationId),
    allowedActions: LIFECYCLE_ACTIONS.filter(
      (a) => nextStatus(row.status, a) !== null && allowed(ACTION_POLICY[a], ctx, row.organizationId),
    ),
    review: level === "owner" || level === "secretariat" ? await latestReview(db, id) : null,
    classification: summary
      ? {
          evaluatedAt: (row.classifiedAt ?? row.updatedAt).toISOString(),
          rulesRevision: row.classifiedRevision,
          stale: row.classifiedRevision < catalog.revision,
          ...summary,
          changes: await latestChanges(db, id),
        }
      : null,
    riskSummary: summarizeRisks(risks),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    logIndex: await logIndexOf(db, row.logSeq),
  };
}

export async function listVersions(db: Db, ctx: RequestContext, id: string) {
  const row = await visibleSystem(db, ctx, id);
  const level = viewerLevel(ctx.actor, row.organizationId);
  const rows = await db
    .select({
      version: registrySystemVersions.version,
      document: registrySystemVersions.document,
      status: registrySystemVersions.status,
      changeNote: registrySystemVersions.changeNote,
      createdAt: registrySystemVersions.createdAt,
      logSeq: registrySystemVersions.logSeq,
      createdBy: sql<
        string | null
      >`(select "users"."name" from "users" where "users"."id" = ${registrySystemVersions.createdBy})`,
    })
    .from(registrySystemVersions)
    .where(eq(registrySystemVersions.systemId, id))
    .orderBy(desc(registrySystemVersions.version));
  const owner = level === "owner" || level === "secretariat";
  // The public sees the versions that were public (published, or published then withdrawn).
  const visible = owner ? rows : rows.filter((r) => r.logSeq !== null);
  const items = [];
  for (const r of visible) {
    items.push({
      version: r.version,
      versionLabel: r.document.versionLabel,
      createdAt: r.createdAt.toISOString(),
      createdBy: owner ? r.createdBy : null,
      changeNote: r.changeNote,
      status: r.status,
      logIndex: await logIndexOf(db, r.logSeq),
    });
  }
  return { items };
}

export async function requireSystemRowVisible(db: Db, ctx: RequestContext, id: string): Promise<SystemRow> {
  return visibleSystem(db, ctx, id);
}

export function hiddenGroups(ctx: RequestContext, row: SystemRow): string[] {
  return projectFor(ctx.actor, row).hidden;
}
