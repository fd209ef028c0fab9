import { randomUUID } from "node:crypto";
import {
  invalid,
  notFound,
  type RiskStatus,
  type RiskTaxonomy,
  riskScore,
  summarizeRisks,
  unauthenticated,
} from "@concordia/core";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import type { RequestContext } from "../../platform/context.js";
import { userNameSql } from "../members/queries.js";
import { ensureOn, ensureReadRisks, visibleSystem } from "./access.js";
import { registryRiskHistory, registryRisks } from "./tables.js";
import { categoryLabel, type RiskTaxonomyData, riskTaxonomiesOf } from "./taxonomies.js";

type RiskRow = typeof registryRisks.$inferSelect;

export interface RiskFields {
  taxonomy: RiskTaxonomy;
  categoryCode: string;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  owner: string;
  mitigations: string[];
  residualLikelihood: number | null;
  residualImpact: number | null;
  reviewDate: string;
  status: RiskStatus;
}

const today = () => new Date().toISOString().slice(0, 10);

export function riskView(r: RiskRow, taxonomies: readonly RiskTaxonomyData[]) {
  const inherent = riskScore(r.likelihood, r.impact);
  const residual =
    r.residualLikelihood !== null && r.residualImpact !== null
      ? riskScore(r.residualLikelihood, r.residualImpact)
      : null;
  return {
    id: r.id,
    systemId: r.systemId,
    taxonomy: r.taxonomy,
    categoryCode: r.categoryCode,
    categoryLabel: categoryLabel(taxonomies, r.taxonomy, r.categoryCode) ?? r.categoryCode,
    title: r.title,
    description: r.description,
    likelihood: r.likelihood,
    impact: r.impact,
    score: inherent.score,
    level: inherent.level,
    owner: r.owner,
    mitigations: r.mitigations,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    residualScore: residual?.score ?? null,
    residualLevel: residual?.level ?? null,
    reviewDate: r.reviewDate,
    overdue: r.status !== "closed" && r.reviewDate < today(),
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function check(fields: RiskFields, taxonomies: readonly RiskTaxonomyData[]) {
  if (!categoryLabel(taxonomies, fields.taxonomy, fields.categoryCode)) {
    throw invalid("body.categoryCode", `"${fields.categoryCode}" is not a category of ${fields.taxonomy}`);
  }
  if ((fields.residualLikelihood === null) !== (fields.residualImpact === null)) {
    throw invalid(
      fields.residualLikelihood === null ? "body.residualLikelihood" : "body.residualImpact",
      "give both residual likelihood and impact, or neither",
    );
  }
}

export async function listRisks(call: Call, { id: systemId }: { id: string }) {
  const { ctx } = call;
  const db = call.deps.database.db;
  const taxonomies = riskTaxonomiesOf(call.deps);
  const system = await visibleSystem(db, ctx, systemId);
  ensureReadRisks(ctx, system.organizationId);
  const rows = await db
    .select()
    .from(registryRisks)
    .where(eq(registryRisks.systemId, systemId))
    .orderBy(desc(sql`${registryRisks.likelihood} * ${registryRisks.impact}`), asc(registryRisks.createdAt));
  return { items: rows.map((r) => riskView(r, taxonomies)), summary: summarizeRisks(rows) };
}

export async function createRisk(call: Call, { id: systemId, ...fields }: RiskFields & { id: string }) {
  const { ctx } = call;
  const taxonomies = riskTaxonomiesOf(call.deps);
  return call.deps.database.db.transaction(async (tx) => {
    const system = await visibleSystem(tx, ctx, systemId, { write: true });
    ensureOn("writeRisks", ctx, system.organizationId);
    check(fields, taxonomies);
    const [row] = await tx
      .insert(registryRisks)
      .values({ id: randomUUID(), systemId, ...fields })
      .returning();
    await tx
      .insert(registryRiskHistory)
      .values({ riskId: row!.id, changedBy: ctx.actor.userId, snapshot: { ...fields } });
    await recordAudit(tx, ctx, {
      action: "registry.risk.create",
      resourceType: "ai_risk",
      resourceIds: [row!.id, systemId],
    });
    return riskView(row!, taxonomies);
  });
}

async function riskWithSystem(db: Db | Tx, ctx: RequestContext, riskId: string, write = false) {
  if (write && ctx.actor.userId === null) throw unauthenticated();
  const [risk] = await db.select().from(registryRisks).where(eq(registryRisks.id, riskId));
  if (!risk) throw notFound(`Risk ${riskId}`);
  const system = await visibleSystem(db, ctx, risk.systemId).catch(() => {
    throw notFound(`Risk ${riskId}`);
  });
  return { risk, system };
}

export async function updateRisk(call: Call, { riskId, ...patch }: Partial<RiskFields> & { riskId: string }) {
  const { ctx } = call;
  const taxonomies = riskTaxonomiesOf(call.deps);
  return call.deps.database.db.transaction(async (tx) => {
    const { risk, system } = await riskWithSystem(tx, ctx, riskId, true);
    ensureOn("writeRisks", ctx, system.organizationId);
    const next: RiskFields = {
      taxonomy: patch.taxonomy ?? risk.taxonomy,
      categoryCode: patch.categoryCode ?? risk.categoryCode,
      title: patch.title ?? risk.title,
      description: patch.description ?? risk.description,
      likelihood: patch.likelihood ?? risk.likelihood,
      impact: patch.impact ?? risk.impact,
      owner: patch.owner ?? risk.owner,
      mitigations: patch.mitigations ?? risk.mitigations,
      residualLikelihood: patch.residualLikelihood !== undefined ? patch.residualLikelihood : risk.residualLikelihood,
      residualImpact: patch.residualImpact !== undefined ? patch.residualImpact : risk.residualImpact,
      reviewDate: patch.reviewDate ?? risk.reviewDate,
      status: patch.status ?? risk.status,
    };
    check(next, taxonomies);
    const [row] = await tx
      .update(registryRisks)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(registryRisks.id, riskId))
      .returning();
    await tx.insert(registryRiskHistory).values({ riskId, changedBy: ctx.actor.userId, snapshot: { ...next } });
    await recordAudit(tx, ctx, {
      action: "registry.risk.update",
      resourceType: "ai_risk",
      resourceIds: [riskId, risk.systemId],
      details: { fields: Object.keys(patch) },
    });
    return riskView(row!, taxonomies);
  });
}

export async function riskHistory(call: Call, { riskId }: { riskId: string }) {
  const { ctx } = call;
  const db = call.deps.database.db;
  const { system } = await riskWithSystem(db, ctx, riskId);
  ensureReadRisks(ctx, system.organizationId);
  const rows = await db
    .select({
      changedAt: registryRiskHistory.changedAt,
      snapshot: registryRiskHistory.snapshot,
      changedBy: sql<string | null>`${userNameSql(registryRiskHistory.changedBy)}`,
    })
    .from(registryRiskHistory)
    .where(eq(registryRiskHistory.riskId, riskId))
    .orderBy(desc(registryRiskHistory.id));
  return {
    items: rows.map((r) => ({ changedAt: r.changedAt.toISOString(), changedBy: r.changedBy, snapshot: r.snapshot })),
  };
}
