import { describe, expect, it } from "vitest";
import { formatCheckpoint } from "./checkpoint.js";
import {
  CosignatureError,
  cosignatureKeyId,
  cosignatureSignedMessage,
  cosignatureSigner,
  cosignatureVerifier,
  cosignCheckpoint,
  decodeCosignaturePayload,
  verifyCosignatureLine,
} from "./cosignature.js";
import { base64Decode } from "./encoding.js";
import {
  ed25519NoteSigner,
  ed25519NoteVerifier,
  ed25519SignerKey,
  ed25519VerifierKey,
  formatVerifierKey,
  parseVerifierKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
} from "./keys.js";
import { openNote, parseSignatureLine, signNote } from "./note.js";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof CosignatureError) return e.code;
    if (e instanceof Error && "code" in e) return String(e.code);
    throw e;
  }
  return undefined;
}

// Known answer from sigsum-go (pkg/checkpoint/checkpoint_test.go): the witness key is the
// Ed25519 seed 0x11 followed by 31 zero bytes, named example.org/witness, cosigning the
// checkpoint below at time 1234.
const seed = new Uint8Array(32);
seed[0] = 17;
const witness = ed25519SignerKey("example.org/witness", seed);
const witnessKey = ed25519VerifierKey("example.org/witness", witness.publicKey, SIGNATURE_TYPE_COSIGNATURE_V1);
const rootHash = new Uint8Array(32);
rootHash.set([28, 14, 71]);
const CHECKPOINT = formatCheckpoint({ origin: "example.org/log", size: 10, rootHash, extensions: [] });
const SIGSUM_LINE =
  "— example.org/witness ys8uUAAAAAAAAATSftMzceM8zssdZ9jin9SjwIxzx9iADMf63VqirX2hafol9RsqNqbofIz0LVRqHXI2kpEBSki5RTXFtxz1vo9+Cg==\n";

