import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => new Uint8Array(v),
});

/**
 * Every record ever appended. `seq` orders submissions; `idx` is the leaf index,
 * assigned when the sequencer integrates the record into the tree (null before).
 * `record` is the canonical JSON (RFC 8785) whose UTF-8 bytes are the leaf.
 */
export const logEntries = pgTable(
  "log_entries",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    idx: bigint("idx", { mode: "number" }),
    recordType: text("record_type").notNull(),
    record: text("record").notNull(),
    leafHash: bytea("leaf_hash").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    integratedAt: timestamp("integrated_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("log_entries_idx_key").on(t.idx),
    index("log_entries_pending_idx").on(t.seq).where(sql`${t.idx} is null`),
    index("log_entries_type_idx").on(t.recordType, t.idx),
    index("log_entries_leaf_hash_idx").on(t.leafHash),
  ],
);

/** C2SP tlog-tiles hash tiles: level L, index N, the tile's current hashes (a growing prefix until full). */
export const logTiles = pgTable(
  "log_tiles",
  {
    level: integer("level").notNull(),
    idx: bigint("idx", { mode: "number" }).notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] })],
);

/** Every checkpoint the log signed, one per tree size. */
export const logCheckpoints = pgTable("log_checkpoints", {
  size: bigint("size", { mode: "number" }).primaryKey(),
  rootHash: bytea("root_hash").notNull(),
  note: text("note").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** The log's signing key when none is given in the environment: generated once, shared by every instance. */
export const logKeys = pgTable("log_keys", {
  origin: text("origin").primaryKey(),
  signerKey: text("signer_key").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Member-state witnesses (C2SP tlog-cosignature keys) registered by the secretariat. */
export const logWitnesses = pgTable(
  "log_witnesses",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    keyId: bigint("key_id", { mode: "number" }).notNull(),
    verifierKey: text("verifier_key").notNull(),
    countryCode: text("country_code"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("log_witnesses_key_key").on(t.name, t.keyId)],
);

export const logCosignatures = pgTable(
  "log_cosignatures",
  {
    witnessId: uuid("witness_id")
      .notNull()
      .references(() => logWitnesses.id, { onDelete: "cascade" }),
    size: bigint("size", { mode: "number" })
      .notNull()
      .references(() => logCheckpoints.size),
    line: text("line").notNull(),
    timestamp: bigint("timestamp", { mode: "number" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.witnessId, t.size] }), index("log_cosignatures_size_idx").on(t.size)],
);
