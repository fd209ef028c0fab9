import { z } from "zod";
import { Id, PageQuery, page, Timestamp } from "./common.js";

export const AuditEventView = z
  .object({
    id: Id,
    at: Timestamp,
    actorUserId: Id.nullable(),
    actorName: z.string().nullable(),
    viaApiToken: z.boolean(),
    action: z.string(),
    resourceType: z.string(),
    resourceIds: z.array(z.string()),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });
export const AuditListQuery = PageQuery.extend({
  actorUserId: Id.optional(),
  action: z.string().max(100).optional(),
  resourceType: z.string().max(100).optional(),
  resourceId: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const AuditPage = page(AuditEventView);

export const OutboxEmailView = z
  .object({
    id: Id,
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    kind: z.string(),
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
  })
  .meta({ id: "OutboxEmail" });
export const OutboxListQuery = PageQuery.extend({ to: z.string().max(254).optional() });
export const OutboxPage = page(OutboxEmailView);

export const HealthView = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({
    ok: z.boolean(),
    kind: z.enum(["pglite", "postgres"]),
    latencyMs: z.number(),
    error: z
      .enum(["unreachable", "timeout", "failed"])
      .optional()
      .describe("Why the database check failed: unreachable (restarting, down, network), timeout, or failed"),
  }),
  version: z.string(),
  uptimeSeconds: z.number(),
});