describe("cosignCheckpoint", () => {
  it("reproduces sigsum-go's cosignature byte for byte", () => {
    expect(CHECKPOINT).toBe("example.org/log\n10\nHA5HAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
    expect(cosignCheckpoint(CHECKPOINT, witness, 1234)).toBe(SIGSUM_LINE);
  });

  it("signs the spec's message: header, time line, checkpoint body", () => {
    expect(new TextDecoder().decode(cosignatureSignedMessage(CHECKPOINT, 1679315147))).toBe(
      `cosignature/v1\ntime 1679315147\n${CHECKPOINT}`,
    );
  });

  it("when the text is not a checkpoint or the time is not whole non-negative seconds → rejected", () => {
    expect(codeOf(() => cosignCheckpoint("hello\n", witness, 1))).toBe("TOO_FEW_LINES");
    expect(codeOf(() => cosignCheckpoint(CHECKPOINT, witness, -1))).toBe("BAD_TIMESTAMP");
    expect(codeOf(() => cosignCheckpoint(CHECKPOINT, witness, 1.5))).toBe("BAD_TIMESTAMP");
  });
});

describe("verifyCosignatureLine", () => {
  it("accepts sigsum-go's line and reports its time", () => {
    const c = verifyCosignatureLine(CHECKPOINT, SIGSUM_LINE, witnessKey);
    expect(c).toMatchObject({ name: "example.org/witness", timestamp: 1234 });
    expect(c.keyId).toBe(cosignatureKeyId("example.org/witness", witness.publicKey));
  });

  it("accepts the witness key given as a plain Ed25519 (0x01) note key", () => {
    const plain = ed25519VerifierKey("example.org/witness", witness.publicKey);
    expect(verifyCosignatureLine(CHECKPOINT, SIGSUM_LINE, plain).timestamp).toBe(1234);
  });

  it("when the key ID, name or key differs → WRONG_KEY (sigsum-go's mismatching lines)", () => {
    const otherId = SIGSUM_LINE.replace("ys8uUA", "yX8uUA");
    const otherName = SIGSUM_LINE.replace("example.org/witness", "example.org/witness-2");
    expect(codeOf(() => verifyCosignatureLine(CHECKPOINT, otherId, witnessKey))).toBe("WRONG_KEY");
    expect(codeOf(() => verifyCosignatureLine(CHECKPOINT, otherName, witnessKey))).toBe("WRONG_KEY");
    const stranger = ed25519VerifierKey("example.org/witness", new Uint8Array(32).fill(2), 4);
    expect(codeOf(() => verifyCosignatureLine(CHECKPOINT, SIGSUM_LINE, stranger))).toBe("WRONG_KEY");
  });

  it("when the payload is not 76 bytes → MALFORMED_COSIGNATURE", () => {
    const long = SIGSUM_LINE.replace("Cg==\n", "CgXX\n");
    expect(codeOf(() => verifyCosignatureLine(CHECKPOINT, long, witnessKey))).toBe("MALFORMED_COSIGNATURE");
  });

  it("when the timestamp, signature or checkpoint was altered → INVALID_SIGNATURE", () => {
    const sig = parseSignatureLine(SIGSUM_LINE);
    const later = sig.signature.slice();
    later[7]! += 1;
    const line = (signature: Uint8Array) => `— ${sig.name} ${toB64(sig.keyId, signature)}\n`;
    expect(codeOf(() => verifyCosignatureLine(CHECKPOINT, line(later), witnessKey))).toBe("INVALID_SIGNATURE");
    const forged = sig.signature.slice();
    forged[40]! ^= 1;
    expect(codeOf(() => verifyCosignatureLine(CHECKPOINT, line(forged), witnessKey))).toBe("INVALID_SIGNATURE");
    const grown = CHECKPOINT.replace("\n10\n", "\n11\n");
    expect(codeOf(() => verifyCosignatureLine(grown, SIGSUM_LINE, witnessKey))).toBe("INVALID_SIGNATURE");
  });

  it("when the time is after the caller's bound → FUTURE_TIMESTAMP", () => {
    expect(codeOf(() => verifyCosignatureLine(CHECKPOINT, SIGSUM_LINE, witnessKey, { maxTimestamp: 1233 }))).toBe(
      "FUTURE_TIMESTAMP",
    );
    expect(verifyCosignatureLine(CHECKPOINT, SIGSUM_LINE, witnessKey, { maxTimestamp: 1234 }).timestamp).toBe(1234);
  });

  it("when a log's plain note signature is presented as a cosignature → rejected (domain separation)", () => {
    const logSigned = signNote(CHECKPOINT, [ed25519NoteSigner(witness)]);
    const logLine = logSigned.slice(CHECKPOINT.length + 1);
    expect(codeOf(() => verifyCosignatureLine(CHECKPOINT, logLine, witnessKey))).toBe("WRONG_KEY");
  });
});

describe("cosignatures inside notes", () => {
  it("a checkpoint signed by its log and cosigned by a witness opens with both verifiers", () => {
    const log = ed25519SignerKey("example.org/log", new Uint8Array(32).fill(5));
    const signed = signNote(CHECKPOINT, [ed25519NoteSigner(log), cosignatureSigner(witness, 1234)]);
    expect(signed.endsWith(SIGSUM_LINE)).toBe(true);
    const logVerifier = ed25519NoteVerifier(ed25519VerifierKey("example.org/log", log.publicKey));
    const note = openNote(signed, [logVerifier, cosignatureVerifier(witnessKey)]);
    expect(note.signatures.map((s) => s.name)).toEqual(["example.org/log", "example.org/witness"]);
    // Without the witness key, the cosignature is simply ignored.
    expect(openNote(signed, [logVerifier]).unverifiedSignatures.map((s) => s.name)).toEqual(["example.org/witness"]);
    // A tampered cosignature by a known witness rejects the note.
    const tampered = signed.replace(SIGSUM_LINE, SIGSUM_LINE.replace("ftMz", "ftMy"));
    expect(codeOf(() => openNote(tampered, [logVerifier, cosignatureVerifier(witnessKey)]))).toBe("INVALID_SIGNATURE");
  });

  it("a witness key travels as a 0x04 verifier key text", () => {
    const text = formatVerifierKey(witnessKey);
    expect(parseVerifierKey(text)).toEqual(witnessKey);
    expect(text.split("+")[2]!.startsWith("B")).toBe(true); // base64 of 0x04…
  });
});

describe("decodeCosignaturePayload", () => {
  it("reads the timestamp of transparency-dev/formats' example cosignature", () => {
    const raw = base64Decode(
      "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==",
    );
    expect(decodeCosignaturePayload(raw.slice(4)).timestamp).toBe(1727964367);
  });
  it("when given a plain 64-byte signature or a timestamp beyond 2^53 - 1 → rejected", () => {
    const plain = base64Decode(
      "eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=",
    );
    expect(codeOf(() => decodeCosignaturePayload(plain.slice(4)))).toBe("MALFORMED_COSIGNATURE");
    const huge = new Uint8Array(72).fill(0xff);
    expect(codeOf(() => decodeCosignaturePayload(huge))).toBe("BAD_TIMESTAMP");
  });
});

function toB64(keyId: number, signature: Uint8Array): string {
  const bytes = new Uint8Array(4 + signature.length);
  new DataView(bytes.buffer).setUint32(0, keyId);
  bytes.set(signature, 4);
  return Buffer.from(bytes).toString("base64");
}
