/**
 * Keys of C2SP signed notes (https://c2sp.org/signed-note), in the text forms
 * of Go's golang.org/x/mod/sumdb/note, which logs and witnesses exchange:
 *
 *   verifier key  `<name>+<hex key ID>+<base64(type || public key)>`
 *   signer key    `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || Ed25519 seed)>`
 *
 * The key ID is the first 4 bytes of SHA-256(name || "\n" || type || public key).
 * It only selects which configured key to try; the signature proves the rest.
 *
 * Everything is synchronous and pure: key generation takes its 32 random bytes
 * from the caller. Ed25519 comes from `@noble/curves`, pure JavaScript, so the
 * browser verifies exactly as the server does.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { base64Decode, base64Encode, concatBytes, isWellFormedUnicode, utf8Encode } from "./encoding.js";

/** Signature type of plain Ed25519 note signatures (signed-note §Signature types). */
export const SIGNATURE_TYPE_ED25519 = 0x01;
/** Signature type of timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature). */
export const SIGNATURE_TYPE_COSIGNATURE_V1 = 0x04;

export type NoteKeyErrorCode = "INVALID_KEY_NAME" | "MALFORMED_KEY" | "KEY_ID_MISMATCH" | "UNKNOWN_ALGORITHM";

export class NoteKeyError extends Error {
  override readonly name = "NoteKeyError";
  constructor(
    readonly code: NoteKeyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: NoteKeyErrorCode, message: string): never {
  throw new NoteKeyError(code, message);
}

/** A public key of some signature type, as named in a verifier key. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly publicKey: Uint8Array;
}

/** An Ed25519 private key (its 32-byte seed) with its name; `keyId` is the type 0x01 one. */
export interface SignerKey {
  readonly name: string;
  readonly keyId: number;
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** Checks signatures of one key; `verify` gets the signature without its key ID. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** Produces signatures of one key over a note text (without the key ID prefix). */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: Uint8Array): Uint8Array;
}

/** Key names must be non-empty, without Unicode white space or "+" (signed-note §Format). */
export function isValidKeyName(name: string): boolean {
  return name !== "" && !/[\p{White_Space}+]/u.test(name) && isWellFormedUnicode(name);
}

/** Key ID = SHA-256(name || 0x0A || type || public key)[:4] as a big-endian uint32. */
export function noteKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const h = sha256(concatBytes(utf8Encode(`${name}\n`), Uint8Array.of(type), publicKey));
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

/** A key ID as the 8 lower-case hexadecimal digits used in key texts. */
export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, "0");
}

function checkName(name: string): void {
  if (!isValidKeyName(name)) fail("INVALID_KEY_NAME", `invalid key name ${JSON.stringify(name)}`);
}

/** Splits at the first `sep`, like Go's chop: the base64 part may itself contain "+". */
export function chop(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + sep.length)];
}

function decodeKeyMaterial(what: string, hex: string, b64: string): { keyId: number; material: Uint8Array } {
  if (!/^[0-9a-fA-F]{8}$/.test(hex)) fail("MALFORMED_KEY", `${what}: the key ID must be 8 hexadecimal digits`);
  let material: Uint8Array;
  try {
    material = base64Decode(b64);
  } catch {
    fail("MALFORMED_KEY", `${what}: the key data is not valid base64`);
  }
  if (material.length < 2) fail("MALFORMED_KEY", `${what}: the key data is empty`);
  return { keyId: Number.parseInt(hex, 16), material };
}

// Signature types whose public key is a 32-byte Ed25519 key.
const ED25519_TYPES = new Set([SIGNATURE_TYPE_ED25519, SIGNATURE_TYPE_COSIGNATURE_V1]);

/**
 * Parses `<name>+<hex8>+<base64(type || key)>`, checking that the key ID
 * matches. Accepts Ed25519 note keys (0x01) and cosignature keys (0x04).
 */
export function parseVerifierKey(text: string): VerifierKey {
  const [name, rest] = chop(text, "+");
  const [hex, b64] = chop(rest, "+");
  if (!isValidKeyName(name)) fail("MALFORMED_KEY", "verifier key: invalid key name");
  const { keyId, material } = decodeKeyMaterial("verifier key", hex, b64);
  const type = material[0]!;
  if (noteKeyId(name, type, material.subarray(1)) !== keyId) {
    fail("KEY_ID_MISMATCH", "verifier key: the key ID does not match the name and key");
  }
  if (!ED25519_TYPES.has(type)) {
    fail("UNKNOWN_ALGORITHM", `verifier key: unsupported signature type 0x${type.toString(16).padStart(2, "0")}`);
  }
  if (material.length !== 33) fail("MALFORMED_KEY", "verifier key: an Ed25519 public key is 32 bytes");
  return { name, keyId, type, publicKey: material.slice(1) };
}

