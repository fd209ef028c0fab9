import { createHash, randomUUID } from "node:crypto";
import {
  abilities,
  conflict,
  DEFAULT_VISIBILITY,
  invalid,
  type LifecycleAction,
  nextStatus,
  registryPolicy,
  type SystemDocument,
  searchDocument,
  summarizeRisks,
  viewerLevel,
} from "@concordia/core";
import canonicalize from "canonicalize";
import { desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import { appendRecord, logIndexesOf, logIndexOf } from "../log/queries.js";
import { organizationName, userNameSql } from "../members/queries.js";
import { catalogOf } from "../rules/queries.js";
import { ensureOn, projectFor, type SystemRow, visibleSystem } from "./access.js";
import {
  applyClassification,
  classificationHistory,
  classify,
  latestChanges,
  loadSummaries,
} from "./classify.service.js";
import { resetStatsCache } from "./search.service.js";
import { registryReviews, registryRisks, registrySystems, registrySystemVersions } from "./tables.js";

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

/** The provider's name, inside the caller's transaction (400 on body.organizationId when there is none). */
export async function providerName(db: Db | Tx, organizationId: string): Promise<string> {
  const name = await organizationName(db, organizationId);
  if (name === undefined) throw invalid("body.organizationId", "no such organization");
  return name;
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

export interface SystemInput {
  organizationId: string;
  document: SystemDocument;
}

/** Registers a draft (the organization's providers): stored, classified and audited; returns its id. */
export async function registerSystem(call: Call, { organizationId, document }: SystemInput): Promise<string> {
  const { ctx } = call;
  ensureOn("create", ctx, organizationId);
  const catalog = await catalogOf(call);
  return call.deps.database.db.transaction(async (tx) => {
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

/** Registers a draft and answers with the system as the caller sees it. */
export async function createSystem(call: Call, input: SystemInput) {
  const id = await registerSystem(call, input);
  return systemView(call, { id });
}

export interface UpdateInput {
  id: string;
  document: SystemDocument;
  changeNote?: string;
}

/** Saves a new version; returns the log submission when the change was a public act (else null). */
export async function saveVersion(call: Call, { id, document, changeNote }: UpdateInput): Promise<number | null> {
  const { ctx } = call;
  const catalog = await catalogOf(call);
  return call.deps.database.db.transaction(async (tx) => {
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

/** After a public act, waits until the log has integrated the record, so the answer carries its index. */
async function integrated(call: Call, seq: number | null) {
  if (seq !== null) await call.deps.log.awaitIndex(seq);
}

/** Saves a new version and answers with the system (its log index once a public change is integrated). */
export async function updateSystem(call: Call, input: UpdateInput) {
  await integrated(call, await saveVersion(call, input));
  return systemView(call, { id: input.id });
}

const ACTION_POLICY: Record<LifecycleAction, "submit" | "publish" | "reject" | "withdraw" | "update"> = {
  submit: "submit",
  publish: "publish",
  reject: "reject",
  withdraw: "withdraw",
  reopen: "update",
};

const REVIEW_ACTIONS = ["submit", "reject", "publish"] as const;
type ReviewAction = (typeof REVIEW_ACTIONS)[number];
const isReview = (a: LifecycleAction): a is ReviewAction => (REVIEW_ACTIONS as readonly string[]).includes(a);

export interface TransitionInput {
  id: string;
  action: LifecycleAction;
  note?: string;
}

/** Moves a system through its lifecycle; returns the new log submission of a public act (else null). */
export async function changeStatus(call: Call, { id, action, note }: TransitionInput): Promise<number | null> {
  const { ctx } = call;
  return call.deps.database.db.transaction(async (tx) => {
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
    if (isReview(action)) {
      await tx.insert(registryReviews).values({ systemId: id, action, note: note ? note : null, by: ctx.actor.userId });
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

/** Moves a system through its lifecycle and answers with it (its log index once a public act is integrated). */
export async function transitionSystem(call: Call, input: TransitionInput) {
  await integrated(call, await changeStatus(call, input));
  resetStatsCache();
  return systemView(call, { id: input.id });
}

const LIFECYCLE_ACTIONS = Object.keys(ACTION_POLICY) as LifecycleAction[];

/** The latest submission or review decision of a system, with the secretariat's note. */
async function latestReview(db: Db, id: string) {
  const [review] = await db
    .select({ action: registryReviews.action, at: registryReviews.at, note: registryReviews.note })
    .from(registryReviews)
    .where(eq(registryReviews.systemId, id))
    .orderBy(desc(registryReviews.at), desc(registryReviews.id))
    .limit(1);
  if (!review) return null;
  return { action: review.action, at: review.at.toISOString(), note: review.note ? review.note : null };
}

/** What the caller may do with the system, from the policy table (the page shows exactly these actions). */
function systemAbilities(can: Record<keyof typeof registryPolicy, boolean>) {
  return {
    update: can.update,
    submit: can.submit,
    withdraw: can.withdraw,
    publish: can.publish,
    reject: can.reject,
    readRisks: can.readRisks || can.readAllRisks,
    writeRisks: can.writeRisks,
    readAssessments: can.readAssessments || can.readAllRisks,
    writeAssessments: can.writeAssessments,
  };
}

/** The system as this caller may see it. */
export async function systemView(call: Call, { id }: { id: string }) {
  const { ctx } = call;
  const db = call.deps.database.db;
  const row = await visibleSystem(db, ctx, id);
  const catalog = await catalogOf(call);
  const level = viewerLevel(ctx.actor, row.organizationId);
  const provider = { id: row.organizationId, name: (await organizationName(db, row.organizationId))! };
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
  const policy = abilities(registryPolicy, ctx.actor, { organizationId: row.organizationId });
  const can = systemAbilities(policy);
  return {
    id: row.id,
    provider,
    status: row.status,
    version: row.version,
    document,
    hidden: hidden as never[],
    canEdit: can.update && (row.status === "draft" || row.status === "published"),
    canWriteRisks: can.writeRisks,
    allowedActions: LIFECYCLE_ACTIONS.filter((a) => nextStatus(row.status, a) !== null && policy[ACTION_POLICY[a]]),
    can,
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

export async function listVersions(call: Call, { id }: { id: string }) {
  const { ctx } = call;
  const db = call.deps.database.db;
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
      createdBy: sql<string | null>`${userNameSql(registrySystemVersions.createdBy)}`,
    })
    .from(registrySystemVersions)
    .where(eq(registrySystemVersions.systemId, id))
    .orderBy(desc(registrySystemVersions.version));
  const owner = level === "owner" || level === "secretariat";
  // The public sees the versions that were public (published, or published then withdrawn).
  const visible = owner ? rows : rows.filter((r) => r.logSeq !== null);
  const indexes = await logIndexesOf(
    db,
    visible.map((r) => r.logSeq),
  );
  return {
    items: visible.map((r) => ({
      version: r.version,
      versionLabel: r.document.versionLabel,
      createdAt: r.createdAt.toISOString(),
      createdBy: owner ? r.createdBy : null,
      changeNote: r.changeNote,
      status: r.status,
      logIndex: r.logSeq === null ? null : (indexes.get(r.logSeq) ?? null),
    })),
  };
}

/** The obligations of the system's profile today; the reasons are withheld when the profile is. */
export async function systemObligations(call: Call, { id }: { id: string }) {
  const row = await visibleSystem(call.deps.database.db, call.ctx, id);
  const hidden = projectFor(call.ctx.actor, row).hidden;
  const evaluation = (await catalogOf(call)).rules.evaluate(row.document.profile, {
    asOf: new Date().toISOString().slice(0, 10),
  });
  if (!hidden.includes("profile")) return evaluation;
  // The reasons are profile facts: withheld when the profile is.
  for (const j of evaluation.jurisdictions) {
    for (const i of j.instruments) {
      i.scopeTrace = [];
      for (const o of i.obligations) o.trace = [];
    }
  }
  return evaluation;
}

/** The system's classification history (what changed with each rules revision). */
export async function systemClassifications(call: Call, { id }: { id: string }) {
  await visibleSystem(call.deps.database.db, call.ctx, id);
  return classificationHistory(call.deps.database.db, id);
}
