import type { Receipt } from "@concordia/contracts";
import {
  base64Encode,
  consistencyProof,
  cosignCheckpoint,
  ed25519NoteSigner,
  formatCheckpoint,
  formatVerifierKey,
  generateNoteKeyPair,
  inclusionProof,
  leafHash,
  merkleTreeHash,
  parseSignerKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  signNote,
} from "@concordia/core";
import { describe, expect, it } from "vitest";
import { checkConsistency, checkCosignatures, verifyReceipt } from "./verifyReceipt";

const ORIGIN = "concordia.test/log";
const seed = (n: number) => new Uint8Array(32).fill(n);
const log = generateNoteKeyPair(ORIGIN, seed(1));
const logSigner = parseSignerKey(log.signerKey);
const witnessSigner = parseSignerKey(generateNoteKeyPair("witness.fr", seed(2)).signerKey);
const witnessKey = formatVerifierKey({
  name: "witness.fr",
  type: SIGNATURE_TYPE_COSIGNATURE_V1,
  publicKey: witnessSigner.publicKey,
});

const records = Array.from({ length: 7 }, (_, i) => JSON.stringify({ n: i, title: `record ${i}`, note: "é 中" }));
const leaves = records.map((r) => leafHash(new TextEncoder().encode(r)));

function signedCheckpoint(size: number, cosign = false): { note: string; body: string } {
  const body = formatCheckpoint({
    origin: ORIGIN,
    size,
    rootHash: merkleTreeHash(leaves.slice(0, size)),
    extensions: [],
  });
  let note = signNote(body, [ed25519NoteSigner(logSigner)]);
  if (cosign) note += cosignCheckpoint(body, witnessSigner, 1_700_000_000);
  return { note, body };
}

function receiptFor(index: number, size: number, cosign = false): Receipt {
  return {
    format: "concordia-receipt/v1",
    origin: ORIGIN,
    verifierKey: log.verifierKey,
    index,
    recordType: "test",
    record: records[index]!,
    leafHash: base64Encode(leaves[index]!),
    treeSize: size,
    inclusionProof: inclusionProof(leaves, index, size).map(base64Encode),
    checkpoint: signedCheckpoint(size, cosign).note,
  };
}

const statuses = (text: string, key?: string) =>
  verifyReceipt(text, { key, keySource: key ? "user" : "receipt" }).steps.map((s) => `${s.id}:${s.status}`);

