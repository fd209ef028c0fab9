import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables.js";

/** States admitted to the organization, by ISO 3166-1 alpha-2 code. */
export const memberStates = pgTable("member_states", {
  code: text("code").primaryKey(),
  status: text("status", { enum: ["member", "observer"] }).notNull(),
  /** The transparency-log entry of the latest decision about this state. */
  logSeq: bigint("log_seq", { mode: "number" }),
  admittedAt: timestamp("admitted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    type: text("type", {
      enum: ["government_agency", "academia", "industry", "civil_society", "intergovernmental_organization"],
    }).notNull(),
    countryCode: text("country_code"),
    status: text("status", { enum: ["member", "observer"] }).notNull(),
    website: text("website"),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organizations_name_key").on(sql`lower(${t.name})`),
    index("organizations_country_idx").on(t.countryCode),
  ],
);

/** A person's role in an organization. */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    role: text("role", {
      enum: ["secretariat_admin", "member_delegate", "auditor", "provider", "researcher"],
    }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_user_org_role_key").on(t.userId, t.organizationId, t.role),
    index("memberships_org_idx").on(t.organizationId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: text("role", {
      enum: ["secretariat_admin", "member_delegate", "auditor", "provider", "researcher"],
    }).notNull(),
    secretHash: text("secret_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("invitations_secret_hash_key").on(t.secretHash), index("invitations_email_idx").on(t.email)],
);
