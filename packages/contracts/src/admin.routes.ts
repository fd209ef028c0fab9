import { AuditListQuery, AuditPage, HealthView, OutboxListQuery, OutboxPage } from "./admin.js";
import { type RouteContract, route } from "./route.js";

/** The platform itself: health, and the secretariat's audit trail and outbox (see routes.ts). */
export const adminContracts = {
  health: route({
    method: "GET",
    path: "/api/health",
    summary: "Liveness and database check",
    tags: ["platform"],
    success: 200,
    response: HealthView,
  }),
  listAuditEvents: route({
    method: "GET",
    path: "/api/v1/admin/audit",
    summary: "Internal audit trail of every mutating request",
    tags: ["admin"],
    query: AuditListQuery,
    success: 200,
    response: AuditPage,
  }),
  listOutbox: route({
    method: "GET",
    path: "/api/v1/admin/outbox",
    summary: "Emails the platform has queued or sent",
    tags: ["admin"],
    query: OutboxListQuery,
    success: 200,
    response: OutboxPage,
  }),
} as const satisfies Record<string, RouteContract>;
