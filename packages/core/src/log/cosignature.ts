/**
 * Ed25519 witness cosignatures, C2SP tlog-cosignature v1
 * (https://c2sp.org/tlog-cosignature). A witness that has checked a
 * checkpoint is consistent with everything it saw before signs
 *
 *     cosignature/v1\n
 *     time <unix seconds>\n
 *     <checkpoint body>
 *
 * and publishes an ordinary note signature line whose payload is
 * key ID (4 bytes) || timestamp (8 bytes, big-endian) || Ed25519 signature (64 bytes).
 * The key ID uses signature type 0x04, so a witness key can never be mistaken
 * for a log key (type 0x01) even under the same name. Clients that count
 * cosignatures from independent witnesses are protected from a log showing
 * them a different tree than everyone else (a split view).
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { parseCheckpoint } from "./checkpoint.js";
import { concatBytes, utf8Encode } from "./encoding.js";
import {
  ed25519Verify,
  type NoteSigner,
  type NoteVerifier,
  noteKeyId,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  SIGNATURE_TYPE_ED25519,
  type SignerKey,
  type VerifierKey,
} from "./keys.js";
import { formatSignatureLine, parseSignatureLine } from "./note.js";

/** A verified (or freshly made) cosignature. */
export interface Cosignature {
  readonly name: string;
  readonly keyId: number;
  /** When the witness signed, in POSIX seconds. */
  readonly timestamp: number;
  readonly signature: Uint8Array;
}

export type CosignatureErrorCode =
  | "NOT_A_COSIGNATURE_KEY"
  | "WRONG_KEY"
  | "MALFORMED_COSIGNATURE"
  | "BAD_TIMESTAMP"
  | "FUTURE_TIMESTAMP"
  | "INVALID_SIGNATURE";

export class CosignatureError extends Error {
  override readonly name = "CosignatureError";
  constructor(
    readonly code: CosignatureErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: CosignatureErrorCode, message: string): never {
  throw new CosignatureError(code, message);
}

const PAYLOAD_SIZE = 8 + 64;
// The spec caps the timestamp at 2^63 - 1; numbers are exact only to 2^53 - 1, which is far beyond any real clock.
const MAX_TIMESTAMP = Number.MAX_SAFE_INTEGER;

/** Key ID of a witness key: SHA-256(name || "\n" || 0x04 || public key)[:4]. */
export function cosignatureKeyId(name: string, publicKey: Uint8Array): number {
  return noteKeyId(name, SIGNATURE_TYPE_COSIGNATURE_V1, publicKey);
}

/**
 * The witness key to configure in clients: type 0x04. A plain Ed25519 note
 * key (type 0x01) is also accepted by the verifying functions below and read
 * as the same public key under type 0x04, as transparency-dev/formats does.
 */
function witnessKey(key: VerifierKey): { name: string; keyId: number; publicKey: Uint8Array } {
  if (key.type !== SIGNATURE_TYPE_COSIGNATURE_V1 && key.type !== SIGNATURE_TYPE_ED25519) {
    fail("NOT_A_COSIGNATURE_KEY", "a witness key is an Ed25519 key (type 0x04 or 0x01)");
  }
  if (key.publicKey.length !== 32) fail("NOT_A_COSIGNATURE_KEY", "an Ed25519 public key is 32 bytes");
  return { name: key.name, keyId: cosignatureKeyId(key.name, key.publicKey), publicKey: key.publicKey.slice() };
}

function checkTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    fail("BAD_TIMESTAMP", "the timestamp must be whole seconds from 0 to 2^53 - 1");
  }
}

