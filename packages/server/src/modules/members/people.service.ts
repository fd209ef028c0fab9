import { randomUUID } from "node:crypto";
import { abilities, conflict, ensure, invalid, notFound, peoplePolicy, type Role } from "@concordia/core";
import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import { users } from "../../platform/auth/tables.js";
import { memberships, organizations } from "./tables.js";

type UserRow = typeof users.$inferSelect;

async function rolesOf(db: Db | Tx, userIds: string[]) {
  if (userIds.length === 0)
    return new Map<string, { membershipId: string; role: Role; organizationId: string; organizationName: string }[]>();
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(organizations.name), asc(memberships.role));
  const byUser = new Map<
    string,
    { membershipId: string; role: Role; organizationId: string; organizationName: string }[]
  >();
  for (const { userId, ...r } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(r);
    byUser.set(userId, list);
  }
  return byUser;
}

function toView(u: UserRow, roles: Awaited<ReturnType<typeof rolesOf>>) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    emailVerified: u.emailVerifiedAt !== null,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
    roles: roles.get(u.id) ?? [],
  };
}

/** One person with their roles (inside a caller's transaction, or not). */
export async function personView(db: Db | Tx, userId: string) {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw notFound("This person");
  return toView(u, await rolesOf(db, [u.id]));
}

export async function listPeople(
  call: Call,
  f: { page: number; pageSize: number; q?: string; role?: Role; organizationId?: string },
) {
  const { actor } = call.ctx;
  ensure(peoplePolicy, "list", actor);
  const db = call.deps.database.db;
  const roleFilter =
    f.role || f.organizationId
      ? sql`exists (select 1 from memberships m where m.user_id = "users"."id"${f.role ? sql` and m.role = ${f.role}` : sql``}${
          f.organizationId ? sql` and m.organization_id = ${f.organizationId}` : sql``
        })`
      : undefined;
  const where = and(f.q ? or(ilike(users.name, `%${f.q}%`), ilike(users.email, `%${f.q}%`)) : undefined, roleFilter);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  );
  const { update, grantRole, revokeRole } = abilities(peoplePolicy, actor);
  return {
    items: rows.map((u) => toView(u, roles)),
    total: totals[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
    can: { update, grantRole, revokeRole },
  };
}

export async function updatePerson(call: Call, input: { id: string; disabled?: boolean; name?: string }) {
  const { deps, ctx } = call;
  ensure(peoplePolicy, "update", ctx.actor);
  const { id, ...patch } = input;
  if (patch.disabled === true && id === ctx.actor.userId) {
    throw invalid("body.disabled", "you cannot disable your own account");
  }
  return deps.database.db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (updated.length === 0) throw notFound("This person");
    await recordAudit(tx, ctx, { action: "person.update", resourceType: "user", resourceIds: [id], details: patch });
    return personView(tx, id);
  });
}

export async function grantRole(call: Call, input: { userId: string; organizationId: string; role: Role }) {
  const { deps, ctx } = call;
  ensure(peoplePolicy, "grantRole", ctx.actor);
  return deps.database.db.transaction(async (tx) => {
    const [u] = await tx
      .select({ id: users.id, emailVerifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!u) throw invalid("body.userId", "no person with this id");
    // Anyone can sign up with any address: until it is confirmed, the account may not be its owner's,
    // so a role granted to it could go to whoever signed up first.
    if (!u.emailVerifiedAt) {
      throw conflict(
        "This account's email address was never confirmed: the person must confirm it (or take the account over by a password reset) before being given a role.",
        "body.userId",
      );
    }
    const [o] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId));
    if (!o) throw invalid("body.organizationId", "no organization with this id");
    const id = randomUUID();
    const inserted = await tx
      .insert(memberships)
      .values({ id, ...input })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (inserted.length === 0) throw conflict("This person already has this role in this organization.", "body.role");
    await recordAudit(tx, ctx, {
      action: "role.grant",
      resourceType: "membership",
      resourceIds: [id, input.userId, input.organizationId],
      details: { role: input.role },
    });
    return personView(tx, input.userId);
  });
}

export async function revokeRole(call: Call, input: { id: string }) {
  const { deps, ctx } = call;
  ensure(peoplePolicy, "revokeRole", ctx.actor);
  const membershipId = input.id;
  await deps.database.db.transaction(async (tx) => {
    const [m] = await tx.select().from(memberships).where(eq(memberships.id, membershipId));
    if (!m) throw notFound("This role");
    if (m.role === "secretariat_admin") {
      const [admins] = await tx
        .select({ n: count() })
        .from(memberships)
        .where(eq(memberships.role, "secretariat_admin"));
      if ((admins?.n ?? 0) <= 1) throw conflict("The last secretariat administrator cannot be removed.");
    }
    await tx.delete(memberships).where(eq(memberships.id, membershipId));
    await recordAudit(tx, ctx, {
      action: "role.revoke",
      resourceType: "membership",
      resourceIds: [membershipId, m.userId, m.organizationId],
      details: { role: m.role },
    });
  });
}
