import type { Receipt } from "@concordia/contracts";
import { describe, expect, it } from "vitest";
import {
  base64Decode,
  base64Encode,
  verifyReceipt as coreVerifyReceipt,
  cosignCheckpoint,
  ed25519NoteSigner,
  ed25519SignerKey,
  leafHash,
  parseVerifierKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  signNote,
} from "./core.js";
import { formatVerification } from "./output.js";
import { CLI_STEP, verifyReceipt } from "./receipt.js";
import { TestLog, testRecord } from "./test-log.js";
import { witnessKeyPair } from "./witness.js";

const log = new TestLog().grow(13);
const good = () => structuredClone(log.receipt(5));

function flipBase64(b64: string): string {
  const bytes = base64Decode(b64);
  bytes[0] = bytes[0]! ^ 1;
  return base64Encode(bytes);
}

function failure(r: unknown, options = {}) {
  const v = verifyReceipt(r, options);
  expect(v.ok).toBe(false);
  return v.failure!;
}

describe("verifyReceipt", () => {
  it("accepts every receipt of logs of several sizes, from JSON text too", () => {
    for (const size of [1, 2, 3, 8, 13]) {
      for (let i = 0; i < size; i++) {
        const v = verifyReceipt(JSON.stringify(log.receipt(i, size)), { pinnedKey: log.verifierKey });
        expect(v.ok, `${i}/${size}: ${v.failure?.message}`).toBe(true);
      }
    }
  });

  it("reports each step, and whose key it trusted", () => {
    const unpinned = verifyReceipt(good());
    expect(unpinned.ok).toBe(true);
    expect(unpinned.trust).toBe("receipt");
    expect(unpinned.steps.map((s) => [s.step, s.status])).toEqual([
      ["well-formed", "ok"],
      ["leaf-hash", "ok"],
      ["verifier-key", "ok"],
      ["checkpoint-signature", "ok"],
      ["checkpoint", "ok"],
      ["inclusion", "ok"],
      ["record", "ok"],
    ]);
    expect(unpinned.steps[2]!.detail).toContain("not pinned");
    expect(unpinned.entry).toMatchObject({ index: 5, treeSize: 13, origin: "log.example.org" });
    expect(verifyReceipt(good(), { pinnedKey: log.verifierKey }).trust).toBe("pinned");
  });

  it("rejects a changed record", () => {
    const r = good();
    r.record = r.record.replace("Document 5", "Document 6");
    expect(failure(r)).toMatchObject({ step: "leaf-hash", code: "LEAF_HASH_MISMATCH" });
  });

  it("rejects another record whose leaf hash was recomputed to match", () => {
    const r = good();
    r.record = testRecord(99);
    r.leafHash = base64Encode(leafHash(new TextEncoder().encode(r.record)));
    expect(failure(r)).toMatchObject({ step: "inclusion", code: "ROOT_MISMATCH" });
  });

  it("rejects a changed, missing or extra proof element", () => {
    const changed = good();
    changed.inclusionProof[1] = flipBase64(changed.inclusionProof[1]!);
    expect(failure(changed)).toMatchObject({ step: "inclusion", code: "ROOT_MISMATCH" });
    const missing = good();
    missing.inclusionProof.pop();
    expect(failure(missing)).toMatchObject({ step: "inclusion", code: "WRONG_PROOF_SIZE" });
    const extra = good();
    extra.inclusionProof.push(extra.inclusionProof[0]!);
    expect(failure(extra)).toMatchObject({ step: "inclusion", code: "WRONG_PROOF_SIZE" });
  });

  it("rejects a receipt moved to another index", () => {
    const r = good();
    r.index = 4;
    expect(failure(r)).toMatchObject({ step: "inclusion", code: "ROOT_MISMATCH" });
    r.index = 13;
    expect(failure(r)).toMatchObject({ step: "inclusion", code: "INDEX_OUT_OF_RANGE" });
  });

  it("rejects a checkpoint whose text or signature was changed", () => {
    const r = good();
    const [body, sigs] = r.checkpoint.split("\n\n") as [string, string];
    const other = log.checkpointText(12).trimEnd();
    r.checkpoint = `${other}\n\n${sigs}`;
    expect(failure(r)).toMatchObject({ step: "checkpoint-signature", code: "INVALID_SIGNATURE" });
    const sig = sigs.trimEnd().split(" ");
    const raw = base64Decode(sig[2]!);
    raw[10] = raw[10]! ^ 1;
    r.checkpoint = `${body}\n\n${sig[0]} ${sig[1]} ${base64Encode(raw)}\n`;
    expect(failure(r)).toMatchObject({ step: "checkpoint-signature", code: "INVALID_SIGNATURE" });
  });

  it("rejects a checkpoint signed by another key than the receipt's", () => {
    const r = good();
    const impostor = new TestLog("log.example.org", 8).grow(13);
    r.checkpoint = impostor.signedCheckpoint();
    expect(failure(r)).toMatchObject({ step: "checkpoint-signature", code: "NO_VERIFIED_SIGNATURE" });
  });

  it("with a pinned key, rejects a receipt made (consistently) with another key", () => {
    const impostor = new TestLog("log.example.org", 8).grow(13);
    const forged = impostor.receipt(5);
    // Self-consistent: it passes when the reader trusts the key the receipt carries...
    expect(verifyReceipt(forged).ok).toBe(true);
    // ...and fails against the key obtained independently.
    expect(failure(forged, { pinnedKey: log.verifierKey })).toMatchObject({
      step: "verifier-key",
      code: "KEY_MISMATCH",
    });
  });

  it("rejects a tree size or origin that is not the checkpoint's", () => {
    const r = good();
    r.treeSize = 12;
    expect(failure(r)).toMatchObject({ step: "checkpoint", code: "SIZE_MISMATCH" });
    const o = good();
    o.origin = "other.example.org";
    expect(failure(o)).toMatchObject({ step: "checkpoint", code: "ORIGIN_MISMATCH" });
  });

  it("rejects malformed receipts and keys", () => {
    expect(failure("{not json")).toMatchObject({ step: "well-formed", code: "NOT_JSON" });
    const { inclusionProof: _, ...noProof } = good();
    expect(failure(noProof)).toMatchObject({ step: "well-formed", code: "MALFORMED_RECEIPT" });
    expect(failure(noProof).message).toBe("inclusionProof: missing");
    expect(failure({ ...good(), format: "concordia-receipt/v2" })).toMatchObject({ code: "WRONG_FORMAT" });
    expect(failure({ ...good(), leafHash: "AAAA" })).toMatchObject({ code: "MALFORMED_RECEIPT" });
    const key = good();
    key.verifierKey = key.verifierKey.replace(/\+[0-9a-f]{8}\+/, "+00000000+");
    expect(failure(key)).toMatchObject({ step: "verifier-key", code: "KEY_ID_MISMATCH" });
  });

  it("still checks the independent steps after a failure, and skips the dependent ones", () => {
    const r = good();
    r.record = "{}";
    const v = verifyReceipt(r);
    expect(v.steps.map((s) => s.status)).toEqual(["ok", "failed", "ok", "ok", "ok", "skipped", "skipped"]);
    expect(v.failure).toMatchObject({ step: "leaf-hash", code: "LEAF_HASH_MISMATCH" });
  });

  it("checks the cosignatures of the witnesses asked for", () => {
    const w = witnessKeyPair("witness.example.gov", new Uint8Array(32).fill(3));
    const signer = ed25519SignerKey(w.name, new Uint8Array(32).fill(3));
    const witnessKey = parseVerifierKey(w.verifierKey);
    expect(witnessKey.type).toBe(SIGNATURE_TYPE_COSIGNATURE_V1);
    const cosigned = new TestLog().grow(13);
    cosigned.cosignatures = [cosignCheckpoint(cosigned.checkpointText(), signer, 1_700_000_000)];
    const r = cosigned.receipt(5);
    const v = verifyReceipt(r, { witnessKeys: [witnessKey] });
    expect(v.ok, v.failure?.message).toBe(true);
    expect(v.cosignatures).toEqual({ verified: ["witness.example.gov"], unchecked: [] });
    // Unknown to the reader: listed, not checked.
    expect(verifyReceipt(r).cosignatures).toEqual({ verified: [], unchecked: ["witness.example.gov"] });
    // Asked for but absent.
    expect(failure(good(), { witnessKeys: [witnessKey] })).toMatchObject({ code: "MISSING_COSIGNATURE" });
    // A plain note signature (type 0x01) under the witness name is not a cosignature.
    const fake = new TestLog().grow(13);
    const noteSig = signNote(fake.checkpointText(), [ed25519NoteSigner(signer)]).split("\n\n")[1]!;
    fake.cosignatures = [noteSig];
    expect(failure(fake.receipt(5), { witnessKeys: [witnessKey] })).toMatchObject({ code: "MISSING_COSIGNATURE" });
  });

  it("checks that the record carries a document's digest when asked", () => {
    const r: Receipt = good();
    const digest = JSON.parse(r.record).sha256 as string;
    expect(verifyReceipt(r, { documentSha256: digest.toUpperCase() }).ok).toBe(true);
    expect(failure(r, { documentSha256: "f".repeat(64) })).toMatchObject({
      step: "document",
      code: "DIGEST_NOT_IN_RECORD",
    });
  });

  it("words exactly the steps and outcomes of core's verifier (the web page's too)", () => {
    const tampered = good();
    tampered.record = tampered.record.replace("Document 5", "Document 6");
    const other = new TestLog("log.example.org", 8);
    const cases: [unknown, Parameters<typeof verifyReceipt>[1]][] = [
      [good(), {}],
      [good(), { pinnedKey: log.verifierKey }],
      [good(), { pinnedKey: other.verifierKey }],
      [tampered, { pinnedKey: log.verifierKey }],
      [{ ...good(), treeSize: 12 }, {}],
      [{ ...good(), inclusionProof: good().inclusionProof.slice(1) }, {}],
      ["{not json", {}],
      [good(), { documentSha256: "f".repeat(64) }],
    ];
    for (const [receipt, o] of cases) {
      const core = coreVerifyReceipt(receipt, { key: o?.pinnedKey, documentSha256: o?.documentSha256 });
      const cli = verifyReceipt(receipt, o);
      expect(cli.steps.map((s) => [s.step, s.outcome, s.code])).toEqual(
        core.steps.map((s) => [CLI_STEP[s.step], s.outcome, s.error?.code]),
      );
      expect(cli.ok).toBe(core.valid);
    }
  });

  it("prints the steps in English", () => {
    const r = good();
    r.record = r.record.replace("Document 5", "Document 6");
    const text = formatVerification("r.json", verifyReceipt(r, { pinnedKey: log.verifierKey }));
    expect(text).toContain("\u2717 leaf hash = SHA-256(0x00 || record) [LEAF_HASH_MISMATCH]: the record hashes to");
    expect(text).toContain("\u2713 checkpoint signed by the log key: log.example.org+");
    expect(text).toContain("- inclusion proof leads to the checkpoint root (not checked)");
    expect(text).toContain('VERIFICATION FAILED at step "leaf hash = SHA-256(0x00 || record)" [LEAF_HASH_MISMATCH]');
    const ok = formatVerification("r.json", verifyReceipt(good(), { pinnedKey: log.verifierKey }));
    expect(ok).toContain("VERIFIED: the record is entry 5 of the tree of 13 signed by the log (pinned key).");
    expect(ok).toContain(
      "\u2713 inclusion proof leads to the checkpoint root: entry 5 is in the tree of 13 entries (4 hashes)",
    );
  });
});
