import { randomUUID } from "node:crypto";
import { checkPassword } from "@concordia/core";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { recordAudit } from "../../platform/audit/service.js";
import { SESSION_DAYS } from "../../platform/auth/authenticate.js";
import {
  API_TOKEN_PREFIX,
  dummyPasswordHash,
  hashPassword,
  newSecret,
  secretHash,
  verifyPassword,
} from "../../platform/auth/secrets.js";
import { apiTokens, emailTokens, sessions, users } from "../../platform/auth/tables.js";
import type { Deps, RequestContext } from "../../platform/context.js";
import { badRequest, conflict, HttpProblem, notFound } from "../../platform/http/problem.js";
import { passwordResetEmail, verificationEmail } from "./emails.js";
import { personView } from "./people.service.js";

const DAY = 86_400_000;

export function assertPasswordAcceptable(password: string, field = "body.password") {
  const problem = checkPassword(password);
  if (problem) {
    const messages = {
      too_short: "must be at least 12 characters",
      too_long: "must be at most 256 characters",
      blank: "must not be only spaces",
      guessable: "is too easy to guess",
    } as const;
    throw badRequest(field, messages[problem]);
  }
}

async function emailTaken(tx: Tx | Db, email: string): Promise<boolean> {
  const rows = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return rows.length > 0;
}

export async function createUser(
  tx: Tx | Db,
  input: { email: string; name: string; password: string; emailVerified: boolean },
): Promise<string> {
  assertPasswordAcceptable(input.password);
  if (await emailTaken(tx, input.email)) throw conflict("An account with this email already exists.", "body.email");
  const id = randomUUID();
  await tx.insert(users).values({
    id,
    email: input.email.toLowerCase(),
    name: input.name,
    passwordHash: await hashPassword(input.password),
    emailVerifiedAt: input.emailVerified ? new Date() : null,
  });
  return id;
}

async function issueEmailToken(tx: Tx | Db, userId: string, purpose: "verify_email" | "reset_password", ttlMs: number) {
  const secret = newSecret();
  await tx.insert(emailTokens).values({
    id: randomUUID(),
    userId,
    purpose,
    secretHash: secretHash(secret),
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return secret;
}

/** Opens a session; the caller sets the cookie with the returned secret. */
export async function createSession(tx: Tx | Db, userId: string, meta: { ip: string | null; userAgent?: string }) {
  const secret = newSecret();
  const csrfToken = newSecret();
  await tx.insert(sessions).values({
    id: randomUUID(),
    userId,
    secretHash: secretHash(secret),
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_DAYS * DAY),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500),
  });
  return { secret, csrfToken };
}

export async function signUp(
  deps: Deps,
  ctx: RequestContext,
  input: { email: string; password: string; name: string },
  userAgent?: string,
) {
  return deps.database.db.transaction(async (tx) => {
    const userId = await createUser(tx, { ...input, emailVerified: false });
    const token = await issueEmailToken(tx, userId, "verify_email", 2 * DAY);
    await deps.mailer.enqueue(tx, { to: input.email, ...verificationEmail(deps.config.publicUrl, input.name, token) });
    const session = await createSession(tx, userId, { ip: ctx.ip, userAgent });
    await recordAudit(
      tx,
      { ...ctx, actor: { ...ctx.actor, userId } },
      {
        action: "account.sign_up",
        resourceType: "user",
        resourceIds: [userId],
      },
    );
    return { session, user: await personView(tx as unknown as Db, userId) };
  });
}

const BAD_CREDENTIALS = new HttpProblem(
  401,
  "Sign-in failed",
  "The email or password is wrong, or the account is disabled.",
);

