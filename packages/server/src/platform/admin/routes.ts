import type { FastifyInstance } from "fastify";
import type { PlatformDeps } from "../context.js";
import { routesFor } from "../http/route.js";
import * as admin from "./service.js";

export function adminRoutes(app: FastifyInstance, deps: PlatformDeps) {
  const route = routesFor(app, deps);
  const startedAt = Date.now();

  route("health", async ({ call, reply }) => {
    const answer = await admin.health(call, { startedAt });
    if (answer.status !== "ok") reply.code(503);
    return answer;
  });
  route("listAuditEvents", ({ query, call }) => admin.listAuditEvents(call, query));
  route("listOutbox", ({ query, call }) => admin.listOutbox(call, query));
}
