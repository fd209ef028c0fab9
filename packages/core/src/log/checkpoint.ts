/**
 * C2SP checkpoints (https://c2sp.org/tlog-checkpoint): the signed-note text a
 * log publishes as its tree head.
 *
 *     <origin>\n
 *     <tree size, decimal, no leading zeros>\n
 *     <root hash, base64>\n
 *     [<extension line>\n ...]
 *
 * Formatting and parsing are exact inverses: a checkpoint has one textual form,
 * so the text a witness cosigns and the values a client acts on cannot drift
 * apart (no leading zeros, canonical base64, a 32-byte hash, no empty lines).
 */
import { isSafeNonNegativeInteger } from "./bits.js";
import { base64Decode, base64Encode, bytesEqual, hasControlCharacter, isWellFormedUnicode } from "./encoding.js";
import { emptyRoot, HASH_SIZE } from "./hash.js";
import type { NoteVerifier } from "./keys.js";
import { DEFAULT_NOTE_LIMITS, type NoteLimits, type OpenedNote, openNote } from "./note.js";

export interface Checkpoint {
  /** Unique identity of the log, e.g. `example.org/log`. */
  readonly origin: string;
  /** Number of leaves in the tree. */
  readonly size: number;
  /** RFC 6962 Merkle tree hash of those leaves (32 bytes). */
  readonly rootHash: Uint8Array;
  /** Optional opaque lines after the root hash (not recommended by the spec). */
  readonly extensions: readonly string[];
}

export type CheckpointErrorCode =
  | "MISSING_NEWLINE"
  | "INVALID_TEXT"
  | "TOO_FEW_LINES"
  | "EMPTY_ORIGIN"
  | "BAD_TREE_SIZE"
  | "BAD_ROOT_HASH"
  | "EMPTY_EXTENSION_LINE"
  | "WRONG_ORIGIN";

export class CheckpointError extends Error {
  override readonly name = "CheckpointError";
  constructor(
    readonly code: CheckpointErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: CheckpointErrorCode, message: string): never {
  throw new CheckpointError(code, message);
}

function checkLine(what: string, line: string): void {
  // Control characters are forbidden in signed notes; a line cannot contain a newline either.
  if (hasControlCharacter(line, false)) fail("INVALID_TEXT", `${what} contains a newline or control character`);
  if (!isWellFormedUnicode(line)) fail("INVALID_TEXT", `${what} is not valid Unicode text`);
}

function checkRoot(size: number, rootHash: Uint8Array): void {
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== HASH_SIZE) {
    fail("BAD_ROOT_HASH", `the root hash must be ${HASH_SIZE} bytes`);
  }
  // MTH({}) is SHA-256 of the empty string (RFC 9162 §2.1.1): any other root for size 0 is a lie.
  if (size === 0 && !bytesEqual(rootHash, emptyRoot())) fail("BAD_ROOT_HASH", 'an empty tree has root SHA-256("")');
}

/** The checkpoint body (note text), ending in a newline. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions } = checkpoint;
  if (origin === "") fail("EMPTY_ORIGIN", "the origin line must not be empty");
  checkLine("the origin", origin);
  if (!isSafeNonNegativeInteger(size)) fail("BAD_TREE_SIZE", "the tree size must be an integer from 0 to 2^53 - 1");
  checkRoot(size, rootHash);
  let text = `${origin}\n${size}\n${base64Encode(rootHash)}\n`;
  for (const [i, line] of extensions.entries()) {
    if (line === "") fail("EMPTY_EXTENSION_LINE", `extension line ${i + 1} is empty`);
    checkLine(`extension line ${i + 1}`, line);
    text += `${line}\n`;
  }
  return text;
}

/** Parses a checkpoint body strictly; throws `CheckpointError`. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith("\n")) fail("MISSING_NEWLINE", "a checkpoint ends with a newline");
  const lines = text.slice(0, -1).split("\n");
  if (lines.length < 3) fail("TOO_FEW_LINES", "a checkpoint has an origin, a tree size and a root hash line");
  const [origin, sizeLine, hashLine, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === "") fail("EMPTY_ORIGIN", "the origin line is empty");
  checkLine("the origin", origin);
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine)) {
    fail("BAD_TREE_SIZE", `the tree size ${JSON.stringify(sizeLine)} is not a decimal number without leading zeros`);
  }
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) fail("BAD_TREE_SIZE", `the tree size ${sizeLine} is larger than 2^53 - 1`);
  let rootHash: Uint8Array;
  try {
    rootHash = base64Decode(hashLine);
  } catch {
    fail("BAD_ROOT_HASH", "the root hash is not canonical base64");
  }
  checkRoot(size, rootHash);
  for (const [i, line] of extensions.entries()) {
    if (line === "") fail("EMPTY_EXTENSION_LINE", `extension line ${i + 1} is empty`);
    checkLine(`extension line ${i + 1}`, line);
  }
  return { origin, size, rootHash, extensions };
}

/**
 * Opens a signed checkpoint: the note must carry a valid signature by one of
 * `verifiers` (the log's keys), its text must be a checkpoint and, when
 * `origin` is given, be that log's. Throws `NoteError` or `CheckpointError`.
 */
export function openCheckpoint(
  message: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
  options: { origin?: string; limits?: NoteLimits } = {},
): { checkpoint: Checkpoint; note: OpenedNote } {
  const note = openNote(message, verifiers, options.limits ?? DEFAULT_NOTE_LIMITS);
  const checkpoint = parseCheckpoint(note.text);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    fail(
      "WRONG_ORIGIN",
      `checkpoint is for log ${JSON.stringify(checkpoint.origin)}, not ${JSON.stringify(options.origin)}`,
    );
  }
  return { checkpoint, note };
}
