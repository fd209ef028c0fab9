import { describe, expect, it } from "vitest";
import { type Checkpoint, CheckpointError, formatCheckpoint, openCheckpoint, parseCheckpoint } from "./checkpoint.js";
import { base64Decode, base64Encode } from "./encoding.js";
import { emptyRoot, leafHash } from "./hash.js";
import {
  ed25519NoteSigner,
  ed25519NoteVerifier,
  generateNoteKeyPair,
  parseSignerKey,
  parseVerifierKey,
} from "./keys.js";
import { NoteError, signNote } from "./note.js";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof CheckpointError || e instanceof NoteError) return e.code;
    throw e;
  }
  return undefined;
}

// The C2SP tlog-checkpoint example body.
const SPEC_EXAMPLE = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

// A real checkpoint of the Go checksum database (fetched 2024-09-23, kept in sigsum-go's
// pkg/checkpoint/checkpoint_test.go) and the database's published key.
const SUMDB_CHECKPOINT = `go.sum database tree
30055305
mXfgRcJ0bG0j3CPdKwgGWtUzBUbX67saZGRmFuJGGsM=

— sum.golang.org Az3grpgEild5qw7+5dtV13Kf1C2Xurm8q4fhdxvcsDHnqNTaxL2AFjBY+2TyGKevucFcAAlWFJJYle3EJlDCrQ+y3A8=
`;
const SUMDB_KEY = parseVerifierKey("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");

describe("formatCheckpoint", () => {
  it("writes Go's tlog.FormatTree known answer", () => {
    const checkpoint: Checkpoint = {
      origin: "go.sum database tree",
      size: 123456789012,
      rootHash: leafHash(new TextEncoder().encode("hello world")),
      extensions: [],
    };
    expect(formatCheckpoint(checkpoint)).toBe(
      "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
    );
  });

  it("round-trips with parseCheckpoint, extension lines included", () => {
    const checkpoint = { ...parseCheckpoint(SPEC_EXAMPLE), extensions: ["ext one", "— ext two"] };
    const text = formatCheckpoint(checkpoint);
    expect(text).toBe(`${SPEC_EXAMPLE}ext one\n— ext two\n`);
    expect(parseCheckpoint(text)).toEqual(checkpoint);
  });

  it("when a field is invalid → a typed error", () => {
    const ok: Checkpoint = { origin: "o", size: 1, rootHash: new Uint8Array(32), extensions: [] };
    expect(codeOf(() => formatCheckpoint({ ...ok, origin: "" }))).toBe("EMPTY_ORIGIN");
    expect(codeOf(() => formatCheckpoint({ ...ok, origin: "a\nb" }))).toBe("INVALID_TEXT");
    expect(codeOf(() => formatCheckpoint({ ...ok, size: -1 }))).toBe("BAD_TREE_SIZE");
    expect(codeOf(() => formatCheckpoint({ ...ok, size: 1.5 }))).toBe("BAD_TREE_SIZE");
    expect(codeOf(() => formatCheckpoint({ ...ok, rootHash: new Uint8Array(31) }))).toBe("BAD_ROOT_HASH");
    expect(codeOf(() => formatCheckpoint({ ...ok, size: 0 }))).toBe("BAD_ROOT_HASH");
    expect(codeOf(() => formatCheckpoint({ ...ok, extensions: [""] }))).toBe("EMPTY_EXTENSION_LINE");
    expect(formatCheckpoint({ ...ok, size: 0, rootHash: emptyRoot() })).toBe(`o\n0\n${base64Encode(emptyRoot())}\n`);
  });
});

