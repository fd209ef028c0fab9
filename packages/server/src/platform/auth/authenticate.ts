import type { RoleGrant } from "@concordia/core";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../context.js";
import { API_TOKEN_PREFIX, secretHash } from "./secrets.js";
import { apiTokens, sessions, users } from "./tables.js";

export const SESSION_COOKIE = "concordia_session";
export const SESSION_DAYS = 14;

/** The caller's role grants, fetched in the same query as the session or token (one round trip per request). */
const grantsOf = sql<
  RoleGrant[]
>`coalesce((select json_agg(json_build_object('role', m.role, 'organizationId', m.organization_id)) from memberships m where m.user_id = "users"."id"), '[]'::json)`;

export type TokenScope = "read" | "write";

/** What a request may do: a session everything its person may, an API token only its scopes. */
type Resolved = Omit<RequestContext, "requestId" | "ip"> & {
  csrfToken: string | null;
  scopes: readonly TokenScope[];
};

const ALL_SCOPES: readonly TokenScope[] = ["read", "write"];

const ANONYMOUS: Resolved = {
  actor: { userId: null, emailVerified: false, grants: [] },
  tokenId: null,
  sessionId: null,
  csrfToken: null,
  scopes: ALL_SCOPES,
};

/** Resolves a session cookie secret to its person, or the public when unknown, expired or disabled. */
export async function resolveSession(db: Db, secret: string): Promise<Resolved> {
  const rows = await db
    .select({ sessionId: sessions.id, csrfToken: sessions.csrfToken, user: users, grants: grantsOf })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.secretHash, secretHash(secret)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.disabled) return ANONYMOUS;
  return {
    actor: {
      userId: row.user.id,
      emailVerified: row.user.emailVerifiedAt !== null,
      grants: row.grants,
    },
    tokenId: null,
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    scopes: ALL_SCOPES,
  };
}

/** Resolves an API token; `null` when it is unknown, revoked, expired or its owner disabled. */
export async function resolveApiToken(db: Db, token: string): Promise<Resolved | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const now = new Date();
  const rows = await db
    .select({
      tokenId: apiTokens.id,
      scopes: apiTokens.scopes,
      lastUsedAt: apiTokens.lastUsedAt,
      user: users,
      grants: grantsOf,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.secretHash, secretHash(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row || row.user.disabled) return null;
  // Record use at most once a minute: a write per request would cost every API call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return {
    actor: {
      userId: row.user.id,
      emailVerified: row.user.emailVerifiedAt !== null,
      grants: row.grants,
    },
    tokenId: row.tokenId,
    sessionId: null,
    csrfToken: null,
    scopes: row.scopes,
  };
}

export { ANONYMOUS };
