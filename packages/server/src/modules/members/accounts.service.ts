import { randomUUID } from "node:crypto";
import type { TokenScope } from "@concordia/contracts";
import {
  type Actor,
  abilities,
  accountPolicy,
  adminPolicy,
  apiTokenPolicy,
  checkPassword,
  conflict,
  DomainError,
  ensure,
  forbidden,
  instrumentPolicy,
  invalid,
  invitationPolicy,
  memberStatePolicy,
  notarizationPolicy,
  notFound,
  organizationPolicy,
  PUBLIC_ACTOR,
  peoplePolicy,
  type Role,
  registryPolicy,
} from "@concordia/core";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import { SESSION_DAYS } from "../../platform/auth/authenticate.js";
import { clearSignInFailures, recordSignInAttempt } from "../../platform/auth/rate-limit.js";
import {
  API_TOKEN_PREFIX,
  dummyPasswordHash,
  hashPassword,
  newSecret,
  secretHash,
  verifyPassword,
} from "../../platform/auth/secrets.js";
import { apiTokens, emailTokens, sessions, users } from "../../platform/auth/tables.js";
import type { RequestContext } from "../../platform/context.js";
import { passwordResetEmail, signUpAttemptEmail, verificationEmail } from "./emails.js";
import { personView } from "./people.service.js";
import { userByEmail } from "./queries.js";

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
    throw invalid(field, messages[problem]);
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

export async function issueEmailToken(
  tx: Tx | Db,
  userId: string,
  purpose: "verify_email" | "reset_password",
  ttlMs: number,
) {
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

/** The person a session or token stands for, as the policies see them. */
function actorOf(user: {
  id: string;
  emailVerified: boolean;
  roles: readonly { role: Role; organizationId: string }[];
}) {
  return {
    userId: user.id,
    emailVerified: user.emailVerified,
    grants: user.roles.map((r) => ({ role: r.role, organizationId: r.organizationId })),
  } satisfies Actor;
}

/**
 * The caller's global abilities, from the policy tables of every module: which areas the web
 * offers (the server still checks each request).
 */
export function sessionAbilities(user: Parameters<typeof actorOf>[0] | null) {
  const actor = user ? actorOf(user) : PUBLIC_ACTOR;
  return {
    admin: abilities(adminPolicy, actor).readAudit,
    createOrganization: abilities(organizationPolicy, actor).create,
    managePeople: abilities(peoplePolicy, actor).list,
    invite: abilities(invitationPolicy, actor).create,
    admitMemberStates: abilities(memberStatePolicy, actor).admit,
    notarize: abilities(notarizationPolicy, actor).notarize,
    publishInstruments: abilities(instrumentPolicy, actor).publish,
    reviewSystems: abilities(registryPolicy, actor).publish,
  };
}

/** A person signed in: their view, their abilities and the new session (the route sets the cookie). */
async function signedIn(tx: Tx, userId: string, session: { secret: string; csrfToken: string }) {
  const user = await personView(tx, userId);
  return { session, user, can: sessionAbilities(user) };
}

/**
 * Asks for an account. The answer is the same whether or not the address already has one (no
 * enumeration): 202, no body, no session. A new address gets an unconfirmed account and a
 * confirmation link (the person signs in after confirming, or before with reduced rights); an
 * existing account's owner gets an email saying someone tried, and nothing else changes. The
 * password is hashed in both cases, so the time taken does not tell either.
 */
export async function signUp(call: Call, input: { email: string; password: string; name: string }) {
  const { deps, ctx } = call;
  ensure(accountPolicy, "signUp", ctx.actor);
  assertPasswordAcceptable(input.password);
  const email = input.email.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  await deps.database.db.transaction(async (tx) => {
    const id = randomUUID();
    // One statement decides, so two sign-ups racing for one address cannot tell either.
    const [created] = await tx
      .insert(users)
      .values({ id, email, name: input.name, passwordHash, emailVerifiedAt: null })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (created) {
      const token = await issueEmailToken(tx, id, "verify_email", 2 * DAY);
      await deps.mailer.enqueue(tx, { to: email, ...verificationEmail(deps.config.publicUrl, input.name, token) });
      await recordAudit(
        tx,
        { ...ctx, actor: { ...ctx.actor, userId: id } },
        { action: "account.sign_up", resourceType: "user", resourceIds: [id] },
      );
      return;
    }
    const owner = await userByEmail(tx, email);
    if (!owner) return;
    await deps.mailer.enqueue(tx, { to: owner.email, ...signUpAttemptEmail(deps.config.publicUrl, owner.name) });
    await recordAudit(tx, ctx, {
      action: "account.sign_up_existing_email",
      resourceType: "user",
      resourceIds: [owner.id],
    });
  });
}

const BAD_CREDENTIALS = new DomainError(
  "unauthenticated",
  "Sign-in failed",
  "The email or password is wrong, or the account is disabled.",
);

export async function signIn(call: Call, input: { email: string; password: string; userAgent?: string }) {
  const { deps, ctx } = call;
  ensure(accountPolicy, "signIn", ctx.actor);
  const { userAgent } = input;
  const db = deps.database.db;
  const email = input.email.toLowerCase();
  // Per account (known or not), whatever the address: after repeated failures the account waits
  // (429 with Retry-After), even for the right password, so guessing from many IPs gets nowhere.
  // The attempt is counted (as a failure) before the password is checked, in the statement that
  // decides, so parallel guesses cannot all pass the check; success clears the count below.
  await recordSignInAttempt(db, email);
  const u = await userByEmail(db, email);
  // Spend the same hashing time whether or not the account exists (no user enumeration by timing).
  const ok = await verifyPassword(u?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!u || !ok || u.disabled) throw BAD_CREDENTIALS;
  await clearSignInFailures(db, email);
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
    return signedIn(tx, u.id, session);
  });
}

