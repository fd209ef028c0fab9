import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Internal audit trail: one row per mutating request (who, what, when, which ids). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorTokenId: uuid("actor_token_id"),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceIds: text("resource_ids").array().notNull().default(sql`'{}'::text[]`),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    requestId: text("request_id"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_idx").on(t.actorUserId, t.at),
    index("audit_events_resource_ids_idx").using("gin", t.resourceIds),
  ],
);
