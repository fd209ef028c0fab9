/**
 * C2SP signed notes (https://c2sp.org/signed-note), byte-compatible with Go's
 * golang.org/x/mod/sumdb/note, on which checkpoints and witnesses build:
 *
 *     <text ending in "\n">
 *     <blank line>
 *     — <key name> <base64(4-byte key ID || signature)>
 *     ...
 *
 * The text is what is signed. Parsing is strict (valid UTF-8, no control
 * characters but newline, exact line shapes) because a lenient parser lets
 * two programs disagree about what a signed text says. Keys are in keys.ts.
 */
import {
  base64Decode,
  base64Encode,
  concatBytes,
  hasControlCharacter,
  isWellFormedUnicode,
  utf8Decode,
  utf8Encode,
} from "./encoding.js";
import { chop, formatKeyId, isValidKeyName, type NoteSigner, type NoteVerifier } from "./keys.js";

/** Limits applied by {@link openNote}. The spec requires accepting at least 16 signatures. */
export interface NoteLimits {
  readonly maxBytes: number;
  readonly maxSignatures: number;
}
/** 100 signatures, as Go's note.Open; 1 MiB leaves room for post-quantum signatures (~5 kB each). */
export const DEFAULT_NOTE_LIMITS: NoteLimits = { maxBytes: 1024 * 1024, maxSignatures: 100 };

export type NoteErrorCode =
  | "NOTE_TOO_LARGE"
  | "INVALID_UTF8"
  | "CONTROL_CHARACTER"
  | "MISSING_NEWLINE"
  | "MISSING_SIGNATURES"
  | "MALFORMED_SIGNATURE_LINE"
  | "INVALID_KEY_NAME"
  | "TOO_MANY_SIGNATURES"
  | "AMBIGUOUS_KEY"
  | "INVALID_SIGNATURE"
  | "NO_VERIFIED_SIGNATURE";

/** A note that cannot be used; with NO_VERIFIED_SIGNATURE, `note` holds what was parsed. */
export class NoteError extends Error {
  override readonly name = "NoteError";
  constructor(
    readonly code: NoteErrorCode,
    message: string,
    readonly note?: OpenedNote,
  ) {
    super(message);
  }
}

/** One signature line; `signature` excludes the 4-byte key ID. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Uint8Array;
}

export interface OpenedNote {
  readonly text: string;
  /** Signatures checked by a known key, in note order (one per key). */
  readonly signatures: readonly NoteSignature[];
  /** Signatures from keys not given to openNote, ignored as the spec requires. */
  readonly unverifiedSignatures: readonly NoteSignature[];
}

function fail(code: NoteErrorCode, message: string): never {
  throw new NoteError(code, message);
}

const SIGNATURE_PREFIX = "\u2014 "; // em dash, space

function keyIdBytes(keyId: number): Uint8Array {
  return Uint8Array.of(keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255);
}

function checkName(name: string): void {
  if (!isValidKeyName(name)) fail("INVALID_KEY_NAME", `invalid key name ${JSON.stringify(name)}`);
}

/** `— <name> <base64(key ID || signature)>\n`. */
export function formatSignatureLine(sig: NoteSignature): string {
  checkName(sig.name);
  return `${SIGNATURE_PREFIX}${sig.name} ${base64Encode(concatBytes(keyIdBytes(sig.keyId), sig.signature))}\n`;
}

/** Parses one signature line, with or without its final newline. */
export function parseSignatureLine(line: string): NoteSignature {
  const body = line.endsWith("\n") ? line.slice(0, -1) : line;
  if (!body.startsWith(SIGNATURE_PREFIX) || body.includes("\n")) {
    fail("MALFORMED_SIGNATURE_LINE", "a signature line is an em dash, a space, a key name, a space and base64");
  }
  const [name, b64] = chop(body.slice(SIGNATURE_PREFIX.length), " ");
  if (!isValidKeyName(name))
    fail("MALFORMED_SIGNATURE_LINE", `invalid key name in signature line: ${JSON.stringify(name)}`);
  let raw: Uint8Array;
  try {
    raw = base64Decode(b64);
  } catch {
    fail("MALFORMED_SIGNATURE_LINE", `signature of ${name} is not valid base64`);
  }
  if (raw.length < 5) fail("MALFORMED_SIGNATURE_LINE", `signature of ${name} is too short`);
  const keyId = ((raw[0]! << 24) | (raw[1]! << 16) | (raw[2]! << 8) | raw[3]!) >>> 0;
  return { name, keyId, signature: raw.slice(4) };
}

