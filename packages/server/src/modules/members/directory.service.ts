import { randomUUID } from "node:crypto";
import {
  type Actor,
  abilities,
  authorize,
  conflict,
  ensure,
  invalid,
  type MembershipStatus,
  memberStatePolicy,
  notFound,
  organizationPolicy,
  type StakeholderType,
} from "@concordia/core";
import { and, asc, count, eq, ilike, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import { users } from "../../platform/auth/tables.js";
import { appendRecord, logIndexSql } from "../log/queries.js";
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

export async function listMemberStates(call: Call) {
  const { actor } = call.ctx;
  ensure(memberStatePolicy, "list", actor);
  const rows = await call.deps.database.db
    .select({ s: memberStates, idx: logIndexSql(memberStates.logSeq).mapWith(Number) })
    .from(memberStates);
  const { admit, remove } = abilities(memberStatePolicy, actor);
  return {
    items: rows.map((r) => stateView(r.s, r.idx ?? null)).sort((a, b) => a.names.en.localeCompare(b.names.en)),
    can: { admit, remove },
  };
}

export async function admitMemberState(call: Call, input: { code: string; status: MembershipStatus }) {
  const { deps, ctx } = call;
  ensure(memberStatePolicy, "admit", ctx.actor);
  const { code, status } = input;
  if (!isCountry(code)) throw invalid("params.code", "not an ISO 3166-1 alpha-2 country code");
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

export async function removeMemberState(call: Call, input: { code: string }) {
  const { deps, ctx } = call;
  ensure(memberStatePolicy, "remove", ctx.actor);
  const { code } = input;
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

/** What the actor may do with one organization (scoped to it: a delegate may update their own). */
function orgAbilities(actor: Actor, organizationId: string) {
  const { update, remove, listPeople } = abilities(organizationPolicy, actor, { organizationId });
  return { update, remove, listPeople };
}

function orgView(o: OrgRow, people: number, actor: Actor) {
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
    can: orgAbilities(actor, o.id),
  };
}

/** One organization as the actor sees it (inside a caller's transaction, or not). */
async function organizationView(db: Db | Tx, actor: Actor, id: string) {
  const [row] = await db
    .select({ o: organizations, people: peopleCount })
    .from(organizations)
    .where(eq(organizations.id, id));
  if (!row) throw notFound("This organization");
  return orgView(row.o, row.people, actor);
}

export async function getOrganization(call: Call, input: { id: string }) {
  ensure(organizationPolicy, "read", call.ctx.actor);
  return organizationView(call.deps.database.db, call.ctx.actor, input.id);
}

export async function listOrganizations(
  call: Call,
  f: {
    page: number;
    pageSize: number;
    q?: string;
    type?: StakeholderType;
    status?: MembershipStatus;
    country?: string;
  },
) {
  const { actor } = call.ctx;
  ensure(organizationPolicy, "list", actor);
  const db = call.deps.database.db;
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
  return { items: rows.map((r) => orgView(r.o, r.people, actor)), total, page: f.page, pageSize: f.pageSize };
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
  if (code && !isCountry(code)) throw invalid("body.countryCode", "not an ISO 3166-1 alpha-2 country code");
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

export async function createOrganization(call: Call, input: OrgInput) {
  const { deps, ctx } = call;
  ensure(organizationPolicy, "create", ctx.actor);
  return deps.database.db.transaction(async (tx) => {
    const id = await insertOrganization(tx, input);
    await recordAudit(tx, ctx, {
      action: "organization.create",
      resourceType: "organization",
      resourceIds: [id],
      details: { name: input.name },
    });
    return organizationView(tx, ctx.actor, id);
  });
}

export async function updateOrganization(call: Call, input: { id: string } & Partial<OrgInput>) {
  const { deps, ctx } = call;
  const { id, ...patch } = input;
  ensure(organizationPolicy, "update", ctx.actor, { organizationId: id });
  // Membership status is the secretariat's decision: who may register organizations may change it.
  const canChangeStatus = authorize(organizationPolicy, "create", ctx.actor) === "allow";
  if (patch.status !== undefined && !canChangeStatus) {
    throw invalid("body.status", "only the secretariat can change membership status");
  }
  checkCountry(patch.countryCode);
  return deps.database.db.transaction(async (tx) => {
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
    return organizationView(tx, ctx.actor, id);
  });
}

export async function removeOrganization(call: Call, input: { id: string }) {
  const { deps, ctx } = call;
  ensure(organizationPolicy, "remove", ctx.actor);
  const { id } = input;
  await deps.database.db.transaction(async (tx) => {
    const [people] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, id));
    if ((people?.n ?? 0) > 0) throw conflict("This organization still has people; revoke their roles first.");
    const gone = await tx.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id });
    if (gone.length === 0) throw notFound("This organization");
    await recordAudit(tx, ctx, { action: "organization.remove", resourceType: "organization", resourceIds: [id] });
  });
}

export async function listOrganizationPeople(call: Call, input: { id: string }) {
  const { actor } = call.ctx;
  ensure(organizationPolicy, "listPeople", actor);
  const db = call.deps.database.db;
  const { id } = input;
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  if (!org) throw notFound("This organization");
  const rows = await db
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, id), eq(users.disabled, false)))
    .orderBy(asc(users.name), asc(memberships.role));
  return { items: rows };
}