describe("parseCheckpoint", () => {
  it("reads the spec's example", () => {
    const c = parseCheckpoint(SPEC_EXAMPLE);
    expect(c.origin).toBe("example.com/behind-the-sofa");
    expect(c.size).toBe(20852163);
    expect(c.rootHash).toEqual(base64Decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
    expect(c.extensions).toEqual([]);
  });

  it("when the body is malformed → a typed error", () => {
    const hash = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    const cases: [string, string][] = [
      [SPEC_EXAMPLE.slice(0, -1), "MISSING_NEWLINE"],
      ["origin\n5\n", "TOO_FEW_LINES"],
      [`\n5\n${hash}\n`, "EMPTY_ORIGIN"],
      [`o\n05\n${hash}\n`, "BAD_TREE_SIZE"], // leading zero
      [`o\n00\n${hash}\n`, "BAD_TREE_SIZE"],
      [`o\n+5\n${hash}\n`, "BAD_TREE_SIZE"],
      [`o\n-5\n${hash}\n`, "BAD_TREE_SIZE"],
      [`o\n5.0\n${hash}\n`, "BAD_TREE_SIZE"],
      [`o\n1e3\n${hash}\n`, "BAD_TREE_SIZE"],
      [`o\n 5\n${hash}\n`, "BAD_TREE_SIZE"],
      [`o\n0x5\n${hash}\n`, "BAD_TREE_SIZE"],
      [`o\n\n${hash}\n`, "BAD_TREE_SIZE"],
      [`o\n9007199254740992\n${hash}\n`, "BAD_TREE_SIZE"], // 2^53: not exact as a number
      ["o\n5\nnot base64!\n", "BAD_ROOT_HASH"],
      ["o\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n", "BAD_ROOT_HASH"], // non-canonical last character
      [`o\n5\n${base64Encode(new Uint8Array(31))}\n`, "BAD_ROOT_HASH"],
      [`o\n5\n${base64Encode(new Uint8Array(33))}\n`, "BAD_ROOT_HASH"],
      [`o\n5\n${hash} \n`, "BAD_ROOT_HASH"],
      [`o\n0\n${hash}\n`, "BAD_ROOT_HASH"], // an empty tree's root is SHA-256("")
      [`o\n5\n${hash}\n\n`, "EMPTY_EXTENSION_LINE"],
      [`o\n5\n${hash}\next\n\nmore\n`, "EMPTY_EXTENSION_LINE"],
      [`o\r\n5\n${hash}\n`, "INVALID_TEXT"],
      [`o\n5\n${hash}\next\t1\n`, "INVALID_TEXT"],
    ];
    for (const [text, code] of cases)
      expect(
        codeOf(() => parseCheckpoint(text)),
        JSON.stringify(text),
      ).toBe(code);
  });

  it("accepts an empty tree with the empty root, and origins that are not URLs", () => {
    expect(parseCheckpoint(`o\n0\n${base64Encode(emptyRoot())}\n`).size).toBe(0);
    expect(parseCheckpoint(`go.sum database tree\n1\n${base64Encode(new Uint8Array(32))}\n`).origin).toBe(
      "go.sum database tree",
    );
  });
});

describe("openCheckpoint", () => {
  it("verifies a real checkpoint of the Go checksum database with its published key", () => {
    const { checkpoint, note } = openCheckpoint(SUMDB_CHECKPOINT, [ed25519NoteVerifier(SUMDB_KEY)], {
      origin: "go.sum database tree",
    });
    expect(checkpoint.size).toBe(30055305);
    expect(base64Encode(checkpoint.rootHash)).toBe("mXfgRcJ0bG0j3CPdKwgGWtUzBUbX67saZGRmFuJGGsM=");
    expect(note.signatures[0]?.name).toBe("sum.golang.org");
  });

  it("when the checkpoint was altered, is for another log or is signed by another key → rejected", () => {
    const verifier = ed25519NoteVerifier(SUMDB_KEY);
    expect(codeOf(() => openCheckpoint(SUMDB_CHECKPOINT.replace("30055305", "30055306"), [verifier]))).toBe(
      "INVALID_SIGNATURE",
    );
    expect(codeOf(() => openCheckpoint(SUMDB_CHECKPOINT, [verifier], { origin: "other" }))).toBe("WRONG_ORIGIN");
    const other = generateNoteKeyPair("sum.golang.org", new Uint8Array(32).fill(9));
    expect(
      codeOf(() => openCheckpoint(SUMDB_CHECKPOINT, [ed25519NoteVerifier(parseVerifierKey(other.verifierKey))])),
    ).toBe("NO_VERIFIED_SIGNATURE");
  });

  it("when a signed note is not a checkpoint → a CheckpointError", () => {
    const pair = generateNoteKeyPair("log.example", new Uint8Array(32).fill(3));
    const signed = signNote("hello\n", [ed25519NoteSigner(parseSignerKey(pair.signerKey))]);
    expect(codeOf(() => openCheckpoint(signed, [ed25519NoteVerifier(parseVerifierKey(pair.verifierKey))]))).toBe(
      "TOO_FEW_LINES",
    );
  });
});
