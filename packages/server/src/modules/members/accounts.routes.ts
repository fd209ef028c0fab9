import { apiTokenPolicy } from "@concordia/core";
import type { FastifyInstance, FastifyReply } from "fastify";
import { SESSION_COOKIE, SESSION_DAYS } from "../../platform/auth/authenticate.js";
import type { Deps } from "../../platform/context.js";
import { unauthenticated } from "../../platform/http/problem.js";
import { defineRoute, ensure } from "../../platform/http/route.js";
import * as accounts from "./accounts.service.js";
import { acceptInvitation } from "./invitations.service.js";
import { personView } from "./people.service.js";

export function setSessionCookie(reply: FastifyReply, deps: Deps, secret: string) {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.secureCookies,
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function accountRoutes(app: FastifyInstance, deps: Deps) {
  const db = deps.database.db;
  const limit = { rateLimitPerMinute: deps.config.authRateLimit };

  defineRoute(
    app,
    "signUp",
    async ({ body, ctx, request, reply }) => {
      const { session, user } = await accounts.signUp(deps, ctx, body, request.headers["user-agent"]);
      setSessionCookie(reply, deps, session.secret);
      return { user, csrfToken: session.csrfToken };
    },
    limit,
  );

  defineRoute(
    app,
    "signIn",
    async ({ body, ctx, request, reply }) => {
      const { session, user } = await accounts.signIn(deps, ctx, body, request.headers["user-agent"]);
      setSessionCookie(reply, deps, session.secret);
      return { user, csrfToken: session.csrfToken };
    },
    limit,
  );

  defineRoute(app, "signOut", async ({ ctx, reply }) => {
    await accounts.signOut(db, ctx);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return null;
  });

  defineRoute(app, "session", async ({ ctx, request }) => {
    if (!ctx.actor.userId) return { user: null, csrfToken: null };
    return { user: await personView(db, ctx.actor.userId), csrfToken: request.csrfToken };
  });

  defineRoute(
    app,
    "verifyEmail",
    async ({ body, ctx }) => {
      await accounts.verifyEmail(db, ctx, body.token);
      return null;
    },
    limit,
  );

  defineRoute(
    app,
    "resendVerification",
    async ({ ctx }) => {
      if (!ctx.actor.userId) throw unauthenticated();
      await accounts.resendVerification(deps, ctx);
      return null;
    },
    limit,
  );

  defineRoute(
    app,
    "requestPasswordReset",
    async ({ body, ctx }) => {
      await accounts.requestPasswordReset(deps, ctx, body.email);
      return null;
    },
    limit,
  );

  defineRoute(
    app,
    "confirmPasswordReset",
    async ({ body, ctx }) => {
      await accounts.confirmPasswordReset(db, ctx, body.token, body.password);
      return null;
    },
    limit,
  );

  defineRoute(
    app,
    "acceptInvitation",
    async ({ body, ctx, request, reply }) => {
      const { session, user } = await acceptInvitation(deps, ctx, body, request.headers["user-agent"]);
      setSessionCookie(reply, deps, session.secret);
      return { user, csrfToken: session.csrfToken };
    },
    limit,
  );

  defineRoute(app, "listApiTokens", async ({ ctx }) => {
    ensure(apiTokenPolicy, "list", ctx);
    return accounts.listApiTokens(db, ctx.actor.userId!);
  });

  defineRoute(app, "createApiToken", async ({ body, ctx }) => {
    ensure(apiTokenPolicy, "create", ctx);
    return db.transaction((tx) => accounts.createApiToken(tx, ctx, ctx.actor.userId!, body));
  });

  defineRoute(app, "revokeApiToken", async ({ params, ctx }) => {
    // "self": the service then answers 404 for a token that is not the caller's.
    ensure(apiTokenPolicy, "revoke", ctx, { userId: ctx.actor.userId ?? undefined });
    await accounts.revokeApiToken(db, ctx, params.id);
    return null;
  });
}
