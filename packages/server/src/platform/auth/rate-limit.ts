import { DomainError } from "@concordia/core";
import { eq, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { rateLimits } from "./tables.js";

/**
 * Rate limits kept in PostgreSQL, so every instance on the same database counts together
 * (an in-memory counter per process let N instances allow N × the limit).
 *
 * - `postgresRateLimitStore(db)`: a store for `@fastify/rate-limit` (fixed windows, one row per
 *   route and client address, one upsert per limited request);
 * - `recordSignInAttempt`, `clearSignInFailures`: the per-account limit on failed sign-ins,
 *   whatever address they come from (each attempt is counted before the password is checked).
 *
 * Times are the database's (`now()`), so instances with skewed clocks still agree.
 */

interface RateLimitResult {
  current: number;
  ttl: number;
}
type Incr = (
  key: string,
  callback: (error: Error | null, result?: RateLimitResult) => void,
  timeWindow: number,
  max: number,
) => void;

/** One fixed-window hit: returns the hits in the current window and the milliseconds left in it. */
export async function hit(db: Db, key: string, windowMs: number): Promise<RateLimitResult> {
  const window = sql`(${windowMs}::int * interval '1 millisecond')`;
  const expired = sql`${rateLimits.windowStart} <= now() - ${window}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({
      hits: rateLimits.hits,
      ttl: sql<number>`greatest(0, ceil(extract(epoch from (${rateLimits.windowStart} + ${window} - now())) * 1000))::int`,
    });
  return { current: row!.hits, ttl: Number(row!.ttl) };
}

/**
 * The `store` option of `@fastify/rate-limit`: the plugin constructs it once and asks a child per
 * limited route, whose keys carry the route (`route:POST /api/v1/auth/sign-in:<ip>`).
 */
export function postgresRateLimitStore(db: Db) {
  return class PostgresRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = "route:",
    ) {}

    incr: Incr = (key, callback, timeWindow) => {
      hit(db, this.prefix + key, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    };

    child(routeOptions: object) {
      const info = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(",") : (info.method ?? "");
      return new PostgresRateLimitStore(undefined, `route:${method} ${info.url ?? ""}:`);
    }
  };
}

/** A 429 that says when to come back: the auth plugin copies `retryAfterSeconds` into `Retry-After`. */
export class RetryLater extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super("rate_limited", "Too many requests", detail);
  }
}

/** Failed sign-ins allowed before the account waits; then 2^n seconds after the n-th extra failure, capped. */
export const SIGN_IN_FREE_FAILURES = 5;
export const SIGN_IN_MAX_WAIT_SECONDS = 15 * 60;
/** Failures older than this are forgotten (and their rows deleted by the clean-up job). */
const FAILURES_FORGOTTEN_AFTER = sql`interval '1 day'`;

const failureKey = (email: string) => `sign-in-failures:${email.toLowerCase()}`;

export function backoffSeconds(failures: number): number {
  if (failures < SIGN_IN_FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - SIGN_IN_FREE_FAILURES + 1), SIGN_IN_MAX_WAIT_SECONDS);
}

/** When the account may try again: `wait_until` = the latest failure + the back-off its count earns. */
const waitUntil = sql`(${rateLimits.windowStart} + least(power(2, least(${rateLimits.hits}, 40) - ${SIGN_IN_FREE_FAILURES}::int + 1), ${SIGN_IN_MAX_WAIT_SECONDS}::int) * interval '1 second')`;

/**
 * Starts a sign-in for `email` (known or not: the answer must not say which), before the password
 * is checked. One upsert decides and records, so parallel guesses cannot all pass a check made
 * before any of them is counted: when the account may try now, the attempt is counted as a failure
 * (the window start becoming now) and the new count returned; a successful sign-in then clears it
 * (`clearSignInFailures`). While the account is still waiting the row is left as it is and a
 * `RetryLater` (429, Retry-After) is thrown. Failures older than a day are forgotten.
 */
export async function recordSignInAttempt(db: Db, email: string): Promise<{ failures: number }> {
  const key = failureKey(email);
  const stale = sql`${rateLimits.windowStart} <= now() - ${FAILURES_FORGOTTEN_AFTER}`;
  const mayTry = sql`(${rateLimits.hits} < ${SIGN_IN_FREE_FAILURES}::int or ${stale} or ${waitUntil} <= now())`;
  const [counted] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { hits: sql`case when ${stale} then 1 else ${rateLimits.hits} + 1 end`, windowStart: sql`now()` },
      // The row is locked while this is decided: a parallel attempt sees the count this one left.
      setWhere: mayTry,
    })
    .returning({ hits: rateLimits.hits });
  if (counted) return { failures: counted.hits };
  // Refused: the decision above is final; this only says how long to wait (at least a second).
  const [row] = await db
    .select({ wait: sql<number>`extract(epoch from (${waitUntil} - now()))::float8` })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  const seconds = Math.max(1, Math.ceil(Number(row?.wait ?? 0)));
  throw new RetryLater(
    seconds,
    `Too many failed sign-ins for this account: wait ${seconds} s before trying again, or reset the password.`,
  );
}

/** A successful sign-in (or a password reset) forgets the failures. */
export async function clearSignInFailures(db: Db | Tx, email: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, failureKey(email)));
}

/**
 * Deletes rows no limit needs any more: route windows are at most minutes long and failures are
 * forgotten after a day. Every instance may run it; deleting twice is harmless.
 */
export async function deleteStaleRateLimits(db: Db): Promise<number> {
  const gone = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, sql`now() - ${FAILURES_FORGOTTEN_AFTER}`))
    .returning({ key: rateLimits.key });
  return gone.length;
}
