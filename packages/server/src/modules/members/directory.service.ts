import { randomUUID } from "node:crypto";
import type { MembershipStatus, StakeholderType } from "@concordia/core";
import { and, asc, count, eq, ilike, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { recordAudit } from "../../platform/audit/service.js";
import { users } from "../../platform/auth/tables.js";
import type { Deps, RequestContext } from "../../platform/context.js";
import { badRequest, conflict, notFound } from "../../platform/http/problem.js";
import { appendRecord } from "../log/records.js";
import { logEntries } from "../log/tables.js";
import { countryNames, isCountry } from "./countries.js";
import { memberStates, memberships, organizations } from "./tables.js";

// ---- member states ----
// Admitting, re-classifying and removing a state are public acts: each is logged
// in the same transaction, and the answer waits for its leaf index.

type StateRow = typeof memberStates.$inferSelect;
function stateView(s: StateRow, logIndex: number | null) {
  return {
    code: s.code,
    names: countryNames(s.code)!,
    status: s.status,
    admittedAt: s.admittedAt.toISOString(),
    logIndex,
  };
}

export async function listMemberStates(db: Db) {
  const rows = await db
    .select({ s: memberStates, idx: logEntries.idx })
    .from(memberStates)
    .leftJoin(logEntries, eq(logEntries.seq, memberStates.logSeq));
  return { items: rows.map((r) => stateView(r.s, r.idx)).sort((a, b) => a.names.en.localeCompare(b.names.en)) };
}

export async function admitMemberState(deps: Deps, ctx: RequestContext, code: string, status: MembershipStatus) {
  if (!isCountry(code)) throw badRequest("params.code", "not an ISO 3166-1 alpha-2 country code");
  const { row, seq } = await deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(memberStates).where(eq(memberStates.code, code));
    const seq = await appendRecord(tx, "membership_decision", {
      decision: before ? "change_status" : "admit",
      country: code,
      status,
      previousStatus: before?.status ?? null,
      decidedAt: new Date().toISOString(),
    });
    const [row] = await tx
      .insert(memberStates)
      .values({ code, status, logSeq: seq })
      .onConflictDoUpdate({ target: memberStates.code, set: { status, logSeq: seq, updatedAt: new Date() } })
      .returning();
    await recordAudit(tx, ctx, {
      action: "member_state.admit",
      resourceType: "member_state",
      resourceIds: [code],
      details: { status, logSeq: seq },
    });
    return { row: row!, seq };
  });
  return stateView(row, await deps.log.awaitIndex(seq));
}

export async function removeMemberState(deps: Deps, ctx: RequestContext, code: string) {
  const seq = await deps.database.db.transaction(async (tx) => {
    const gone = await tx.delete(memberStates).where(eq(memberStates.code, code)).returning();
    if (gone.length === 0) throw notFound("This member state");
    const seq = await appendRecord(tx, "membership_decision", {
      decision: "remove",
      country: code,
      status: null,
      previousStatus: gone[0]!.status,
      decidedAt: new Date().toISOString(),
    });
    await recordAudit(tx, ctx, {
      action: "member_state.remove",
      resourceType: "member_state",
      resourceIds: [code],
      details: { logSeq: seq },
    });
    return seq;
  });
  await deps.log.awaitIndex(seq);
}

// ---- organizations ----

type OrgRow = typeof organizations.$inferSelect;
// Written out in SQL: inside a sub-select Drizzle would not qualify the column names.
const peopleCount = sql<number>`(select count(distinct m.user_id)::int from memberships m where m.organization_id = "organizations"."id")`;

function orgView(o: OrgRow, people: number) {
  return {
    id: o.id,
    name: o.name,
    type: o.type,
    countryCode: o.countryCode,
    status: o.status,
    website: o.website,
    description: o.description,
    peopleCount: Number(people),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export async function getOrganization(db: Db | Tx, id: string) {
  const [row] = await db
    .select({ o: organizations, people: peopleCount })
    .from(organizations)
    .where(eq(organizations.id, id));
  if (!row) throw notFound("This organization");
  return orgView(row.o, row.people);
}

export async function listOrganizations(
  db: Db,
  f: {
    page: number;
    pageSize: number;
    q?: string;
    type?: StakeholderType;
    status?: MembershipStatus;
    country?: string;
  },
) {
  const where = and(
    f.q ? ilike(organizations.name, `%${f.q.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    f.type ? eq(organizations.type, f.type) : undefined,
    f.status ? eq(organizations.status, f.status) : undefined,
    f.country ? eq(organizations.countryCode, f.country) : undefined,
  );
  // The total comes with the page (a window count): one query instead of two.
  const rows = await db
    .select({ o: organizations, people: peopleCount, total: sql<number>`count(*) over()` })
    .from(organizations)
    .where(where)
    .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : f.page > 1
        ? ((await db.select({ n: count() }).from(organizations).where(where))[0]?.n ?? 0)
        : 0;
  return { items: rows.map((r) => orgView(r.o, r.people)), total, page: f.page, pageSize: f.pageSize };
}

interface OrgInput {
  name: string;
  type: StakeholderType;
  countryCode: string | null;
  status: MembershipStatus;
  website: string | null;
  description: string;
}

function checkCountry(code: string | null | undefined) {
  if (code && !isCountry(code)) throw badRequest("body.countryCode", "not an ISO 3166-1 alpha-2 country code");
}

async function nameTaken(tx: Tx | Db, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(sql`lower(${organizations.name}) = ${name.toLowerCase()}`);
  return rows.some((r) => r.id !== exceptId);
}

export async function insertOrganization(tx: Tx | Db, input: OrgInput, id: string = randomUUID()) {
  checkCountry(input.countryCode);
  if (await nameTaken(tx, input.name)) throw conflict("An organization with this name exists.", "body.name");
  await tx.insert(organizations).values({ id, ...input });
  return id;
}

export async function createOrganization(db: Db, ctx: RequestContext, input: OrgInput) {
  return db.transaction(async (tx) => {
    const id = await insertOrganization(tx, input);
    await recordAudit(tx, ctx, {
      action: "organization.create",
      resourceType: "organization",
      resourceIds: [id],
      details: { name: input.name },
    });
    return getOrganization(tx, id);
  });
}

export async function updateOrganization(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: Partial<OrgInput>,
  canChangeStatus: boolean,
) {
  if (patch.status !== undefined && !canChangeStatus) {
    throw badRequest("body.status", "only the secretariat can change membership status");
  }
  checkCountry(patch.countryCode);
  return db.transaction(async (tx) => {
    if (patch.name && (await nameTaken(tx, patch.name, id)))
      throw conflict("An organization with this name exists.", "body.name");
    const updated = await tx
      .update(organizations)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(organizations.id, id))
      .returning({ id: organizations.id });
    if (updated.length === 0) throw notFound("This organization");
    await recordAudit(tx, ctx, {
      action: "organization.update",
      resourceType: "organization",
      resourceIds: [id],
      details: patch,
    });
    return getOrganization(tx, id);
  });
}

export async function removeOrganization(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const [people] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, id));
    if ((people?.n ?? 0) > 0) throw conflict("This organization still has people; revoke their roles first.");
    const gone = await tx.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id });
    if (gone.length === 0) throw notFound("This organization");
    await recordAudit(tx, ctx, { action: "organization.remove", resourceType: "organization", resourceIds: [id] });
  });
}

export async function listOrganizationPeople(db: Db, id: string) {
  await getOrganization(db, id);
  const rows = await db
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, id), eq(users.disabled, false)))
    .orderBy(asc(users.name), asc(memberships.role));
  return { items: rows };
}