/** The message a witness signs: header line, time line, then the checkpoint body. */
export function cosignatureSignedMessage(checkpointText: string, timestamp: number): Uint8Array {
  checkTimestamp(timestamp);
  return utf8Encode(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

function encodeTimestamp(timestamp: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(timestamp));
  return out;
}

/** Splits a signature payload (after the key ID) into timestamp and Ed25519 signature. */
export function decodeCosignaturePayload(payload: Uint8Array): { timestamp: number; signature: Uint8Array } {
  if (payload.length !== PAYLOAD_SIZE) {
    fail(
      "MALFORMED_COSIGNATURE",
      `a cosignature is ${4 + PAYLOAD_SIZE} bytes with its key ID, got ${4 + payload.length}`,
    );
  }
  const t = new DataView(payload.buffer, payload.byteOffset, 8).getBigUint64(0);
  if (t > BigInt(MAX_TIMESTAMP)) fail("BAD_TIMESTAMP", "the cosignature timestamp is out of range");
  return { timestamp: Number(t), signature: payload.slice(8) };
}

/**
 * A note signer that cosigns at `timestamp`, to add a cosignature with
 * `signNote(text, [cosignatureSigner(key, t)], existingSignatures)`.
 */
export function cosignatureSigner(signer: SignerKey, timestamp: number): NoteSigner {
  checkTimestamp(timestamp);
  const seed = signer.seed.slice();
  const publicKey = ed25519.getPublicKey(seed);
  return {
    name: signer.name,
    keyId: cosignatureKeyId(signer.name, publicKey),
    sign: (text) => {
      const message = concatBytes(utf8Encode(`cosignature/v1\ntime ${timestamp}\n`), text);
      return concatBytes(encodeTimestamp(timestamp), ed25519.sign(message, seed));
    },
  };
}

/**
 * Cosigns a checkpoint body (which must parse as a checkpoint) at `timestamp`
 * and returns the signature line `— <witness name> <base64>\n`.
 */
export function cosignCheckpoint(checkpointText: string, signer: SignerKey, timestamp: number): string {
  parseCheckpoint(checkpointText);
  const s = cosignatureSigner(signer, timestamp);
  return formatSignatureLine({ name: s.name, keyId: s.keyId, signature: s.sign(utf8Encode(checkpointText)) });
}

/**
 * Verifies one cosignature line over a checkpoint body with a witness key.
 * `maxTimestamp` (seconds), when given, rejects cosignatures from the future
 * (the spec lets verifiers do so). Throws `CosignatureError` (or `NoteError`
 * for a line that is not a signature line at all).
 */
export function verifyCosignatureLine(
  checkpointText: string,
  line: string,
  key: VerifierKey,
  options: { maxTimestamp?: number } = {},
): Cosignature {
  parseCheckpoint(checkpointText);
  const witness = witnessKey(key);
  const sig = parseSignatureLine(line);
  if (sig.name !== witness.name || sig.keyId !== witness.keyId) {
    fail("WRONG_KEY", `the line is signed by ${sig.name}, key ID ${sig.keyId}, not by this witness key`);
  }
  const { timestamp, signature } = decodeCosignaturePayload(sig.signature);
  if (options.maxTimestamp !== undefined && timestamp > options.maxTimestamp) {
    fail("FUTURE_TIMESTAMP", `the cosignature is dated ${timestamp}, after ${options.maxTimestamp}`);
  }
  if (!ed25519Verify(witness.publicKey, cosignatureSignedMessage(checkpointText, timestamp), signature)) {
    fail("INVALID_SIGNATURE", `the cosignature by ${sig.name} does not verify`);
  }
  return { name: sig.name, keyId: sig.keyId, timestamp, signature };
}

/** A note verifier for a witness key, so `openNote` can check cosignatures alongside log signatures. */
export function cosignatureVerifier(key: VerifierKey): NoteVerifier {
  const witness = witnessKey(key);
  return {
    name: witness.name,
    keyId: witness.keyId,
    verify: (text, payload) => {
      if (payload.length !== PAYLOAD_SIZE) return false;
      let decoded: { timestamp: number; signature: Uint8Array };
      try {
        decoded = decodeCosignaturePayload(payload);
      } catch {
        return false;
      }
      const prefix = utf8Encode(`cosignature/v1\ntime ${decoded.timestamp}\n`);
      return ed25519Verify(witness.publicKey, concatBytes(prefix, text), decoded.signature);
    },
  };
}