export async function signIn(
  deps: Deps,
  ctx: RequestContext,
  input: { email: string; password: string },
  userAgent?: string,
) {
  const db = deps.database.db;
  const [u] = await db.select().from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
  // Spend the same hashing time whether or not the account exists (no user enumeration by timing).
  const ok = await verifyPassword(u?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!u || !ok || u.disabled) throw BAD_CREDENTIALS;
  return db.transaction(async (tx) => {
    const session = await createSession(tx, u.id, { ip: ctx.ip, userAgent });
    await recordAudit(
      tx,
      { ...ctx, actor: { ...ctx.actor, userId: u.id } },
      {
        action: "account.sign_in",
        resourceType: "user",
        resourceIds: [u.id],
      },
    );
    return { session, user: await personView(tx as unknown as Db, u.id) };
  });
}

export async function signOut(db: Db, ctx: RequestContext) {
  if (!ctx.sessionId) return;
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, ctx.sessionId!));
    await recordAudit(tx, ctx, { action: "account.sign_out", resourceType: "user", resourceIds: [ctx.actor.userId!] });
  });
}

async function consumeEmailToken(tx: Tx, token: string, purpose: "verify_email" | "reset_password") {
  const used = await tx
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailTokens.secretHash, secretHash(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: emailTokens.userId });
  if (!used[0]) throw badRequest("body.token", "this link is unknown, already used or expired");
  return used[0].userId;
}

export async function verifyEmail(db: Db, ctx: RequestContext, token: string) {
  await db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "verify_email");
    await tx.update(users).set({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, ctx, { action: "account.verify_email", resourceType: "user", resourceIds: [userId] });
  });
}

export async function resendVerification(deps: Deps, ctx: RequestContext) {
  const userId = ctx.actor.userId!;
  await deps.database.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, userId));
    if (!u) throw notFound("This account");
    if (u.emailVerifiedAt) throw conflict("This email address is already confirmed.");
    const token = await issueEmailToken(tx, userId, "verify_email", 2 * DAY);
    await deps.mailer.enqueue(tx, { to: u.email, ...verificationEmail(deps.config.publicUrl, u.name, token) });
    await recordAudit(tx, ctx, { action: "account.resend_verification", resourceType: "user", resourceIds: [userId] });
  });
}

/** Always succeeds from the caller's point of view, so it cannot be used to probe which emails have accounts. */
export async function requestPasswordReset(deps: Deps, ctx: RequestContext, email: string) {
  await deps.database.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    if (!u || u.disabled) return;
    const token = await issueEmailToken(tx, u.id, "reset_password", DAY / 24);
    await deps.mailer.enqueue(tx, { to: u.email, ...passwordResetEmail(deps.config.publicUrl, u.name, token) });
    await recordAudit(tx, ctx, { action: "account.request_password_reset", resourceType: "user", resourceIds: [u.id] });
  });
}

export async function confirmPasswordReset(db: Db, ctx: RequestContext, token: string, password: string) {
  assertPasswordAcceptable(password);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "reset_password");
    // Knowing the emailed secret proves the address too.
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    // A reset ends every open session: whoever knew the old password is out.
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, ctx, { action: "account.reset_password", resourceType: "user", resourceIds: [userId] });
  });
}

function tokenView(t: typeof apiTokens.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listApiTokens(db: Db, userId: string) {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return { items: rows.map(tokenView) };
}

export async function createApiToken(
  tx: Tx | Db,
  ctx: RequestContext,
  userId: string,
  input: { name: string; expiresInDays?: number },
) {
  const token = API_TOKEN_PREFIX + newSecret();
  const [row] = await tx
    .insert(apiTokens)
    .values({
      id: randomUUID(),
      userId,
      name: input.name,
      prefix: token.slice(0, 10),
      secretHash: secretHash(token),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY) : null,
    })
    .returning();
  await recordAudit(tx, ctx, { action: "api_token.create", resourceType: "api_token", resourceIds: [row!.id, userId] });
  return { ...tokenView(row!), token };
}

export async function revokeApiToken(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    // Someone else's token answers 404 like a missing one: ids of others' tokens are not confirmed.
    if (!t || t.userId !== ctx.actor.userId) throw notFound("This API token");
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    await recordAudit(tx, ctx, { action: "api_token.revoke", resourceType: "api_token", resourceIds: [id, t.userId] });
  });
}
