import { describe, expect, it } from "vitest";
import { ed25519NoteSigner, ed25519NoteVerifier, type NoteVerifier, parseSignerKey, parseVerifierKey } from "./keys.js";
import { formatSignatureLine, NoteError, openNote, parseSignatureLine, signNote } from "./note.js";

// Known answers from golang.org/x/mod/sumdb/note (package documentation and note_test.go).
const peterKey = parseVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
const enochKey = parseVerifierKey("EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop");
const peter = ed25519NoteVerifier(peterKey);
const enoch = ed25519NoteVerifier(enochKey);
const peterSigner = ed25519NoteSigner(
  parseSignerKey("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"),
);
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const ENOCH_SIG =
  "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

function noteError(f: () => unknown): NoteError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof NoteError) return e;
    throw e;
  }
  return undefined;
}
const codeOf = (f: () => unknown) => noteError(f)?.code;
const b64 = (line: string) => line.trim().split(" ")[2]!;

describe("signNote", () => {
  it("produces exactly Go's signed note for the same key and text", () => {
    expect(signNote(TEXT, [peterSigner])).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it("keeps existing signatures and replaces the signer's own", () => {
    const enochSig = parseSignatureLine(ENOCH_SIG);
    const stale = { ...parseSignatureLine(PETER_SIG), signature: new Uint8Array(64) };
    expect(signNote(TEXT, [peterSigner], [enochSig, stale])).toBe(`${TEXT}\n${ENOCH_SIG}${PETER_SIG}`);
  });

  it("when the text does not end in a newline or has a control character → rejected", () => {
    expect(codeOf(() => signNote("abc", [peterSigner]))).toBe("MISSING_NEWLINE");
    expect(codeOf(() => signNote("a\rb\n", [peterSigner]))).toBe("CONTROL_CHARACTER");
    expect(codeOf(() => signNote("a\uD800\n", [peterSigner]))).toBe("INVALID_UTF8");
  });

  it("when a signer's name is invalid → INVALID_KEY_NAME", () => {
    expect(codeOf(() => signNote(TEXT, [{ ...peterSigner, name: "bad name" }]))).toBe("INVALID_KEY_NAME");
  });
});

describe("openNote", () => {
  const both = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;

  it("verifies the known key and sets the unknown one aside (Go's TestOpen)", () => {
    const note = openNote(both, [peter]);
    expect(note.text).toBe(TEXT);
    expect(note.signatures.map((s) => [s.name, s.keyId])).toEqual([["PeterNeumann", 0xc74f20a3]]);
    expect(note.unverifiedSignatures.map((s) => [s.name, s.keyId])).toEqual([["EnochRoot", 0xaf0cfe78]]);
    expect(formatSignatureLine(note.signatures[0]!)).toBe(PETER_SIG);
  });

  it("verifies both when both keys are known, from bytes as from text", () => {
    const note = openNote(new TextEncoder().encode(both), [peter, enoch]);
    expect(note.signatures.map((s) => s.name)).toEqual(["PeterNeumann", "EnochRoot"]);
    expect(note.unverifiedSignatures).toEqual([]);
  });

  it("when no known key signed → NO_VERIFIED_SIGNATURE, with the parsed note attached", () => {
    const err = noteError(() => openNote(both, []));
    expect(err?.code).toBe("NO_VERIFIED_SIGNATURE");
    expect(err?.note?.unverifiedSignatures.map((s) => s.name)).toEqual(["PeterNeumann", "EnochRoot"]);
  });

  it("when a known key's signature is bad → INVALID_SIGNATURE for the whole note", () => {
    const bad = `${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expect(codeOf(() => openNote(bad, [peter]))).toBe("INVALID_SIGNATURE");
    expect(codeOf(() => openNote(`${TEXT.replace("If", "Of")}\n${PETER_SIG}`, [peter]))).toBe("INVALID_SIGNATURE");
  });

  it("when two verifiers share a name and key ID and that key signed → AMBIGUOUS_KEY", () => {
    expect(codeOf(() => openNote(`${TEXT}\n${ENOCH_SIG}`, [enoch, peter, enoch]))).toBe("AMBIGUOUS_KEY");
    expect(openNote(`${TEXT}\n${PETER_SIG}`, [enoch, peter, enoch]).signatures).toHaveLength(1);
  });

  it("drops repeated signatures as Go does", () => {
    const enochAbcd = `${ENOCH_SIG.slice(0, 60)}ABCD${ENOCH_SIG.slice(60)}`;
    const note = openNote(`${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${enochAbcd}`, [peter]);
    expect(note.signatures).toHaveLength(1);
    expect(note.unverifiedSignatures.map((s) => formatSignatureLine(s))).toEqual([ENOCH_SIG, enochAbcd]);
  });

  it("ignores a signature whose name or key ID (but not both) matches a known key", () => {
    const otherId = PETER_SIG.replace("x08go", "xxxxo");
    const otherName = PETER_SIG.replace("PeterNeumann", "CarmenSandiego");
    const note = openNote(`${TEXT}\n${otherId}${otherName}${PETER_SIG}`, [peter]);
    expect(note.signatures).toHaveLength(1);
    expect(note.unverifiedSignatures).toHaveLength(2);
  });

  it("accepts 16 signatures (the spec's minimum) and enforces its limits", () => {
    const many = (n: number) =>
      `${TEXT}\n${PETER_SIG}${Array.from({ length: n - 1 }, (_, i) => PETER_SIG.replace("PeterNeumann", `w${i}`)).join("")}`;
    expect(openNote(many(16), [peter]).unverifiedSignatures).toHaveLength(15);
    expect(codeOf(() => openNote(many(101), [peter]))).toBe("TOO_MANY_SIGNATURES");
    expect(codeOf(() => openNote(many(3), [peter], { maxBytes: 1 << 20, maxSignatures: 2 }))).toBe(
      "TOO_MANY_SIGNATURES",
    );
    expect(codeOf(() => openNote(many(3), [peter], { maxBytes: 100, maxSignatures: 100 }))).toBe("NOTE_TOO_LARGE");
    expect(
      codeOf(() => openNote(new TextEncoder().encode(many(3)), [peter], { maxBytes: 100, maxSignatures: 9 })),
    ).toBe("NOTE_TOO_LARGE");
  });

  it("when the note is malformed → a typed error (Go's bad messages and more)", () => {
    const cases: [string | Uint8Array, string][] = [
      [TEXT, "MISSING_SIGNATURES"],
      [`${TEXT}\n`, "MISSING_SIGNATURES"],
      [`${TEXT}\n${PETER_SIG.slice(0, -1)}`, "MISSING_SIGNATURES"],
      [`\u0001${TEXT}\n${PETER_SIG}`, "CONTROL_CHARACTER"],
      [`${TEXT}\r\n${PETER_SIG}`, "CONTROL_CHARACTER"],
      [new Uint8Array([0xff, ...new TextEncoder().encode(`${TEXT}\n${PETER_SIG}`)]), "INVALID_UTF8"],
      [`\uDC00${TEXT}\n${PETER_SIG}`, "INVALID_UTF8"],
      [`${TEXT}\n— Bad Name ${b64(PETER_SIG)}\n`, "MALFORMED_SIGNATURE_LINE"],
      [`${TEXT}\n${PETER_SIG}Unexpected line.\n`, "MALFORMED_SIGNATURE_LINE"],
      [`${TEXT}\n- PeterNeumann ${b64(PETER_SIG)}\n`, "MALFORMED_SIGNATURE_LINE"], // hyphen, not em dash
      [`${TEXT}\n— PeterNeumann\n`, "MALFORMED_SIGNATURE_LINE"],
      [`${TEXT}\n— PeterNeumann AAAAAA==\n`, "MALFORMED_SIGNATURE_LINE"], // 4 bytes: key ID, no signature
      [`${TEXT}\n— PeterNeumann  ${b64(PETER_SIG)}\n`, "MALFORMED_SIGNATURE_LINE"],
      [`${TEXT}\n— a+b ${b64(PETER_SIG)}\n`, "MALFORMED_SIGNATURE_LINE"],
    ];
    for (const [msg, code] of cases)
      expect(
        codeOf(() => openNote(msg, [peter])),
        JSON.stringify(msg),
      ).toBe(code);
  });

  it("takes the last blank line as the separator, so texts may contain blank lines", () => {
    const text = "para one\n\npara two\n";
    const signed = signNote(text, [peterSigner]);
    expect(openNote(signed, [peter]).text).toBe(text);
  });

  it("hands the verifier exactly the signed bytes, including non-ASCII text", () => {
    const text = "协调 — Concordia\nنص عربي\n";
    const seen: string[] = [];
    const spy: NoteVerifier = {
      ...peter,
      verify: (t, s) => {
        seen.push(new TextDecoder().decode(t));
        return peter.verify(t, s);
      },
    };
    openNote(signNote(text, [peterSigner]), [spy]);
    expect(seen).toEqual([text]);
  });
});

describe("signature lines", () => {
  it("round-trip, with or without the final newline", () => {
    const sig = parseSignatureLine(PETER_SIG);
    expect(sig.keyId).toBe(0xc74f20a3);
    expect(sig.signature).toHaveLength(64);
    expect(parseSignatureLine(PETER_SIG.trimEnd())).toEqual(sig);
    expect(formatSignatureLine(sig)).toBe(PETER_SIG);
  });
  it("when two lines are given as one → MALFORMED_SIGNATURE_LINE", () => {
    expect(codeOf(() => parseSignatureLine(PETER_SIG + ENOCH_SIG))).toBe("MALFORMED_SIGNATURE_LINE");
  });
});
