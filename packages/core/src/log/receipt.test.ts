import { describe, expect, it } from "vitest";
import { formatCheckpoint, openCheckpoint } from "./checkpoint.js";
import { cosignCheckpoint } from "./cosignature.js";
import { base64Decode, base64Encode } from "./encoding.js";
import { leafHash } from "./hash.js";
import {
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatVerifierKey,
  generateNoteKeyPair,
  parseSignerKey,
  parseVerifierKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
} from "./keys.js";
import { signNote } from "./note.js";
import { checkCosignatures, recordMentionsDigest, verifyReceipt } from "./receipt.js";
import {
  type LogReceipt,
  RECEIPT_OUTCOMES,
  RECEIPT_STEPS,
  type ReceiptVerification,
  receiptOutcomeStatus,
  type VerifyReceiptOptions,
} from "./receipt-types.js";
import { inclusionProof, merkleTreeHash } from "./tree.js";

// The fixture of the CLI's TestLog: log.example.org, key seed 7, records testRecord(i); witness seed 3.
const ORIGIN = "log.example.org";
const seed = (n: number) => new Uint8Array(32).fill(n);
const logPair = generateNoteKeyPair(ORIGIN, seed(7));
const logSigner = parseSignerKey(logPair.signerKey);
const logKey = parseVerifierKey(logPair.verifierKey);
const witnessPair = generateNoteKeyPair("witness.example.gov", seed(3));
const witnessSigner = parseSignerKey(witnessPair.signerKey);
const witnessKey = parseVerifierKey(
  formatVerifierKey({
    name: witnessSigner.name,
    type: SIGNATURE_TYPE_COSIGNATURE_V1,
    publicKey: witnessSigner.publicKey,
  }),
);
const otherLog = generateNoteKeyPair(ORIGIN, seed(8));

const testRecord = (i: number) =>
  JSON.stringify({ sha256: i.toString(16).padStart(64, "0"), title: `Document ${i}`, type: "notarization" });
const records = Array.from({ length: 13 }, (_, i) => testRecord(i));
const leaves = records.map((r) => leafHash(new TextEncoder().encode(r)));

function checkpointBody(size: number, origin = ORIGIN): string {
  return formatCheckpoint({ origin, size, rootHash: merkleTreeHash(leaves.slice(0, size)), extensions: [] });
}

function signed(size: number, o: { origin?: string; signer?: string; cosign?: boolean } = {}): string {
  const body = checkpointBody(size, o.origin);
  const signer = o.signer ? parseSignerKey(o.signer) : logSigner;
  return (
    signNote(body, [ed25519NoteSigner(signer)]) + (o.cosign ? cosignCheckpoint(body, witnessSigner, 1_700_000_000) : "")
  );
}

function receiptFor(index: number, size: number, cosign = false): LogReceipt {
  return {
    format: "concordia-receipt/v1",
    origin: ORIGIN,
    verifierKey: logPair.verifierKey,
    index,
    recordType: "notarization",
    record: records[index]!,
    leafHash: base64Encode(leaves[index]!),
    treeSize: size,
    inclusionProof: inclusionProof(leaves, index, size).map(base64Encode),
    checkpoint: signed(size, { cosign }),
  };
}