/** Formats a verifier key, computing its key ID from the other fields. */
export function formatVerifierKey(key: Pick<VerifierKey, "name" | "type" | "publicKey">): string {
  checkName(key.name);
  if (!ED25519_TYPES.has(key.type)) fail("UNKNOWN_ALGORITHM", "only Ed25519 key types (0x01, 0x04) are supported");
  if (key.publicKey.length !== 32) fail("MALFORMED_KEY", "an Ed25519 public key is 32 bytes");
  const keyId = noteKeyId(key.name, key.type, key.publicKey);
  return `${key.name}+${formatKeyId(keyId)}+${base64Encode(concatBytes(Uint8Array.of(key.type), key.publicKey))}`;
}

/** The verifier key of an Ed25519 public key for the given signature type (0x01 by default). */
export function ed25519VerifierKey(name: string, publicKey: Uint8Array, type = SIGNATURE_TYPE_ED25519): VerifierKey {
  checkName(name);
  if (!ED25519_TYPES.has(type)) fail("UNKNOWN_ALGORITHM", "not an Ed25519 signature type");
  if (publicKey.length !== 32) fail("MALFORMED_KEY", "an Ed25519 public key is 32 bytes");
  return { name, keyId: noteKeyId(name, type, publicKey), type, publicKey: publicKey.slice() };
}

function signerFromSeed(name: string, seed: Uint8Array): SignerKey {
  checkName(name);
  if (seed.length !== 32) fail("MALFORMED_KEY", "an Ed25519 seed is 32 bytes");
  const publicKey = ed25519.getPublicKey(seed);
  return { name, keyId: noteKeyId(name, SIGNATURE_TYPE_ED25519, publicKey), seed: seed.slice(), publicKey };
}

/** Parses `PRIVATE+KEY+<name>+<hex8>+<base64(0x01 || seed)>`, checking the key ID against the derived public key. */
export function parseSignerKey(text: string): SignerKey {
  const [priv, r1] = chop(text, "+");
  const [key, r2] = chop(r1, "+");
  const [name, r3] = chop(r2, "+");
  const [hex, b64] = chop(r3, "+");
  if (priv !== "PRIVATE" || key !== "KEY") fail("MALFORMED_KEY", "a signer key starts with PRIVATE+KEY+");
  if (!isValidKeyName(name)) fail("MALFORMED_KEY", "signer key: invalid key name");
  const { keyId, material } = decodeKeyMaterial("signer key", hex, b64);
  if (material[0] !== SIGNATURE_TYPE_ED25519) fail("UNKNOWN_ALGORITHM", "signer key: only Ed25519 (0x01) is supported");
  if (material.length !== 33) fail("MALFORMED_KEY", "signer key: an Ed25519 seed is 32 bytes");
  const signer = signerFromSeed(name, material.subarray(1));
  if (signer.keyId !== keyId) fail("KEY_ID_MISMATCH", "signer key: the key ID does not match the name and key");
  return signer;
}

/** Formats a signer key. Anyone holding it can sign: keep it secret. */
export function formatSignerKey(key: Pick<SignerKey, "name" | "seed">): string {
  const s = signerFromSeed(key.name, key.seed);
  const data = base64Encode(concatBytes(Uint8Array.of(SIGNATURE_TYPE_ED25519), s.seed));
  return `PRIVATE+KEY+${s.name}+${formatKeyId(s.keyId)}+${data}`;
}

/** The signer key of a 32-byte Ed25519 seed. */
export function ed25519SignerKey(name: string, seed: Uint8Array): SignerKey {
  return signerFromSeed(name, seed);
}

/**
 * A new Ed25519 key pair from 32 caller-supplied random bytes (for example
 * `crypto.getRandomValues(new Uint8Array(32))`), as signer and verifier key texts.
 */
export function generateNoteKeyPair(name: string, seed: Uint8Array): { signerKey: string; verifierKey: string } {
  const signer = signerFromSeed(name, seed);
  return {
    signerKey: formatSignerKey(signer),
    verifierKey: formatVerifierKey({ name, type: SIGNATURE_TYPE_ED25519, publicKey: signer.publicKey }),
  };
}

/**
 * Ed25519 verification with the strict RFC 8032 / FIPS 186-5 rules
 * (`zip215: false`): non-canonical encodings are refused, so one message has
 * one valid signature per key. Never throws; malformed input is just invalid.
 */
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** Verifier of plain Ed25519 note signatures (type 0x01) over the note text. */
export function ed25519NoteVerifier(key: VerifierKey): NoteVerifier {
  if (key.type !== SIGNATURE_TYPE_ED25519) fail("UNKNOWN_ALGORITHM", "not an Ed25519 (0x01) note key");
  const publicKey = key.publicKey.slice();
  return { name: key.name, keyId: key.keyId, verify: (text, sig) => ed25519Verify(publicKey, text, sig) };
}

/** Signer of plain Ed25519 note signatures (type 0x01) over the note text. */
export function ed25519NoteSigner(key: SignerKey): NoteSigner {
  const signer = signerFromSeed(key.name, key.seed);
  return { name: signer.name, keyId: signer.keyId, sign: (text) => ed25519.sign(text, signer.seed) };
}
