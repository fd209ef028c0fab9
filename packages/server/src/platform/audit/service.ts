import { randomUUID } from "node:crypto";
import { and, count, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { users } from "../auth/tables.js";
import type { RequestContext } from "../context.js";
import { auditEvents } from "./tables.js";

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceIds: string[];
  details?: Record<string, unknown>;
}

/** Records one mutation in the same transaction as the mutation itself. */
export async function recordAudit(tx: Tx | Db, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    id: randomUUID(),
    actorUserId: ctx.actor.userId,
    actorTokenId: ctx.tokenId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceIds: entry.resourceIds,
    details: entry.details ?? {},
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

export interface AuditFilter {
  page: number;
  pageSize: number;
  actorUserId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: string;
  to?: string;
}

export async function listAuditEvents(db: Db, f: AuditFilter) {
  const where = and(
    f.actorUserId ? eq(auditEvents.actorUserId, f.actorUserId) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.resourceType ? eq(auditEvents.resourceType, f.resourceType) : undefined,
    f.resourceId ? sql`${auditEvents.resourceIds} @> array[${f.resourceId}]::text[]` : undefined,
    f.from ? gte(auditEvents.at, new Date(f.from)) : undefined,
    f.to ? lte(auditEvents.at, new Date(f.to)) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({ e: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return {
    items: rows.map(({ e, actorName }) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorUserId: e.actorUserId,
      actorName,
      viaApiToken: e.actorTokenId !== null,
      action: e.action,
      resourceType: e.resourceType,
      resourceIds: e.resourceIds,
      details: e.details,
      requestId: e.requestId,
      ip: e.ip,
    })),
    total: totals[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}
