import { randomUUID } from "node:crypto";
import {
  abilities,
  conflict,
  DomainError,
  ensure,
  invalid,
  invitationPolicy,
  notFound,
  type Role,
} from "@concordia/core";
import { and, count, desc, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import { newSecret, secretHash, verifyPassword } from "../../platform/auth/secrets.js";
import { users } from "../../platform/auth/tables.js";
import { createSession, createUser, issueEmailToken, sessionAbilities } from "./accounts.service.js";
import { accountTakeoverEmail, invitationEmail } from "./emails.js";
import { personView } from "./people.service.js";
import { userByEmail } from "./queries.js";
import { invitations, memberships, organizations } from "./tables.js";

const INVITATION_DAYS = 14;
type Status = "pending" | "accepted" | "revoked" | "expired";

function statusOf(i: typeof invitations.$inferSelect, now = new Date()): Status {
  if (i.acceptedAt) return "accepted";
  if (i.revokedAt) return "revoked";
  if (i.expiresAt <= now) return "expired";
  return "pending";
}

const statusWhere = (s: Status) => {
  const now = new Date();
  switch (s) {
    case "accepted":
      return isNotNull(invitations.acceptedAt);
    case "revoked":
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt));
    case "expired":
      return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), lte(invitations.expiresAt, now));
    case "pending":
      return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));
  }
};

async function view(tx: Tx | Db, id: string) {
  const [row] = await tx
    .select({ i: invitations, organizationName: organizations.name, invitedBy: users.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.id, id));
  if (!row) throw notFound("This invitation");
  return toView(row);
}

function toView(row: { i: typeof invitations.$inferSelect; organizationName: string; invitedBy: string | null }) {
  return {
    id: row.i.id,
    email: row.i.email,
    organizationId: row.i.organizationId,
    organizationName: row.organizationName,
    role: row.i.role,
    status: statusOf(row.i),
    invitedBy: row.invitedBy,
    createdAt: row.i.createdAt.toISOString(),
    expiresAt: row.i.expiresAt.toISOString(),
  };
}

export async function listInvitations(call: Call, f: { page: number; pageSize: number; status?: Status }) {
  const { actor } = call.ctx;
  ensure(invitationPolicy, "list", actor);
  const db = call.deps.database.db;
  const where = f.status ? statusWhere(f.status) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select({ i: invitations, organizationName: organizations.name, invitedBy: users.name })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(where)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(invitations).where(where),
  ]);
  const { create, revoke } = abilities(invitationPolicy, actor);
  return {
    items: rows.map(toView),
    total: totals[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
    can: { create, revoke },
  };
}

export async function createInvitation(call: Call, input: { email: string; organizationId: string; role: Role }) {
  const { deps, ctx } = call;
  ensure(invitationPolicy, "create", ctx.actor);
  return deps.database.db.transaction(async (tx) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, input.organizationId));
    if (!org) throw invalid("body.organizationId", "no organization with this id");
    const token = newSecret();
    const id = randomUUID();
    await tx.insert(invitations).values({
      id,
      email: input.email.toLowerCase(),
      organizationId: org.id,
      role: input.role,
      secretHash: secretHash(token),
      invitedByUserId: ctx.actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    await deps.mailer.enqueue(tx, {
      to: input.email,
      ...invitationEmail(deps.config.publicUrl, org.name, input.role, token),
    });
    await recordAudit(tx, ctx, {
      action: "invitation.create",
      resourceType: "invitation",
      resourceIds: [id, org.id],
      details: { email: input.email, role: input.role },
    });
    return view(tx, id);
  });
}

export async function revokeInvitation(call: Call, input: { id: string }) {
  const { deps, ctx } = call;
  ensure(invitationPolicy, "revoke", ctx.actor);
  const { id } = input;
  await deps.database.db.transaction(async (tx) => {
    const [i] = await tx.select().from(invitations).where(eq(invitations.id, id));
    if (!i) throw notFound("This invitation");
    if (statusOf(i) !== "pending") throw conflict(`This invitation is ${statusOf(i)}, not pending.`);
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, id));
    await recordAudit(tx, ctx, { action: "invitation.revoke", resourceType: "invitation", resourceIds: [id] });
  });
}

