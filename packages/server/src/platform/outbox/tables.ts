import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every email the platform sends is first written here in the same transaction
 * as the change that caused it (transactional outbox); a sender delivers it by
 * SMTP when configured. In development the secretariat reads it in the UI.
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_emails_created_idx").on(t.createdAt), index("outbox_emails_unsent_idx").on(t.sentAt)],
);
