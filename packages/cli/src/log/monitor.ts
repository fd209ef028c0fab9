/**
 * A log monitor: follows the log like a witness (signature, append-only), and
 * also downloads every new entry from the entry bundles and recomputes the
 * tree root from them and the tree peaks it kept, so a checkpoint whose root
 * does not cover exactly the entries served raises an alarm.
 */

import { type Advance, fetchAndCheck } from "./advance.js";
import {
  appendLeaf,
  base64Encode,
  bytesEqual,
  type CompactRange,
  compactRangeRoot,
  emptyCompactRange,
  leafHash,
  type NoteVerifier,
  TILE_WIDTH,
} from "./core.js";
import { VerificationFailure } from "./errors.js";
import type { LogFeed } from "./http.js";
import type { LogState } from "./state.js";

/**
 * Splits an entry bundle (C2SP tlog-tiles: entries, each prefixed by its
 * length as a big-endian uint16) and checks it holds exactly `width` entries.
 */
export function parseEntryBundle(data: Uint8Array, width: number): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let at = 0;
  while (at < data.length) {
    if (at + 2 > data.length) throw new VerificationFailure("BAD_ENTRY_BUNDLE", "truncated entry length");
    const length = (data[at]! << 8) | data[at + 1]!;
    at += 2;
    if (at + length > data.length) throw new VerificationFailure("BAD_ENTRY_BUNDLE", "truncated entry");
    entries.push(data.slice(at, at + length));
    at += length;
  }
  if (entries.length !== width) {
    throw new VerificationFailure("BAD_ENTRY_BUNDLE", `the bundle holds ${entries.length} entries, expected ${width}`);
  }
  return entries;
}

/** Builds an entry bundle (for tests and fixtures). */
export function formatEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(entries.reduce((n, e) => n + 2 + e.length, 0));
  let at = 0;
  for (const e of entries) {
    if (e.length > 0xffff) throw new Error("an entry is at most 65535 bytes");
    out[at++] = e.length >> 8;
    out[at++] = e.length & 255;
    out.set(e, at);
    at += e.length;
  }
  return out;
}

/** Entries [from, to) of a tree of `to` leaves, fetched bundle by bundle. */
export async function fetchEntries(
  feed: Pick<LogFeed, "entryBundle">,
  from: number,
  to: number,
  onBundle?: (fetched: number, total: number) => void,
): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const fullBundles = Math.floor(to / TILE_WIDTH);
  for (let n = Math.floor(from / TILE_WIDTH); n * TILE_WIDTH < to; n++) {
    const width = n < fullBundles ? TILE_WIDTH : to % TILE_WIDTH;
    const entries = parseEntryBundle(await feed.entryBundle(n, width), width);
    const start = Math.max(from - n * TILE_WIDTH, 0);
    out.push(...entries.slice(start));
    onBundle?.(out.length, to - from);
  }
  return out;
}

export interface MonitoredEntry {
  index: number;
  type: string;
  leafHash: string;
  /** The entry as text (the record's canonical JSON). */
  record: string;
}

/** The type of a record: its "recordType" or "type" field when it is a JSON object. */
export function recordType(record: string): string {
  try {
    const v = JSON.parse(record) as Record<string, unknown>;
    for (const k of ["recordType", "type", "kind"]) if (typeof v?.[k] === "string") return v[k] as string;
  } catch {
    // Not JSON: shown as unknown.
  }
  return "?";
}

export interface MonitorRound {
  status: "no-checkpoint" | "unchanged" | "advanced";
  advance?: Advance;
  previousSize: number | null;
  size?: number;
  rootHash?: string;
  entries: MonitoredEntry[];
}

export interface MonitorRoundOptions {
  feed: Pick<LogFeed, "checkpoint" | "consistencyProof" | "entryBundle">;
  logVerifier: NoteVerifier;
  state: LogState | null;
  save: (state: LogState) => void;
  onBundle?: (fetched: number, total: number) => void;
}

/** One round; throws VerificationFailure on any alarm, before saving anything. */
export async function monitorRound(o: MonitorRoundOptions): Promise<MonitorRound> {
  if (o.state && !o.state.range) {
    throw new VerificationFailure(
      "BAD_STATE",
      "the state file has no tree peaks (was it written by a witness?); use a separate state file for the monitor",
    );
  }
  const previousSize = o.state?.checkpoint.size ?? null;
  const advance = await fetchAndCheck(o.feed, o.logVerifier, o.state);
  if (advance === null) return { status: "no-checkpoint", previousSize, entries: [] };
  const { checkpoint } = advance;
  const rootHash = base64Encode(checkpoint.rootHash);
  if (advance.kind === "same") {
    return { status: "unchanged", advance, previousSize, size: checkpoint.size, rootHash, entries: [] };
  }
  let range: CompactRange = o.state?.range ?? emptyCompactRange();
  const from = range.size;
  const data = await fetchEntries(o.feed, from, checkpoint.size, o.onBundle);
  const entries: MonitoredEntry[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false });
  for (const [i, entry] of data.entries()) {
    const hash = leafHash(entry);
    range = appendLeaf(range, hash).range;
    const record = decoder.decode(entry);
    entries.push({ index: from + i, type: recordType(record), leafHash: base64Encode(hash), record });
  }
  const computed = compactRangeRoot(range);
  if (!bytesEqual(computed, checkpoint.rootHash)) {
    throw new VerificationFailure(
      "ROOT_MISMATCH",
      `the entries served for [${from}, ${checkpoint.size}) give root ${base64Encode(computed)}, the signed checkpoint says ${rootHash}`,
      "entries cover the checkpoint root",
    );
  }
  o.save({ checkpoint, note: advance.signedNote, range });
  return { status: "advanced", advance, previousSize, size: checkpoint.size, rootHash, entries };
}