/** A receipt written out once: the known answer, checked byte for byte against what the functions above build. */
const KNOWN_RECEIPT = `{
  "format": "concordia-receipt/v1",
  "origin": "log.example.org",
  "verifierKey": "log.example.org+4c9bf558+AepKbGPinFIKvvVQexMuxfmVR3auvr57kkIe6mkURtIs",
  "index": 3,
  "recordType": "notarization",
  "record": "{\\"sha256\\":\\"0000000000000000000000000000000000000000000000000000000000000003\\",\\"title\\":\\"Document 3\\",\\"type\\":\\"notarization\\"}",
  "leafHash": "LKd3eNHx/PURiAnu4BRXcR5ZzX7UBS9EyBQ41wxaZ58=",
  "treeSize": 5,
  "inclusionProof": [
    "4gPjAZtD8PpLRbx7LkaWhAuuptN3KrduyOniweriEM8=",
    "rpoxER7S424plW1kb4npiNg9E2I2Fw22tCNgl9aemE8=",
    "eVrXL0x49bBW74hGCh//J1jxieKYBZL2n4GhLN5xuGM="
  ],
  "checkpoint": "log.example.org\\n5\\nWBAYGNI+otqYkNJQdBGaRnIXdApeFJ5eTRMZKTdv7WE=\\n\\n— log.example.org TJv1WIXKw8ca8GhSs5+oQF5HdxYeYqi9G3XLc3X1YeWUD34lSttVn8W6R7Oav22ZLluFgEZqAPkXBVPLEA/zp92tCw4=\\n— witness.example.gov v524jwAAAABlU/EAU3eKd0mDcQ2cjsPObJNLZN8w1rdzZMruJ4FosE+LPlbrkmO87cCXSrM+Lt/rm0AbHpDmayM0FJenxckUu/NtDw==\\n"
}`;
const LOG_KEY_TEXT = "log.example.org+4c9bf558+AepKbGPinFIKvvVQexMuxfmVR3auvr57kkIe6mkURtIs";

const codes = (v: ReceiptVerification) => v.steps.map((s) => `${s.step}.${s.outcome}`);
const stepOf = (v: ReceiptVerification, step: string) => v.steps.find((s) => s.step === step)!;
const verify = (r: unknown, o: VerifyReceiptOptions = { key: logKey }) => verifyReceipt(r, o);

function flipBase64(b64: string): string {
  const bytes = base64Decode(b64);
  bytes[0] = bytes[0]! ^ 1;
  return base64Encode(bytes);
}

describe("verifyReceipt: known answers", () => {
  it("the fixture is the known receipt", () => {
    expect(logPair.verifierKey).toBe(LOG_KEY_TEXT);
    expect(JSON.parse(KNOWN_RECEIPT)).toEqual(receiptFor(3, 5, true));
  });

  it("passes every step of the known receipt, with the numbers for the wording", () => {
    const v = verifyReceipt(KNOWN_RECEIPT, { key: LOG_KEY_TEXT });
    expect(v.valid).toBe(true);
    expect(v.pinned).toBe(true);
    expect(v.steps).toEqual([
      {
        step: "wellFormed",
        outcome: "pass",
        status: "pass",
        data: { index: 3, treeSize: 5, recordType: "notarization" },
      },
      {
        step: "leafHash",
        outcome: "pass",
        status: "pass",
        data: { leafHash: "LKd3eNHx/PURiAnu4BRXcR5ZzX7UBS9EyBQ41wxaZ58=" },
      },
      { step: "verifierKey", outcome: "pinned", status: "pass", data: { keyName: ORIGIN, keyId: "4c9bf558" } },
      { step: "signature", outcome: "pass", status: "pass", data: { keyName: ORIGIN, keyId: "4c9bf558" } },
      {
        step: "checkpoint",
        outcome: "pass",
        status: "pass",
        data: { origin: ORIGIN, size: 5, rootHash: "WBAYGNI+otqYkNJQdBGaRnIXdApeFJ5eTRMZKTdv7WE=" },
      },
      { step: "inclusion", outcome: "pass", status: "pass", data: { index: 3, treeSize: 5, proofLength: 3 } },
      { step: "content", outcome: "pass", status: "pass", data: {} },
    ]);
    expect(v.receipt?.index).toBe(3);
    expect(v.checkpoint?.size).toBe(5);
    expect(v.note?.text).toBe(checkpointBody(5));
    // The witness line is listed, unknown without witness keys.
    expect(v.cosignatures).toMatchObject([{ name: "witness.example.gov", status: "unknown" }]);
  });

  it("checks required witnesses and the document digest when asked", () => {
    const v = verifyReceipt(KNOWN_RECEIPT, {
      witnessKeys: [witnessKey],
      documentSha256: `${"0".repeat(63)}3`,
      nowSeconds: 1_700_000_000,
    });
    expect(v.valid).toBe(true);
    expect(v.pinned).toBe(false);
    expect(codes(v)).toEqual([
      "wellFormed.pass",
      "leafHash.pass",
      "verifierKey.fromReceipt",
      "signature.pass",
      "checkpoint.pass",
      "inclusion.pass",
      "content.pass",
      "cosignatures.pass",
      "document.pass",
    ]);
    expect(stepOf(v, "cosignatures").data).toEqual({ verified: ["witness.example.gov"] });
    expect(v.cosignatures).toMatchObject([
      {
        name: "witness.example.gov",
        keyId: expect.stringMatching(/^[0-9a-f]{8}$/),
        status: "pass",
        witness: 0,
        timestamp: 1_700_000_000,
      },
    ]);
  });

  it("accepts every receipt of trees of several sizes, as text or as a value", () => {
    for (const size of [1, 2, 3, 8, 13]) {
      for (let i = 0; i < size; i++) {
        const r = receiptFor(i, size);
        expect(verify(r).valid, `${i}/${size}`).toBe(true);
        expect(verify(JSON.stringify(r)).valid, `${i}/${size}`).toBe(true);
      }
    }
  });

  it("lists every step in the reported order, and statuses follow outcomes", () => {
    const order = codes(
      verifyReceipt(KNOWN_RECEIPT, { witnessKeys: [witnessKey], documentSha256: "0".repeat(64) }),
    ).map((c) => c.split(".")[0]);
    expect(order).toEqual([...RECEIPT_STEPS]);
    expect(Object.keys(RECEIPT_OUTCOMES)).toEqual([...RECEIPT_STEPS]);
    expect(receiptOutcomeStatus("pinned")).toBe("pass");
    expect(receiptOutcomeStatus("skipLeaf")).toBe("skip");
    expect(receiptOutcomeStatus("mismatch")).toBe("fail");
  });
});

