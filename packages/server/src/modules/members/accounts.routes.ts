import type { FastifyInstance, FastifyReply } from "fastify";
import type { Deps } from "../../deps.js";
import { SESSION_COOKIE, SESSION_DAYS } from "../../platform/auth/authenticate.js";
import { routesFor } from "../../platform/http/route.js";
import * as accounts from "./accounts.service.js";
import { acceptInvitation } from "./invitations.service.js";

export function setSessionCookie(reply: FastifyReply, deps: Deps, secret: string) {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.secureCookies,
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

/** A new session's answer: the cookie carries the secret, the body the person, CSRF token and abilities. */
function opened(reply: FastifyReply, deps: Deps, { session, user, can }: Awaited<ReturnType<typeof accounts.signIn>>) {
  setSessionCookie(reply, deps, session.secret);
  return { user, csrfToken: session.csrfToken, can };
}

// Thin: the services check access (accountPolicy, apiTokenPolicy); cookies, the CSRF token,
// the user agent and rate limits are the HTTP edge's business and stay here.
export function accountRoutes(app: FastifyInstance, deps: Deps) {
  const route = routesFor(app, deps);
  const limit = { rateLimitPerMinute: deps.config.authRateLimit };
  const userAgent = (headers: { "user-agent"?: string }) => headers["user-agent"];

  route(
    "signUp",
    async ({ body, call }) => {
      await accounts.signUp(call, body);
      return null;
    },
    limit,
  );

  route(
    "signIn",
    async ({ body, call, request, reply }) =>
      opened(reply, deps, await accounts.signIn(call, { ...body, userAgent: userAgent(request.headers) })),
    limit,
  );

  route("signOut", async ({ call, reply }) => {
    await accounts.signOut(call);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return null;
  });

  route("session", async ({ call, request }) => {
    const { user, can } = await accounts.currentSession(call);
    return { user, csrfToken: user ? request.csrfToken : null, can };
  });

  route(
    "verifyEmail",
    async ({ body, call }) => {
      await accounts.verifyEmail(call, body);
      return null;
    },
    limit,
  );

  route(
    "resendVerification",
    async ({ call }) => {
      await accounts.resendVerification(call);
      return null;
    },
    limit,
  );

  route(
    "requestPasswordReset",
    async ({ body, call }) => {
      await accounts.requestPasswordReset(call, body);
      return null;
    },
    limit,
  );

  route(
    "confirmPasswordReset",
    async ({ body, call }) => {
      await accounts.confirmPasswordReset(call, body);
      return null;
    },
    limit,
  );

  route(
    "acceptInvitation",
    async ({ body, call, request, reply }) =>
      opened(reply, deps, await acceptInvitation(call, { ...body, userAgent: userAgent(request.headers) })),
    limit,
  );

  route("listApiTokens", ({ call }) => accounts.listApiTokens(call));
  route("createApiToken", ({ body, call }) => accounts.issueApiToken(call, body));
  route("revokeApiToken", async ({ params, call }) => {
    await accounts.revokeApiToken(call, params);
    return null;
  });
}
