import { adminPolicy, ensure } from "@concordia/core";
import { sql } from "drizzle-orm";
import { isConnectionError } from "../../db/connection.js";
import { type AuditFilter, listAuditEvents as auditPage } from "../audit/service.js";
import type { PlatformDeps, RequestContext } from "../context.js";
import { listOutbox as outboxPage } from "../outbox/mailer.js";

/** How platform services are called: like modules' `service(call, input)`, with the platform's part of the deps. */
export interface PlatformCall {
  deps: PlatformDeps;
  ctx: RequestContext;
}

const VERSION = "0.1.0";

/** Liveness and a database round trip; public. The route answers 503 when degraded. */
export async function health(call: PlatformCall, input: { startedAt: number }) {
  const { database } = call.deps;
  const t0 = performance.now();
  let error: "unreachable" | "timeout" | "failed" | undefined;
  try {
    await database.db.execute(sql`select 1`);
  } catch (err) {
    const text = String((err as { message?: unknown })?.message ?? err);
    error = /timeout/i.test(text) ? "timeout" : isConnectionError(err) ? "unreachable" : "failed";
  }
  const ok = error === undefined;
  return {
    status: ok ? ("ok" as const) : ("degraded" as const),
    database: {
      ok,
      kind: database.kind,
      latencyMs: Math.round((performance.now() - t0) * 100) / 100,
      ...(error ? { error } : {}),
    },
    version: VERSION,
    uptimeSeconds: Math.round((Date.now() - input.startedAt) / 1000),
  };
}

/** The internal audit trail (secretariat). */
export async function listAuditEvents(call: PlatformCall, filter: AuditFilter) {
  ensure(adminPolicy, "readAudit", call.ctx.actor);
  return auditPage(call.deps.database.db, filter);
}

/** Emails the platform has queued or sent (secretariat). */
export async function listOutbox(call: PlatformCall, filter: { page: number; pageSize: number; to?: string }) {
  ensure(adminPolicy, "readOutbox", call.ctx.actor);
  return outboxPage(call.deps.database.db, filter);
}
