import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAdvance } from "./advance.js";
import {
  base64Encode,
  parseSignerKey,
  parseVerifierKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  verifyCosignatureLine,
} from "./core.js";
import { UsageError, VerificationFailure } from "./errors.js";
import { type LogState, loadState, saveState } from "./state.js";
import { TestLog } from "./test-log.js";
import { witnessKeyPair, witnessRound, writeWitnessKeys } from "./witness.js";

const work = mkdtempSync(join(tmpdir(), "concordia-witness-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const keys = witnessKeyPair("witness.example.gov", new Uint8Array(32).fill(9));
const signer = parseSignerKey(keys.signerKey);
const witnessKey = parseVerifierKey(keys.verifierKey);

/** Runs one round against `log` (or the given feed), keeping state in memory; records saves and submissions in order. */
async function round(log: TestLog, state: LogState | null, feed = log.feed(), events: string[] = []) {
  let saved: LogState | null = null;
  const submit = feed.submitCosignature;
  feed.submitCosignature = async (size, line) => {
    events.push("submit");
    await submit(size, line);
  };
  const result = await witnessRound({
    feed,
    logVerifier: log.verifier,
    signer,
    state,
    now: () => 1_750_000_000,
    save: (s) => {
      events.push("save");
      saved = s;
    },
  });
  return { result, saved: saved as LogState | null, events, submitted: feed.submitted };
}

async function refusal(log: TestLog, state: LogState | null, feed = log.feed()) {
  const events: string[] = [];
  const err = await round(log, state, feed, events).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VerificationFailure);
  expect(feed.submitted).toEqual([]);
  expect(events).toEqual([]);
  return err as VerificationFailure;
}

describe("witness keys", () => {
  it("makes a cosignature/v1 verifier key (type 0x04) matching the signer key", () => {
    expect(witnessKey.type).toBe(SIGNATURE_TYPE_COSIGNATURE_V1);
    expect(witnessKey.name).toBe("witness.example.gov");
    expect(base64Encode(witnessKey.publicKey)).toBe(base64Encode(signer.publicKey));
    expect(() => witnessKeyPair("bad name", new Uint8Array(32))).toThrow(UsageError);
  });

  it("writes the signer key readable by its owner only, and never overwrites", () => {
    const dir = join(work, "keys");
    const files = writeWitnessKeys(dir, keys);
    expect(statSync(files.signerKeyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(files.signerKeyFile, "utf8").trim()).toBe(keys.signerKey);
    expect(readFileSync(files.verifierKeyFile, "utf8").trim()).toBe(keys.verifierKey);
    expect(() => writeWitnessKeys(dir, keys)).toThrow(/already exists/);
  });
});

describe("witnessRound", () => {
  it("cosigns the first checkpoint it sees, saving it before submitting", async () => {
    const log = new TestLog().grow(5);
    const { result, saved, events, submitted } = await round(log, null);
    expect(result).toMatchObject({ status: "cosigned", size: 5, previousSize: null, timestamp: 1_750_000_000 });
    expect(result.advance!.kind).toBe("first");
    expect(events).toEqual(["save", "submit"]);
    expect(saved!.checkpoint.size).toBe(5);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.size).toBe(5);
    const cosig = verifyCosignatureLine(log.checkpointText(), submitted[0]!.line, witnessKey);
    expect(cosig.timestamp).toBe(1_750_000_000);
  });

  it("cosigns a grown log after verifying the consistency proof, and an unchanged one again", async () => {
    const log = new TestLog().grow(5);
    const first = await round(log, null);
    log.grow(300);
    const grown = await round(log, first.saved);
    expect(grown.result.advance).toMatchObject({ kind: "grew" });
    expect(grown.result.advance!.proofLength).toBeGreaterThan(0);
    expect(grown.saved!.checkpoint.size).toBe(305);
    const same = await round(log, grown.saved);
    expect(same.result.advance!.kind).toBe("same");
    expect(same.submitted).toHaveLength(1);
  });

  it("does not send again a cosignature the log already shows", async () => {
    const log = new TestLog().grow(5);
    const first = await round(log, null);
    log.cosignatures = [`${first.submitted[0]!.line}`];
    const again = await round(log, first.saved);
    expect(again.result.status).toBe("already-cosigned");
    expect(again.submitted).toEqual([]);
    // A line under our name and key ID whose signature does not verify does not count.
    const line = first.submitted[0]!.line.trimEnd();
    const at = line.length - 6;
    log.cosignatures = [`${line.slice(0, at)}${line[at] === "B" ? "C" : "B"}${line.slice(at + 1)}\n`];
    expect((await round(log, first.saved)).result.status).toBe("cosigned");
  });

  it("refuses a fork: same size, different root", async () => {
    const log = new TestLog().grow(6);
    const { saved } = await round(log, null);
    const fork = new TestLog().grow(5).append('{"type":"forged"}');
    expect(await refusal(fork, saved)).toMatchObject({ code: "FORK" });
  });

  it("refuses a log that shrank", async () => {
    const log = new TestLog().grow(6);
    const { saved } = await round(log, null);
    const rolledBack = new TestLog().grow(4);
    expect(await refusal(rolledBack, saved)).toMatchObject({ code: "SIZE_DECREASED" });
  });

  it("refuses a larger tree that rewrites history", async () => {
    const log = new TestLog().grow(6);
    const { saved } = await round(log, null);
    // Same key, entry 2 replaced, then grown: its own proofs are honest but cannot reach our old root.
    const rewritten = new TestLog().grow(6);
    rewritten.records[2] = '{"type":"rewritten"}';
    rewritten.grow(10);
    const err = await refusal(rewritten, saved);
    expect(err.code).toBe("INCONSISTENT");
    expect(err.message).toContain("ROOT_MISMATCH");
  });

  it("refuses a tampered or truncated consistency proof", async () => {
    const log = new TestLog().grow(6);
    const { saved } = await round(log, null);
    log.grow(7);
    const feed = log.feed();
    const honest = feed.consistencyProof;
    feed.consistencyProof = async (a, b) => {
      const p = await honest(a, b);
      p[0] = p[0]!.map((x, i) => (i === 0 ? x ^ 1 : x));
      return p;
    };
    expect(await refusal(log, saved, feed)).toMatchObject({ code: "INCONSISTENT" });
    feed.consistencyProof = async (a, b) => (await honest(a, b)).slice(1);
    expect(await refusal(log, saved, feed)).toMatchObject({ code: "INCONSISTENT" });
  });

  it("refuses a checkpoint not signed by the pinned log key", async () => {
    const impostor = new TestLog("log.example.org", 8).grow(6);
    const log = new TestLog().grow(6);
    const feed = log.feed();
    feed.checkpoint = async () => impostor.signedCheckpoint();
    expect(await refusal(log, null, feed)).toMatchObject({ code: "NO_VERIFIED_SIGNATURE" });
  });

  it("refuses a checkpoint for another origin under the same key", async () => {
    const log = new TestLog().grow(6);
    const { saved } = await round(log, null);
    const moved = { ...saved!.checkpoint, origin: "other.example.org" };
    await expect(checkAdvance(saved!.checkpoint, moved, log.feed())).rejects.toMatchObject({ code: "ORIGIN_CHANGED" });
  });
});

describe("state file", () => {
  it("round-trips and re-verifies the stored checkpoint with the log key", async () => {
    const log = new TestLog().grow(9);
    const { saved } = await round(log, null);
    const file = join(work, "state.json");
    saveState(file, saved!);
    const loaded = loadState(file, log.verifier)!;
    expect(loaded.checkpoint.size).toBe(9);
    expect(base64Encode(loaded.checkpoint.rootHash)).toBe(base64Encode(saved!.checkpoint.rootHash));
    expect(loadState(join(work, "absent.json"), log.verifier)).toBeNull();
    const other = new TestLog("log.example.org", 8);
    expect(() => loadState(file, other.verifier)).toThrow(/does not verify/);
    const data = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...data, size: 10 }));
    expect(() => loadState(file, log.verifier)).toThrow(/differ/);
    writeFileSync(file, "{");
    expect(() => loadState(file, log.verifier)).toThrow(/BAD_STATE|not readable/);
  });
});