describe("verifyReceipt: negative cases", () => {
  it("rejects text that is not a receipt", () => {
    const notJson = verifyReceipt("{not json");
    expect(notJson.valid).toBe(false);
    expect(notJson.steps[0]).toMatchObject({ outcome: "notJson", status: "fail", error: { code: "NOT_JSON" } });
    expect(notJson.steps.slice(1).every((s) => s.status === "skip")).toBe(true);
    expect(codes(notJson)).toHaveLength(7);

    expect(verifyReceipt({ format: "other/v1" }).steps[0]).toMatchObject({
      outcome: "wrongFormat",
      data: { format: "other/v1" },
      error: { code: "WRONG_FORMAT" },
    });
    expect(verifyReceipt("[1]").steps[0]).toMatchObject({ outcome: "wrongFormat", data: { format: null } });

    const { inclusionProof: _, ...noProof } = receiptFor(1, 3);
    const bad = verifyReceipt({ ...noProof, leafHash: "abc", index: 1.5, record: 7 });
    expect(bad.steps[0]).toMatchObject({ outcome: "badFields", error: { code: "MALFORMED_RECEIPT" } });
    expect(stepOf(bad, "wellFormed").data).toEqual({
      issues: [
        { path: "record", problem: "notString" },
        { path: "index", problem: "notInteger" },
        { path: "leafHash", problem: "notBase64Hash" },
        { path: "inclusionProof", problem: "missing" },
      ],
    });
    const proof = { ...receiptFor(1, 3), inclusionProof: ["AAAA", 3] };
    expect(stepOf(verifyReceipt(proof), "wellFormed").data).toEqual({
      issues: [
        { path: "inclusionProof.0", problem: "notBase64Hash" },
        { path: "inclusionProof.1", problem: "notString" },
      ],
    });
    // Extra fields are ignored, and dropped from the receipt returned.
    const extra = verify({ ...receiptFor(1, 3), note: "hello" });
    expect(extra.valid).toBe(true);
    expect(extra.receipt).not.toHaveProperty("note");
  });

  it("rejects a tampered record, still checking the signature, and skips the proof", () => {
    const r = receiptFor(5, 13);
    r.record = r.record.replace("Document 5", "Document 6");
    const v = verify(r);
    expect(codes(v)).toEqual([
      "wellFormed.pass",
      "leafHash.mismatch",
      "verifierKey.pinned",
      "signature.pass",
      "checkpoint.pass",
      "inclusion.skipLeaf",
      "content.unproven",
    ]);
    expect(stepOf(v, "leafHash")).toMatchObject({
      status: "fail",
      data: { computed: base64Encode(leafHash(new TextEncoder().encode(r.record))), claimed: r.leafHash },
      error: { code: "LEAF_HASH_MISMATCH" },
    });
    expect(v.valid).toBe(false);
    expect(stepOf(verify({ ...receiptFor(5, 13), record: "\ud800" }), "leafHash").outcome).toBe("notUnicode");
  });

  it("rejects another record whose leaf hash was recomputed to match", () => {
    const r = receiptFor(5, 13);
    r.record = testRecord(99);
    r.leafHash = base64Encode(leafHash(new TextEncoder().encode(r.record)));
    expect(stepOf(verify(r), "inclusion")).toMatchObject({ outcome: "fail", error: { code: "ROOT_MISMATCH" } });
  });

  it("rejects a wrong key: another pinned key, a malformed key, a witness key", () => {
    const r = receiptFor(5, 13);
    const other = verify(r, { key: otherLog.verifierKey });
    expect(codes(other).slice(2, 6)).toEqual([
      "verifierKey.mismatch",
      "signature.noSignature",
      "checkpoint.skip",
      "inclusion.skip",
    ]);
    expect(stepOf(other, "verifierKey")).toMatchObject({
      data: { keyName: ORIGIN, receiptKeyName: ORIGIN, receiptKeyId: "4c9bf558" },
      error: { code: "KEY_MISMATCH" },
    });
    expect(stepOf(other, "signature").error?.code).toBe("NO_VERIFIED_SIGNATURE");

    const garbage = verify(r, { key: "garbage" });
    expect(codes(garbage).slice(2, 4)).toEqual(["verifierKey.badKey", "signature.skip"]);
    expect(stepOf(garbage, "verifierKey").error?.code).toBeTruthy();

    const witness = verify(r, { key: witnessKey });
    expect(stepOf(witness, "verifierKey")).toMatchObject({
      outcome: "wrongKeyType",
      data: { keyName: "witness.example.gov" },
      error: { code: "UNKNOWN_ALGORITHM" },
    });

    // A blank key is no key: the receipt's own is used.
    expect(stepOf(verify(r, { key: "  " }), "verifierKey").outcome).toBe("fromReceipt");

    const badCarried = { ...r, verifierKey: r.verifierKey.replace(/\+[0-9a-f]{8}\+/, "+00000000+") };
    expect(stepOf(verify(badCarried, {}), "verifierKey")).toMatchObject({
      outcome: "badReceiptKey",
      error: { code: "KEY_ID_MISMATCH" },
    });
    expect(stepOf(verify(badCarried, {}), "signature").outcome).toBe("skip");
    // With a pinned key, the signature is still checked with it.
    expect(stepOf(verify(badCarried), "signature").outcome).toBe("pass");
  });

  it("with a pinned key, rejects a receipt made consistently with another key", () => {
    const forged = {
      ...receiptFor(5, 13),
      verifierKey: otherLog.verifierKey,
      checkpoint: signed(13, { signer: otherLog.signerKey }),
    };
    expect(verifyReceipt(forged).valid).toBe(true);
    const v = verify(forged);
    expect(v.valid).toBe(false);
    expect(stepOf(v, "verifierKey").outcome).toBe("mismatch");
  });

  it("rejects a checkpoint whose text or signature was changed, or signed by another key", () => {
    const r = receiptFor(5, 13);
    const [body, sigs] = r.checkpoint.split("\n\n") as [string, string];
    const altered = verify({ ...r, checkpoint: `${checkpointBody(12)}\n${sigs}` });
    expect(stepOf(altered, "signature")).toMatchObject({
      outcome: "badSignature",
      error: { code: "INVALID_SIGNATURE" },
    });
    expect(stepOf(altered, "checkpoint").outcome).toBe("skip");
    const sig = sigs.trimEnd().split(" ");
    const raw = base64Decode(sig[2]!);
    raw[10] = raw[10]! ^ 1;
    const flipped = `${body}\n\n${sig[0]} ${sig[1]} ${base64Encode(raw)}\n`;
    expect(stepOf(verify({ ...r, checkpoint: flipped }), "signature").outcome).toBe("badSignature");
    const impostor = verify({ ...r, checkpoint: signed(13, { signer: otherLog.signerKey }) });
    expect(stepOf(impostor, "signature")).toMatchObject({
      outcome: "noSignature",
      error: { code: "NO_VERIFIED_SIGNATURE" },
    });
    expect(stepOf(verify({ ...r, checkpoint: "not a note" }), "signature").outcome).toBe("badNote");
    const notCheckpoint = signNote("just text\n", [ed25519NoteSigner(logSigner)]);
    expect(stepOf(verify({ ...r, checkpoint: notCheckpoint }), "signature").outcome).toBe("badCheckpoint");
  });

  it("rejects a checkpoint of another origin or tree size", () => {
    const origin = verify({ ...receiptFor(5, 13), origin: "other.example.org" });
    expect(stepOf(origin, "checkpoint")).toMatchObject({
      outcome: "wrongOrigin",
      data: { checkpointOrigin: ORIGIN, receiptOrigin: "other.example.org" },
      error: { code: "ORIGIN_MISMATCH" },
    });
    expect(stepOf(origin, "inclusion").outcome).toBe("skip");
    const signedElsewhere = verify({ ...receiptFor(5, 13), checkpoint: signed(13, { origin: "other.example.org" }) });
    expect(stepOf(signedElsewhere, "checkpoint").outcome).toBe("wrongOrigin");

    const size = verify({ ...receiptFor(5, 13), treeSize: 12 });
    expect(stepOf(size, "checkpoint")).toMatchObject({
      outcome: "sizeMismatch",
      data: { checkpointSize: 13, treeSize: 12 },
      error: { code: "SIZE_MISMATCH" },
    });
    const older = verify({ ...receiptFor(5, 13), checkpoint: signed(12) });
    expect(stepOf(older, "checkpoint").data).toEqual({ checkpointSize: 12, treeSize: 13 });
    expect(stepOf(older, "inclusion").outcome).toBe("skip");
  });

  it("rejects a bad, truncated or extended proof, and a moved index", () => {
    const r = receiptFor(5, 13);
    const changed = { ...r, inclusionProof: r.inclusionProof.map((h, i) => (i === 1 ? flipBase64(h) : h)) };
    expect(stepOf(verify(changed), "inclusion")).toMatchObject({
      outcome: "fail",
      status: "fail",
      data: { index: 5, treeSize: 13, proofLength: 4 },
      error: { code: "ROOT_MISMATCH" },
    });
    expect(stepOf(verify({ ...r, inclusionProof: r.inclusionProof.slice(1) }), "inclusion").error?.code).toBe(
      "WRONG_PROOF_SIZE",
    );
    expect(
      stepOf(verify({ ...r, inclusionProof: [...r.inclusionProof, r.inclusionProof[0]!] }), "inclusion").error?.code,
    ).toBe("WRONG_PROOF_SIZE");
    expect(stepOf(verify({ ...r, inclusionProof: [...r.inclusionProof].reverse() }), "inclusion").error?.code).toBe(
      "ROOT_MISMATCH",
    );
    expect(stepOf(verify({ ...r, index: 4 }), "inclusion").error?.code).toBe("ROOT_MISMATCH");
    expect(stepOf(verify({ ...r, index: 13 }), "inclusion").error?.code).toBe("INDEX_OUT_OF_RANGE");
    expect(stepOf(verify({ ...r, index: -1 }), "inclusion").error?.code).toBe("INVALID_ARGUMENT");
  });

  it("marks a record that is not JSON", () => {
    const record = "plain text";
    const l = leafHash(new TextEncoder().encode(record));
    const body = formatCheckpoint({ origin: ORIGIN, size: 1, rootHash: merkleTreeHash([l]), extensions: [] });
    const r = {
      ...receiptFor(0, 1),
      record,
      leafHash: base64Encode(l),
      checkpoint: signNote(body, [ed25519NoteSigner(logSigner)]),
    };
    const v = verify(r);
    expect(stepOf(v, "inclusion").outcome).toBe("pass");
    expect(stepOf(v, "content")).toMatchObject({
      outcome: "notJson",
      status: "fail",
      error: { code: "RECORD_NOT_JSON" },
    });
    expect(v.valid).toBe(false);
  });

  it("rejects missing or bad cosignatures of the witnesses asked for", () => {
    const missing = verify(receiptFor(5, 13), { key: logKey, witnessKeys: [witnessKey] });
    expect(stepOf(missing, "cosignatures")).toMatchObject({
      outcome: "missing",
      data: { verified: [], missing: ["witness.example.gov"] },
      error: { code: "MISSING_COSIGNATURE" },
    });
    expect(missing.valid).toBe(false);

    // A cosignature line moved onto another checkpoint body does not verify.
    const line = cosignCheckpoint(checkpointBody(12), witnessSigner, 1_700_000_000);
    const moved = { ...receiptFor(5, 13), checkpoint: signed(13) + line };
    const v = verify(moved, { key: logKey, witnessKeys: [witnessKey] });
    expect(stepOf(v, "cosignatures").outcome).toBe("missing");
    expect(v.cosignatures).toMatchObject([{ status: "fail", witness: 0, error: { code: "INVALID_SIGNATURE" } }]);

    // A plain note signature (type 0x01) by the witness key is not a cosignature.
    const plain = signNote(checkpointBody(13), [ed25519NoteSigner(witnessSigner)]).split("\n\n")[1]!;
    const fake = verify({ ...receiptFor(5, 13), checkpoint: signed(13) + plain }, { witnessKeys: [witnessKey] });
    expect(stepOf(fake, "cosignatures").outcome).toBe("missing");
    expect(fake.cosignatures?.[0]?.status).toBe("unknown");

    // From the future, with a clock given.
    const future = verify(receiptFor(5, 13, true), {
      key: logKey,
      witnessKeys: [witnessKey],
      nowSeconds: 1_699_999_000,
    });
    expect(future.cosignatures?.[0]).toMatchObject({ status: "fail", error: { code: "FUTURE_TIMESTAMP" } });
    // The signature step failed: nothing to check.
    const unsigned = verify(receiptFor(5, 13, true), { key: otherLog.verifierKey, witnessKeys: [witnessKey] });
    expect(stepOf(unsigned, "cosignatures").outcome).toBe("skip");
  });

  it("checks that the record carries a document's digest", () => {
    const r = receiptFor(5, 13);
    const digest = JSON.parse(r.record).sha256 as string;
    expect(verify(r, { documentSha256: digest.toUpperCase() }).valid).toBe(true);
    const v = verify(r, { documentSha256: "f".repeat(64) });
    expect(stepOf(v, "document")).toMatchObject({
      outcome: "notInRecord",
      data: { sha256: "f".repeat(64) },
      error: { code: "DIGEST_NOT_IN_RECORD" },
    });
    expect(recordMentionsDigest('{"a":["x",{"b":"ABC"}]}', "abc")).toBe(true);
    expect(recordMentionsDigest("not json", "abc")).toBe(false);
  });
});

describe("checkCosignatures", () => {
  it("classifies each line not by the log key against the witness keys given", () => {
    const { note } = openCheckpoint(signed(4, { cosign: true }), [ed25519NoteVerifier(logKey)]);
    expect(checkCosignatures(note, [witnessKey])).toMatchObject([
      { name: "witness.example.gov", status: "pass", witness: 0, timestamp: 1_700_000_000 },
    ]);
    expect(checkCosignatures(note, [])).toMatchObject([{ status: "unknown" }]);
    // The same lines over another checkpoint body do not verify.
    expect(checkCosignatures({ ...note, text: checkpointBody(5) }, [witnessKey])[0]?.status).toBe("fail");
  });
});