async function pendingByToken(tx: Tx | Db, token: string) {
  const [row] = await tx
    .select({ i: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.secretHash, secretHash(token)));
  if (!row || statusOf(row.i) !== "pending") {
    throw new DomainError("not_found", "Not found", "This invitation is unknown, already used, revoked or expired.");
  }
  return row;
}

export async function previewInvitation(call: Call, input: { token: string }) {
  ensure(invitationPolicy, "preview", call.ctx.actor);
  const db = call.deps.database.db;
  const row = await pendingByToken(db, input.token);
  const existing = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${row.i.email}`);
  return {
    email: row.i.email,
    organizationName: row.organizationName,
    role: row.i.role,
    accountExists: existing.length > 0,
    expiresAt: row.i.expiresAt.toISOString(),
  };
}

/** How long the takeover link of a never-confirmed account stays valid (that of a password reset). */
const TAKEOVER_LINK_MS = 3_600_000;

/**
 * Accepts an invitation. A new person gets an account (the emailed link proves the
 * address); someone who already has one proves it with their password. Either way
 * they get the role and a session.
 *
 * An existing account whose address was never confirmed may have been created by someone else
 * with this address (and hold their sessions): the role is not granted. The answer (403) says
 * to take the account over first; a password-reset link goes to the address, and the reset
 * confirms the address and ends every session and API token of the account. Accepting again
 * with the new password then grants the role.
 */
export async function acceptInvitation(
  call: Call,
  input: { token: string; name?: string; password: string; userAgent?: string },
) {
  const { deps, ctx } = call;
  ensure(invitationPolicy, "accept", ctx.actor);
  // Its own transaction: the link must be sent even though the acceptance is refused.
  const takeover = await deps.database.db.transaction(async (tx) => {
    const { i, organizationName } = await pendingByToken(tx, input.token);
    const existing = await userByEmail(tx, i.email);
    if (!existing || existing.emailVerifiedAt || existing.disabled) return false;
    const secret = await issueEmailToken(tx, existing.id, "reset_password", TAKEOVER_LINK_MS);
    await deps.mailer.enqueue(tx, {
      to: existing.email,
      ...accountTakeoverEmail(deps.config.publicUrl, existing.name, organizationName, secret),
    });
    await recordAudit(tx, ctx, {
      action: "invitation.takeover_required",
      resourceType: "invitation",
      resourceIds: [i.id, existing.id, i.organizationId],
    });
    return true;
  });
  if (takeover) {
    throw new DomainError(
      "forbidden",
      "Take over the account first",
      "The account with this email address was never confirmed, so it may have been created by someone else. " +
        "We emailed a password-reset link to this address: choose a new password with it (this confirms the address " +
        "and signs out every other session and API token), then accept the invitation again with the new password.",
      [{ field: "body.password", message: "reset the password of this never-confirmed account first (link emailed)" }],
    );
  }
  return deps.database.db.transaction(async (tx) => {
    const { i } = await pendingByToken(tx, input.token);
    const existing = await userByEmail(tx, i.email);
    let userId: string;
    if (existing) {
      if (existing.disabled || !(await verifyPassword(existing.passwordHash, input.password))) {
        throw invalid("body.password", "this is not the password of the existing account for this email");
      }
      userId = existing.id;
    } else {
      if (!input.name) throw invalid("body.name", "a name is needed to create the account");
      userId = await createUser(tx, {
        email: i.email,
        name: input.name,
        password: input.password,
        emailVerified: true,
      });
    }
    await tx
      .insert(memberships)
      .values({ id: randomUUID(), userId, organizationId: i.organizationId, role: i.role })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, i.id));
    const session = await createSession(tx, userId, { ip: ctx.ip, userAgent: input.userAgent });
    await recordAudit(
      tx,
      { ...ctx, actor: { ...ctx.actor, userId } },
      {
        action: "invitation.accept",
        resourceType: "invitation",
        resourceIds: [i.id, userId, i.organizationId],
        details: { role: i.role, newAccount: !existing },
      },
    );
    const user = await personView(tx, userId);
    return { session, user, can: sessionAbilities(user) };
  });
}
