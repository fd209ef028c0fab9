import { randomUUID } from "node:crypto";
import type { Role } from "@concordia/core";
import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { recordAudit } from "../../platform/audit/service.js";
import { users } from "../../platform/auth/tables.js";
import type { RequestContext } from "../../platform/context.js";
import { badRequest, conflict, notFound } from "../../platform/http/problem.js";
import { memberships, organizations } from "./tables.js";

type UserRow = typeof users.$inferSelect;

async function rolesOf(db: Db, userIds: string[]) {
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

export async function personView(db: Db, userId: string) {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw notFound("This person");
  return toView(u, await rolesOf(db, [u.id]));
}

export async function listPeople(
  db: Db,
  f: { page: number; pageSize: number; q?: string; role?: Role; organizationId?: string },
) {
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
  return { items: rows.map((u) => toView(u, roles)), total: totals[0]?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function updatePerson(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: { disabled?: boolean; name?: string },
) {
  if (patch.disabled === true && id === ctx.actor.userId) {
    throw badRequest("body.disabled", "you cannot disable your own account");
  }
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (updated.length === 0) throw notFound("This person");
    await recordAudit(tx, ctx, { action: "person.update", resourceType: "user", resourceIds: [id], details: patch });
    return personView(tx as unknown as Db, id);
  });
}

export async function grantRole(
  db: Db,
  ctx: RequestContext,
  input: { userId: string; organizationId: string; role: Role },
) {
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!u) throw badRequest("body.userId", "no person with this id");
    const [o] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId));
    if (!o) throw badRequest("body.organizationId", "no organization with this id");
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
    return personView(tx as unknown as Db, input.userId);
  });
}

export async function revokeRole(db: Db, ctx: RequestContext, membershipId: string) {
  await db.transaction(async (tx) => {
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
