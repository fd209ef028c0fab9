import { invalid, leafHash } from "@concordia/core";
import canonicalize from "canonicalize";
import type { Tx } from "../../db/connection.js";
import { logEntries } from "./tables.js";

/** C2SP tlog-tiles entry bundles prefix each entry with a 16-bit length. */
export const MAX_RECORD_BYTES = 65_535;

/**
 * Appends a public act to the log inside the caller's transaction, so the act
 * and its log record commit or fail together. The record is canonicalized with
 * RFC 8785 (JCS); its UTF-8 bytes are the leaf. Returns the submission number;
 * the sequencer gives it a leaf index shortly after commit.
 */
export async function appendRecord(tx: Tx, type: string, content: Record<string, unknown>): Promise<number> {
  const record = canonicalize({ ...content, type });
  if (record === undefined) throw new Error("record cannot be canonicalized");
  const bytes = new TextEncoder().encode(record);
  if (bytes.length > MAX_RECORD_BYTES) {
    throw invalid("body", `the record is ${bytes.length} bytes; the log takes at most ${MAX_RECORD_BYTES}`);
  }
  const [row] = await tx
    .insert(logEntries)
    .values({ recordType: type, record, leafHash: leafHash(bytes) })
    .returning({ seq: logEntries.seq });
  return row!.seq;
}
