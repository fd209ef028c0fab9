import { adminPolicy } from "@concordia/core";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { listAuditEvents } from "../audit/service.js";
import type { Deps } from "../context.js";
import { defineRoute, ensure } from "../http/route.js";
import { listOutbox } from "../outbox/mailer.js";

const VERSION = "0.1.0";

export function adminRoutes(app: FastifyInstance, deps: Deps) {
  const db = deps.database.db;
  const started = Date.now();

  defineRoute(app, "health", async ({ reply }) => {
    const t0 = performance.now();
    let ok = true;
    try {
      await db.execute(sql`select 1`);
    } catch {
      ok = false;
    }
    if (!ok) reply.code(503);
    return {
      status: ok ? ("ok" as const) : ("degraded" as const),
      database: { ok, kind: deps.database.kind, latencyMs: Math.round((performance.now() - t0) * 100) / 100 },
      version: VERSION,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    };
  });

  defineRoute(app, "listAuditEvents", async ({ query, ctx }) => {
    ensure(adminPolicy, "readAudit", ctx);
    return listAuditEvents(db, query);
  });

  defineRoute(app, "listOutbox", async ({ query, ctx }) => {
    ensure(adminPolicy, "readOutbox", ctx);
    return listOutbox(db, query);
  });
}