function checkText(text: string): void {
  if (!text.endsWith("\n")) fail("MISSING_NEWLINE", "note text must end with a newline");
  if (hasControlCharacter(text, true))
    fail("CONTROL_CHARACTER", "note text contains a control character other than newline");
  if (!isWellFormedUnicode(text)) fail("INVALID_UTF8", "note text is not valid Unicode text");
}

/**
 * Signs `text` with each signer. `existing` signatures are kept (after
 * dropping any from a signer's own key, which is replaced), then the new ones.
 */
export function signNote(
  text: string,
  signers: readonly NoteSigner[],
  existing: readonly NoteSignature[] = [],
): string {
  checkText(text);
  const bytes = utf8Encode(text);
  const mine = new Set(signers.map((s) => `${s.name} ${s.keyId}`));
  let out = `${text}\n`;
  for (const sig of existing) if (!mine.has(`${sig.name} ${sig.keyId}`)) out += formatSignatureLine(sig);
  for (const s of signers) out += formatSignatureLine({ name: s.name, keyId: s.keyId, signature: s.sign(bytes) });
  return out;
}

/**
 * Opens a signed note: parses it strictly and checks every signature made by
 * one of `verifiers` (matched by name and key ID). Unknown keys are ignored;
 * a bad signature by a known key rejects the note; at least one known key
 * must have signed. Throws `NoteError`.
 */
export function openNote(
  message: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
  limits: NoteLimits = DEFAULT_NOTE_LIMITS,
): OpenedNote {
  let bytes: Uint8Array;
  let msg: string;
  if (typeof message === "string") {
    // UTF-8 is never shorter than UTF-16, so this rejects huge inputs before encoding them.
    if (message.length > limits.maxBytes) fail("NOTE_TOO_LARGE", `note is larger than ${limits.maxBytes} bytes`);
    if (!isWellFormedUnicode(message)) fail("INVALID_UTF8", "note is not valid Unicode text");
    msg = message;
    bytes = utf8Encode(message);
  } else {
    bytes = message;
    try {
      msg = utf8Decode(message);
    } catch {
      fail("INVALID_UTF8", "note is not valid UTF-8");
    }
  }
  if (bytes.length > limits.maxBytes) fail("NOTE_TOO_LARGE", `note is larger than ${limits.maxBytes} bytes`);
  if (hasControlCharacter(msg, true)) fail("CONTROL_CHARACTER", "note contains a control character other than newline");
  // The text ends at the last blank line; signature lines cannot contain one.
  const split = msg.lastIndexOf("\n\n");
  if (split < 0) fail("MISSING_SIGNATURES", "note has no blank line before its signatures");
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block === "" || !block.endsWith("\n")) fail("MISSING_SIGNATURES", "note must end with signature lines");
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > limits.maxSignatures)
    fail("TOO_MANY_SIGNATURES", `note has more than ${limits.maxSignatures} signatures`);

  const known = new Map<string, NoteVerifier[]>();
  for (const v of verifiers) known.set(`${v.name} ${v.keyId}`, [...(known.get(`${v.name} ${v.keyId}`) ?? []), v]);
  const textBytes = utf8Encode(text);
  const signatures: NoteSignature[] = [];
  const unverifiedSignatures: NoteSignature[] = [];
  const seenLines = new Set<string>();
  const seenKeys = new Set<string>();
  for (const line of lines) {
    const sig = parseSignatureLine(line);
    const id = `${sig.name} ${sig.keyId}`;
    const candidates = known.get(id);
    if (candidates === undefined) {
      // Ignored as the spec requires; identical repeated lines are kept once.
      if (!seenLines.has(line)) unverifiedSignatures.push(sig);
      seenLines.add(line);
      continue;
    }
    if (candidates.length > 1)
      fail("AMBIGUOUS_KEY", `more than one verifier for key ${sig.name}+${formatKeyId(sig.keyId)}`);
    // One signature per key counts; later ones by the same key are skipped unchecked, as in Go.
    if (seenKeys.has(id)) continue;
    seenKeys.add(id);
    if (!candidates[0]!.verify(textBytes, sig.signature)) {
      fail("INVALID_SIGNATURE", `invalid signature by known key ${sig.name}+${formatKeyId(sig.keyId)}`);
    }
    signatures.push(sig);
  }
  const note: OpenedNote = { text, signatures, unverifiedSignatures };
  if (signatures.length === 0)
    throw new NoteError("NO_VERIFIED_SIGNATURE", "note has no signature by a known key", note);
  return note;
}