export async function signOut(call: Call) {
  const { deps, ctx } = call;
  ensure(accountPolicy, "signOut", ctx.actor);
  if (!ctx.sessionId) return;
  await deps.database.db.transaction(async (tx) => {
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
  if (!used[0]) throw invalid("body.token", "this link is unknown, already used or expired");
  return used[0].userId;
}

/** The signed-in person (or null for the public) and their abilities; the route adds the CSRF token. */
export async function currentSession(call: Call) {
  const { actor } = call.ctx;
  ensure(accountPolicy, "readSession", actor);
  if (!actor.userId) return { user: null, can: sessionAbilities(null) };
  const user = await personView(call.deps.database.db, actor.userId);
  return { user, can: sessionAbilities(user) };
}

export async function verifyEmail(call: Call, input: { token: string }) {
  const { deps, ctx } = call;
  ensure(accountPolicy, "verifyEmail", ctx.actor);
  await deps.database.db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, input.token, "verify_email");
    await tx.update(users).set({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, ctx, { action: "account.verify_email", resourceType: "user", resourceIds: [userId] });
  });
}

export async function resendVerification(call: Call) {
  const { deps, ctx } = call;
  ensure(accountPolicy, "resendVerification", ctx.actor);
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

/** The least time a reset request takes, so an existing account's (more work) and an unknown one's look alike. */
const RESET_REQUEST_FLOOR_MS = 250;

/**
 * Always succeeds from the caller's point of view, so it cannot be used to probe which emails have
 * accounts: the same answer, and no sooner than RESET_REQUEST_FLOOR_MS either way (the work for an
 * existing account takes a few milliseconds more).
 */
export async function requestPasswordReset(call: Call, input: { email: string }) {
  const { deps, ctx } = call;
  ensure(accountPolicy, "resetPassword", ctx.actor);
  const { email } = input;
  const answerAt = Date.now() + RESET_REQUEST_FLOOR_MS;
  await deps.database.db.transaction(async (tx) => {
    const u = await userByEmail(tx, email);
    if (!u || u.disabled) return;
    const token = await issueEmailToken(tx, u.id, "reset_password", DAY / 24);
    await deps.mailer.enqueue(tx, { to: u.email, ...passwordResetEmail(deps.config.publicUrl, u.name, token) });
    await recordAudit(tx, ctx, { action: "account.request_password_reset", resourceType: "user", resourceIds: [u.id] });
  });
  const wait = answerAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * Ends what whoever held the account before may still hold: every session (but `keepSessionId`,
 * the caller's own on a password change) and every API token. Returns the counts for the audit.
 */
export async function revokeCredentials(tx: Tx, userId: string, keepSessionId?: string | null) {
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .returning({ id: sessions.id });
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return { endedSessions: ended.length, revokedApiTokens: revoked.length };
}

export async function confirmPasswordReset(call: Call, input: { token: string; password: string }) {
  const { deps, ctx } = call;
  ensure(accountPolicy, "resetPassword", ctx.actor);
  const { token, password } = input;
  assertPasswordAcceptable(password);
  const hash = await hashPassword(password);
  await deps.database.db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "reset_password");
    // One reset uses them all: an older link (perhaps in someone else's hands) no longer works.
    await tx
      .update(emailTokens)
      .set({ usedAt: new Date() })
      .where(
        and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, "reset_password"), isNull(emailTokens.usedAt)),
      );
    // Knowing the emailed secret proves the address too.
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    // A reset ends every open session and revokes every API token: whoever knew the old password
    // (or created the account with this address before its owner took it over) is out.
    const revoked = await revokeCredentials(tx, userId);
    const [u] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (u) await clearSignInFailures(tx, u.email);
    await recordAudit(tx, ctx, {
      action: "account.reset_password",
      resourceType: "user",
      resourceIds: [userId],
      details: revoked,
    });
  });
}

