import { readFileSync } from "node:fs";
import { Receipt } from "@concordia/contracts";
import {
  base64Encode,
  consistencyProof,
  verifyReceipt as coreVerifyReceipt,
  cosignCheckpoint,
  ed25519NoteSigner,
  formatCheckpoint,
  formatVerifierKey,
  generateNoteKeyPair,
  inclusionProof,
  leafHash,
  merkleTreeHash,
  parseSignerKey,
  RECEIPT_OUTCOMES,
  RECEIPT_STEPS,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  signNote,
} from "@concordia/core";
import { describe, expect, it } from "vitest";
import { checkConsistency, checkCosignatures, type Verification, verifyReceipt } from "./verifyReceipt";

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

const codes = (v: { steps: { step: string; outcome: string }[] }) => v.steps.map((s) => `${s.step}.${s.outcome}`);
const statuses = (text: string, key?: string) =>
  verifyReceipt(text, { key, keySource: key ? "user" : "receipt" }).steps.map((s) => `${s.step}:${s.status}`);
const stepOf = (v: Verification, step: string) => v.steps.find((s) => s.step === step);

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
      expect(codes(v)).toEqual([
        "wellFormed.pass",
        "leafHash.pass",
        "verifierKey.pinned",
        "signature.pass",
        "checkpoint.pass",
        "inclusion.pass",
        "content.pass",
      ]);
      expect(v.content?.json).toBe(true);
      expect(v.checkpointText).toBe(signedCheckpoint(size).body);
    }
  });

  it("is core's verifier: the page words the same steps and outcomes the command line does", () => {
    const r = receiptFor(2, 7);
    const other = generateNoteKeyPair(ORIGIN, seed(9)).verifierKey;
    const cases: [string, string | undefined][] = [
      [JSON.stringify(r), undefined],
      [JSON.stringify(r), log.verifierKey],
      [JSON.stringify(r), other],
      [JSON.stringify({ ...r, record: r.record.replace("record 2", "record 9") }), log.verifierKey],
      [JSON.stringify({ ...r, treeSize: 6 }), undefined],
      [JSON.stringify({ ...r, inclusionProof: r.inclusionProof.slice(1) }), undefined],
      [JSON.stringify({ ...r, origin: "elsewhere.example/log" }), undefined],
      [JSON.stringify(r), witnessKey],
      [JSON.stringify({ format: "concordia-receipt/v1" }), undefined],
      [JSON.stringify({ format: 1 }), undefined],
      ["not json", undefined],
    ];
    const en = JSON.parse(readFileSync(new URL("../../locales/en/common.json", import.meta.url), "utf8"));
    for (const [text, key] of cases) {
      const core = coreVerifyReceipt(text, { key });
      const page = verifyReceipt(text, { key, keySource: key ? "user" : "receipt" });
      expect(page.steps).toEqual(core.steps);
      expect(page.status).toBe(core.valid ? "pass" : "fail");
      // Every placeholder of the wording is a value core gives with that outcome.
      for (const s of page.steps) {
        const wording: string = en.log.verify.steps[s.step][s.outcome];
        for (const [, name] of wording.matchAll(/\{\{(\w+)\}\}/g)) {
          expect(Object.keys(s.data), `${s.step}.${s.outcome}: {{${name}}}`).toContain(name);
        }
      }
    }
  });

  it("has words for every outcome the page can show, and for every field problem", () => {
    const en = JSON.parse(readFileSync(new URL("../../locales/en/common.json", import.meta.url), "utf8"));
    const words = en.log.verify;
    for (const step of RECEIPT_STEPS.filter((s) => s !== "cosignatures" && s !== "document")) {
      expect(words.steps[step]?.title, step).toEqual(expect.any(String));
      for (const outcome of RECEIPT_OUTCOMES[step]) {
        expect(words.steps[step]?.[outcome], `${step}.${outcome}`).toEqual(expect.any(String));
      }
      expect(Object.keys(words.steps[step]).sort()).toEqual(["title", ...RECEIPT_OUTCOMES[step]].sort());
    }
    for (const problem of ["missing", "notString", "notInteger", "notArray", "notBase64Hash"]) {
      expect(words.fieldProblem[problem], problem).toEqual(expect.any(String));
    }
  });

  it("finds a receipt well-formed exactly when the contracts' Receipt schema does", () => {
    const r = receiptFor(1, 3);
    const { inclusionProof: _, ...noProof } = r;
    const values: unknown[] = [
      r,
      { ...r, extra: 1 },
      noProof,
      { ...r, leafHash: "abc" },
      { ...r, leafHash: `${"A".repeat(43)}=` },
      { ...r, index: 1.5 },
      { ...r, index: -1 },
      { ...r, index: "1" },
      { ...r, treeSize: 2 ** 53 },
      { ...r, record: 7 },
      { ...r, origin: undefined },
      { ...r, inclusionProof: "x" },
      { ...r, inclusionProof: [] },
      { ...r, inclusionProof: ["AAAA"] },
      { ...r, format: "concordia-receipt/v2" },
      { ...r, verifierKey: null },
      { ...r, checkpoint: "" },
      [],
      null,
      "text",
    ];
    for (const value of values) {
      const core = coreVerifyReceipt(value).steps[0]!;
      expect(core.outcome === "pass", JSON.stringify(value)).toBe(Receipt.safeParse(value).success);
    }
  });

  it("fails at step 1 on text that is not a receipt", () => {
    expect(statuses("not json")[0]).toBe("wellFormed:fail");
    const wrong = verifyReceipt(JSON.stringify({ format: "other/v1" }), { keySource: "receipt" });
    expect(codes(wrong)[0]).toBe("wellFormed.wrongFormat");
    expect(wrong.steps.slice(1).every((s) => s.status === "skip")).toBe(true);
    const missing = verifyReceipt(JSON.stringify({ ...receiptFor(1, 3), leafHash: "abc" }), { keySource: "receipt" });
    expect(missing.steps[0]).toMatchObject({
      outcome: "badFields",
      data: { issues: [{ path: "leafHash", problem: "notBase64Hash" }] },
    });
  });

  it("fails at step 2 when the record was altered", () => {
    const r = receiptFor(2, 7);
    const tampered = { ...r, record: r.record.replace("record 2", "record 9") };
    const v = verifyReceipt(JSON.stringify(tampered), { key: log.verifierKey, keySource: "user" });
    expect(v.status).toBe("fail");
    expect(v.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      "wellFormed:pass",
      "leafHash:fail",
      "verifierKey:pass",
      "signature:pass",
      "checkpoint:pass",
      "inclusion:skip",
      "content:skip",
    ]);
    expect(v.steps[1]?.error?.code).toBe("LEAF_HASH_MISMATCH");
  });

  it("fails at the key or the signature with another key or an altered checkpoint", () => {
    const other = generateNoteKeyPair(ORIGIN, seed(9)).verifierKey;
    const r = JSON.stringify(receiptFor(2, 7));
    const v = verifyReceipt(r, { key: other, keySource: "user" });
    expect(stepOf(v, "verifierKey")).toMatchObject({ status: "fail", outcome: "mismatch" });
    expect(stepOf(v, "signature")).toMatchObject({ status: "fail", outcome: "noSignature" });
    expect(stepOf(verifyReceipt(r, { key: "garbage", keySource: "user" }), "verifierKey")?.outcome).toBe("badKey");
    expect(stepOf(verifyReceipt(r, { key: witnessKey, keySource: "user" }), "verifierKey")?.outcome).toBe(
      "wrongKeyType",
    );
    const forged = receiptFor(2, 7);
    forged.checkpoint = forged.checkpoint.replace(`\n7\n`, "\n8\n");
    expect(stepOf(verifyReceipt(JSON.stringify(forged), { keySource: "receipt" }), "signature")).toMatchObject({
      status: "fail",
      outcome: "badSignature",
      error: { code: "INVALID_SIGNATURE" },
    });
    const foreign = { ...receiptFor(2, 7), origin: "elsewhere.example/log" };
    expect(stepOf(verifyReceipt(JSON.stringify(foreign), { keySource: "receipt" }), "checkpoint")?.outcome).toBe(
      "wrongOrigin",
    );
  });

  it("fails at the checkpoint when it is for another size", () => {
    const r = { ...receiptFor(2, 7), checkpoint: signedCheckpoint(6).note };
    const v = verifyReceipt(JSON.stringify(r), { keySource: "receipt" });
    expect(stepOf(v, "checkpoint")).toMatchObject({
      status: "fail",
      outcome: "sizeMismatch",
      data: { checkpointSize: 6, treeSize: 7 },
    });
    expect(stepOf(v, "inclusion")?.status).toBe("skip");
  });

  it("fails at the inclusion step on a wrong proof, with the core's error code", () => {
    const r = receiptFor(2, 7);
    const inclusion = (x: unknown) => stepOf(verifyReceipt(JSON.stringify(x), { keySource: "receipt" }), "inclusion");
    expect(inclusion({ ...r, inclusionProof: [...r.inclusionProof].reverse() })).toMatchObject({
      status: "fail",
      error: { code: "ROOT_MISMATCH" },
    });
    expect(inclusion({ ...r, inclusionProof: r.inclusionProof.slice(1) })?.error?.code).toBe("WRONG_PROOF_SIZE");
    // Another leaf's genuine record, hash and proof under this index: the proof cannot match.
    expect(inclusion({ ...receiptFor(3, 7), index: 2 })?.status).toBe("fail");
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
