import type { Instrument } from "@concordia/core";
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Every published version of every instrument; none is ever changed or deleted. The current
 * version of an instrument is its latest publication (highest seq). `document` is the validated
 * instrument file; `sha256` the hash of its canonical JSON (RFC 8785), which the log records.
 */
export const instrumentVersions = pgTable(
  "rules_instrument_versions",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    instrumentId: text("instrument_id").notNull(),
    version: text("version").notNull(),
    document: jsonb("document").$type<Instrument>().notNull(),
    sha256: text("sha256").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Null for versions loaded from the reviewed data files at start. */
    publishedBy: uuid("published_by"),
    logSeq: bigint("log_seq", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("rules_instrument_versions_id_version_key").on(t.instrumentId, t.version),
    index("rules_instrument_versions_current_idx").on(t.instrumentId, t.seq),
  ],
);
