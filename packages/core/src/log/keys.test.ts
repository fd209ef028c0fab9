import { describe, expect, it } from "vitest";
import { hexDecode, hexEncode } from "./encoding.js";
import {
  ed25519NoteSigner,
  ed25519NoteVerifier,
  ed25519SignerKey,
  ed25519VerifierKey,
  ed25519Verify,
  formatSignerKey,
  formatVerifierKey,
  generateNoteKeyPair,
  isValidKeyName,
  NoteKeyError,
  noteKeyId,
  parseSignerKey,
  parseVerifierKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  SIGNATURE_TYPE_ED25519,
} from "./keys.js";

// Keys from golang.org/x/mod/sumdb/note (package documentation and note_test.go).
const PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
// The Go checksum database's real key (cmd/go/internal/modfetch/key.go).
const SUMDB_VKEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof NoteKeyError) return e.code;
    throw e;
  }
  return undefined;
}

describe("verifier keys", () => {
  it("parse the Go note package's and the Go checksum database's keys, key IDs checked", () => {
    const peter = parseVerifierKey(PETER_VKEY);
    expect(peter).toMatchObject({ name: "PeterNeumann", keyId: 0xc74f20a3, type: SIGNATURE_TYPE_ED25519 });
    expect(parseVerifierKey(ENOCH_VKEY).keyId).toBe(0xaf0cfe78);
    expect(parseVerifierKey(SUMDB_VKEY).keyId).toBe(0x033de0ae);
    expect(formatVerifierKey(peter)).toBe(PETER_VKEY);
  });

  it("parse witness keys of type 0x04 (transparency-dev/formats test key remora.n621.de)", () => {
    const key = parseVerifierKey("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
    expect(key.type).toBe(SIGNATURE_TYPE_COSIGNATURE_V1);
    expect(key.keyId).toBe(noteKeyId("remora.n621.de", SIGNATURE_TYPE_COSIGNATURE_V1, key.publicKey));
  });

  it("when any part is cut off or any character changed → rejected (Go's TestNewVerifier)", () => {
    for (let i = 0; i <= PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i === 0 && j === PETER_VKEY.length) continue;
        expect(
          codeOf(() => parseVerifierKey(PETER_VKEY.slice(i, j))),
          PETER_VKEY.slice(i, j),
        ).toBeDefined();
      }
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const changed =
        PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1);
      expect(
        codeOf(() => parseVerifierKey(changed)),
        changed,
      ).toBeDefined();
    }
  });

  it("when the key has the wrong length or an unknown type (with matching key IDs) → rejected", () => {
    const long = "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==";
    expect(codeOf(() => parseVerifierKey(long))).toBe("MALFORMED_KEY");
    const unknown = "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    expect(codeOf(() => parseVerifierKey(unknown))).toBe("UNKNOWN_ALGORITHM");
    expect(codeOf(() => parseVerifierKey("PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))).toBe(
      "KEY_ID_MISMATCH",
    );
    expect(codeOf(() => parseVerifierKey("Peter Neumann+c74f20a3+ARpc"))).toBe("MALFORMED_KEY");
  });
});

describe("signer keys", () => {
  it("parse the Go note package's example key; its public key is the verifier key's", () => {
    const signer = parseSignerKey(PETER_SKEY);
    expect(signer.keyId).toBe(0xc74f20a3);
    expect(signer.publicKey).toEqual(parseVerifierKey(PETER_VKEY).publicKey);
    expect(formatSignerKey(signer)).toBe(PETER_SKEY);
  });

  it("when any part is cut off or any character changed → rejected (Go's TestNewSigner)", () => {
    for (let i = 0; i <= PETER_SKEY.length; i++) {
      for (let j = i + 1; j <= PETER_SKEY.length; j++) {
        if (i === 0 && j === PETER_SKEY.length) continue;
        expect(
          codeOf(() => parseSignerKey(PETER_SKEY.slice(i, j))),
          PETER_SKEY.slice(i, j),
        ).toBeDefined();
      }
    }
    for (let i = 0; i < PETER_SKEY.length; i++) {
      const changed =
        PETER_SKEY.slice(0, i) + String.fromCharCode(PETER_SKEY.charCodeAt(i) + 1) + PETER_SKEY.slice(i + 1);
      expect(
        codeOf(() => parseSignerKey(changed)),
        changed,
      ).toBeDefined();
    }
  });
});

describe("key generation", () => {
  it("is deterministic in the caller's random bytes and yields matching key texts", () => {
    const seed = new Uint8Array(32).fill(7);
    const pair = generateNoteKeyPair("concordia.example/log", seed);
    expect(generateNoteKeyPair("concordia.example/log", seed)).toEqual(pair);
    const signer = parseSignerKey(pair.signerKey);
    const verifier = parseVerifierKey(pair.verifierKey);
    expect(signer.keyId).toBe(verifier.keyId);
    const text = new TextEncoder().encode("hi\n");
    const sig = ed25519NoteSigner(signer).sign(text);
    expect(ed25519NoteVerifier(verifier).verify(text, sig)).toBe(true);
    expect(ed25519NoteVerifier(verifier).verify(new TextEncoder().encode("ho\n"), sig)).toBe(false);
  });

  it("when the seed is not 32 bytes or the name is invalid → rejected", () => {
    expect(codeOf(() => generateNoteKeyPair("a", new Uint8Array(31)))).toBe("MALFORMED_KEY");
    expect(codeOf(() => generateNoteKeyPair("a+b", new Uint8Array(32)))).toBe("INVALID_KEY_NAME");
  });
});

describe("Ed25519 (RFC 8032 §7.1 test 1)", () => {
  const seed = hexDecode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  const publicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  const signature =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  it("derives the public key and signature of the RFC", () => {
    const key = ed25519SignerKey("rfc8032", seed);
    expect(hexEncode(key.publicKey)).toBe(publicKey);
    expect(hexEncode(ed25519NoteSigner(key).sign(new Uint8Array(0)))).toBe(signature);
    expect(ed25519Verify(hexDecode(publicKey), new Uint8Array(0), hexDecode(signature))).toBe(true);
  });

  it("when the signature or key is malformed → false, never an exception", () => {
    expect(ed25519Verify(hexDecode(publicKey), new Uint8Array(0), hexDecode(signature).slice(1))).toBe(false);
    expect(ed25519Verify(new Uint8Array(32).fill(255), new Uint8Array(0), hexDecode(signature))).toBe(false);
    expect(ed25519Verify(new Uint8Array(31), new Uint8Array(0), hexDecode(signature))).toBe(false);
  });
});

describe("key names and types", () => {
  it("accept URLs and any script; refuse empty names, Unicode spaces and plus", () => {
    expect(isValidKeyName("example.com/log42")).toBe(true);
    expect(isValidKeyName("协调.example/日志")).toBe(true);
    for (const bad of ["", "a b", "a+b", "a\u00a0b", "a\u2003b", "a\u3000b", "a\nb", "a\u0085b", "\uD800"]) {
      expect(isValidKeyName(bad), JSON.stringify(bad)).toBe(false);
    }
  });
  it("when a 0x04 witness key is given to the plain note verifier → UNKNOWN_ALGORITHM", () => {
    const key = ed25519VerifierKey("w", new Uint8Array(32).fill(1), SIGNATURE_TYPE_COSIGNATURE_V1);
    expect(codeOf(() => ed25519NoteVerifier(key))).toBe("UNKNOWN_ALGORITHM");
    expect(codeOf(() => ed25519VerifierKey("w", new Uint8Array(32), 0x02))).toBe("UNKNOWN_ALGORITHM");
  });
});
