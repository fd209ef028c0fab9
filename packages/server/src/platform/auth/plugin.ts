import { DomainError, unauthenticated } from "@concordia/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../context.js";
import { ANONYMOUS, resolveApiToken, resolveSession, SESSION_COOKIE } from "./authenticate.js";
import { safeEqual } from "./secrets.js";

declare module "fastify" {
  interface FastifyRequest {
    ctx: RequestContext;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const { csrfToken: _csrf, scopes: _scopes, ...PUBLIC_CONTEXT } = ANONYMOUS;

/**
 * Works out who is calling, on every /api request:
 * - `Authorization: Bearer <token>`: an API token (a bad token is a 401, never a silent downgrade to the public),
 *   limited to its scopes: `read` for GET/HEAD/OPTIONS, `write` for every other method (403 otherwise);
 * - otherwise the session cookie; mutating requests made with it must carry the session's CSRF token in
 *   `x-csrf-token` (synchronizer token pattern), so another site cannot make a signed-in browser act.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest("ctx", null as unknown as RequestContext);
  app.decorateRequest("csrfToken", null);
  // A 429 that knows when to come back (per-account sign-in backoff) says so in Retry-After.
  app.addHook("onError", async (_req, reply, error) => {
    const seconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof seconds === "number") reply.header("retry-after", String(seconds));
  });
  app.addHook("onRequest", async (req: FastifyRequest) => {
    const base = { requestId: String(req.id), ip: req.ip };
    req.ctx = { ...PUBLIC_CONTEXT, ...base };
    if (!req.url.startsWith("/api/")) return;
    const authz = req.headers.authorization;
    if (authz !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      if (!m) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
      const resolved = await resolveApiToken(opts.db, m[1]!);
      if (!resolved) throw unauthenticated("This API token is unknown, revoked or expired.");
      const { csrfToken: _, scopes, ...ctx } = resolved;
      // Scopes are enforced here, once for every route, by HTTP method: reads need `read`, the
      // rest (every mutating route) `write`.
      const needed = SAFE_METHODS.has(req.method) ? "read" : "write";
      if (!scopes.includes(needed)) {
        throw new DomainError(
          "forbidden",
          "Forbidden",
          `This API token lacks the \`${needed}\` scope (it has: ${scopes.join(", ") || "none"}); ${req.method} needs it.`,
          [{ field: "headers.authorization", message: `the token lacks the ${needed} scope` }],
        );
      }
      req.ctx = { ...ctx, ...base };
      return;
    }
    const secret = req.cookies[SESSION_COOKIE];
    if (!secret) return;
    const resolved = await resolveSession(opts.db, secret);
    const { csrfToken, scopes: _, ...ctx } = resolved;
    req.ctx = { ...ctx, ...base };
    req.csrfToken = csrfToken;
    if (csrfToken && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers["x-csrf-token"];
      if (typeof sent !== "string" || !safeEqual(sent, csrfToken)) {
        throw new DomainError(
          "forbidden",
          "CSRF token missing or wrong",
          "Send the session's CSRF token in the x-csrf-token header.",
          [{ field: "headers.x-csrf-token", message: "missing or does not match the session" }],
        );
      }
    }
  });
});