function tokenView(t: typeof apiTokens.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listApiTokens(call: Call) {
  const { actor } = call.ctx;
  ensure(apiTokenPolicy, "list", actor);
  const userId = actor.userId!;
  const rows = await call.deps.database.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return { items: rows.map(tokenView) };
}

/**
 * Creates an API token for a person inside the caller's transaction (the CLI and the tests call
 * it directly); `issueApiToken` is the service that gives the caller one of their own.
 */
export async function createApiToken(
  tx: Tx | Db,
  ctx: RequestContext,
  input: { userId: string; name: string; expiresInDays?: number; scopes?: readonly TokenScope[] },
) {
  const { userId } = input;
  const scopes = [...new Set(input.scopes ?? (["read", "write"] as const))];
  const token = API_TOKEN_PREFIX + newSecret();
  const [row] = await tx
    .insert(apiTokens)
    .values({
      id: randomUUID(),
      userId,
      name: input.name,
      prefix: token.slice(0, 10),
      scopes,
      secretHash: secretHash(token),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY) : null,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: "api_token.create",
    resourceType: "api_token",
    resourceIds: [row!.id, userId],
    details: { scopes },
  });
  return { ...tokenView(row!), token };
}

/**
 * A new API token for the caller (the secret is in the answer, once). Only from a session (a
 * token cannot mint tokens, so a leaked token cannot outlive its own revocation) and only once
 * the email address is confirmed (an unconfirmed account may belong to someone who typed another
 * person's address: its credentials must not survive the owner taking it over).
 */
export async function issueApiToken(
  call: Call,
  input: { name: string; expiresInDays?: number; scopes?: readonly TokenScope[] },
) {
  const { deps, ctx } = call;
  ensure(apiTokenPolicy, "create", ctx.actor);
  if (ctx.tokenId) {
    throw forbidden(
      "An API token cannot create API tokens: sign in with your password and create it from the session.",
    );
  }
  if (!ctx.actor.emailVerified) {
    throw forbidden(
      "Confirm your email address before creating API tokens: open the link we emailed you (or ask for a new one).",
    );
  }
  const userId = ctx.actor.userId!;
  return deps.database.db.transaction((tx) => createApiToken(tx, ctx, { ...input, userId }));
}

export async function revokeApiToken(call: Call, input: { id: string }) {
  const { deps, ctx } = call;
  // "self" with the caller's own id: the public is asked to sign in; a token that is not the
  // caller's then answers 404 like a missing one.
  ensure(apiTokenPolicy, "revoke", ctx.actor, { userId: ctx.actor.userId ?? undefined });
  const { id } = input;
  await deps.database.db.transaction(async (tx) => {
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