describe("verifyReceipt", () => {
  it("passes every step for a genuine receipt", () => {
    for (const [index, size] of [
      [0, 1],
      [3, 7],
      [6, 7],
      [4, 5],
    ] as const) {
      const v = verifyReceipt(JSON.stringify(receiptFor(index, size)), { key: log.verifierKey, keySource: "user" });
      expect(v.status, `${index}/${size}`).toBe("pass");
      expect(v.steps.map((s) => s.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass"]);
      expect(v.content?.json).toBe(true);
    }
  });

  it("fails at step 1 on text that is not a receipt", () => {
    expect(statuses("not json")[0]).toBe("wellFormed:fail");
    const wrong = verifyReceipt(JSON.stringify({ format: "other/v1" }), { keySource: "receipt" });
    expect(wrong.steps[0]?.message).toBe("wellFormed.wrongFormat");
    expect(wrong.steps.slice(1).every((s) => s.status === "skip")).toBe(true);
    const missing = verifyReceipt(JSON.stringify({ ...receiptFor(1, 3), leafHash: "abc" }), { keySource: "receipt" });
    expect(missing.steps[0]?.message).toBe("wellFormed.badFields");
    expect(missing.steps[0]?.details?.[0]).toContain("leafHash");
  });

  it("fails at step 2 when the record was altered", () => {
    const r = receiptFor(2, 7);
    const tampered = { ...r, record: r.record.replace("record 2", "record 9") };
    const v = verifyReceipt(JSON.stringify(tampered), { key: log.verifierKey, keySource: "user" });
    expect(v.status).toBe("fail");
    expect(v.steps.map((s) => `${s.id}:${s.status}`)).toEqual([
      "wellFormed:pass",
      "leafHash:fail",
      "signature:pass",
      "treeSize:pass",
      "inclusion:skip",
      "content:skip",
    ]);
    expect(v.steps[1]?.error?.code).toBe("LEAF_HASH_MISMATCH");
  });

  it("fails at step 3 with another key or an altered checkpoint", () => {
    const other = generateNoteKeyPair(ORIGIN, seed(9)).verifierKey;
    const r = JSON.stringify(receiptFor(2, 7));
    const v = verifyReceipt(r, { key: other, keySource: "user" });
    expect(v.steps[2]).toMatchObject({ status: "fail", message: "signature.noSignature" });
    expect(verifyReceipt(r, { key: "garbage", keySource: "user" }).steps[2]?.message).toBe("signature.badKey");
    expect(verifyReceipt(r, { key: witnessKey, keySource: "user" }).steps[2]?.message).toBe("signature.wrongKeyType");
    const forged = receiptFor(2, 7);
    forged.checkpoint = forged.checkpoint.replace(`\n7\n`, "\n8\n");
    expect(verifyReceipt(JSON.stringify(forged), { keySource: "receipt" }).steps[2]).toMatchObject({
      status: "fail",
      message: "signature.badSignature",
      error: { code: "INVALID_SIGNATURE" },
    });
    const foreign = { ...receiptFor(2, 7), origin: "elsewhere.example/log" };
    expect(verifyReceipt(JSON.stringify(foreign), { keySource: "receipt" }).steps[2]?.message).toBe(
      "signature.wrongOrigin",
    );
  });

  it("fails at step 4 when the checkpoint is for another size", () => {
    const r = { ...receiptFor(2, 7), checkpoint: signedCheckpoint(6).note };
    const v = verifyReceipt(JSON.stringify(r), { keySource: "receipt" });
    expect(v.steps[3]).toMatchObject({ status: "fail", values: { checkpointSize: 6, treeSize: 7 } });
    expect(v.steps[4]?.status).toBe("skip");
  });

  it("fails at step 5 on a wrong proof, with the core's error code", () => {
    const r = receiptFor(2, 7);
    const swapped = { ...r, inclusionProof: [...r.inclusionProof].reverse() };
    expect(verifyReceipt(JSON.stringify(swapped), { keySource: "receipt" }).steps[4]).toMatchObject({
      status: "fail",
      error: { code: "ROOT_MISMATCH" },
    });
    const short = { ...r, inclusionProof: r.inclusionProof.slice(1) };
    expect(verifyReceipt(JSON.stringify(short), { keySource: "receipt" }).steps[4]?.error?.code).toBe(
      "WRONG_PROOF_SIZE",
    );
    // Another leaf's genuine record, hash and proof under this index: the proof cannot match.
    const moved = { ...receiptFor(3, 7), index: 2 };
    expect(verifyReceipt(JSON.stringify(moved), { keySource: "receipt" }).steps[4]?.status).toBe("fail");
  });
});

describe("checkCosignatures", () => {
  const witnesses = [{ id: "w1", name: "witness.fr", verifierKey: witnessKey, countryCode: "FR" }];
  it("verifies a registered witness and lists unknown keys", () => {
    const v = verifyReceipt(JSON.stringify(receiptFor(1, 4, true)), { keySource: "receipt" });
    expect(v.status).toBe("pass");
    const checks = checkCosignatures(v.receipt!.checkpoint, v.checkpointText!, v.logKey!, witnesses);
    expect(checks).toMatchObject([{ status: "pass", name: "witness.fr", timestamp: 1_700_000_000 }]);
    expect(checkCosignatures(v.receipt!.checkpoint, v.checkpointText!, v.logKey!, [])[0]?.status).toBe("unknown");
    // The same line over another checkpoint body does not verify.
    const otherBody = signedCheckpoint(5).body;
    expect(checkCosignatures(v.receipt!.checkpoint, otherBody, v.logKey!, witnesses)[0]?.status).toBe("fail");
  });
});

describe("checkConsistency", () => {
  const v = verifyReceipt(JSON.stringify(receiptFor(1, 3)), { keySource: "receipt" });
  const root = (size: number) => merkleTreeHash(leaves.slice(0, size));
  it("accepts a log that only grew", () => {
    const proof = consistencyProof(leaves, 3, 7).map(base64Encode);
    expect(checkConsistency(v.checkpoint!, v.logKey!, signedCheckpoint(7).note, proof).status).toBe("pass");
    expect(checkConsistency(v.checkpoint!, v.logKey!, signedCheckpoint(3).note, null).outcome).toBe("same");
    expect(checkConsistency(v.checkpoint!, v.logKey!, signedCheckpoint(2).note, null).outcome).toBe("shrunk");
    const wrong = consistencyProof(leaves, 2, 7).map(base64Encode);
    expect(checkConsistency(v.checkpoint!, v.logKey!, signedCheckpoint(7).note, wrong).status).toBe("fail");
    expect(root(3)).toEqual(v.checkpoint!.rootHash);
  });
});
