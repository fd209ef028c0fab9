import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseVerifierKey, type VerifierKey } from "./core.js";
import { RemoteError, UsageError } from "./errors.js";
import type { Out } from "./output.js";
import { monitorCommand, notarizeCommand, verifyCommand, witnessKeygenCommand, witnessRunCommand } from "./run.js";
import { TestLog } from "./test-log.js";
import { serveTestLog, type TestServer } from "./test-server.js";

const BIN = fileURLToPath(new URL("../../bin/concordia.mjs", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "concordia-logcli-"));
const log = new TestLog().grow(3);
const witnesses: VerifierKey[] = [];
let server: TestServer;

beforeAll(async () => {
  server = await serveTestLog(log, { token: "cnc_test", witnessKeys: () => witnesses });
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function capture(json = false): Out & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { json, out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

const loopOnce = { once: true, intervalSeconds: 1 };

describe("log commands against an HTTP log", () => {
  const doc = join(work, "treaty.txt");
  const receiptFile = join(work, "receipt.json");
  const keyFile = join(work, "log.pub");

  it("notarizes a file and verifies the receipt it wrote", async () => {
    writeFileSync(doc, "The parties agree.\n");
    writeFileSync(keyFile, `${log.verifierKeyText}\n`);
    const o = capture();
    const code = await notarizeCommand(
      doc,
      { baseUrl: `${server.url}/`, token: "cnc_test", title: "Treaty", key: log.verifierKey, outFile: receiptFile },
      o,
    );
    expect(code, o.err.join("\n")).toBe(0);
    expect(o.out.join("")).toContain("as entry 3 of log log.example.org");
    const receipt = JSON.parse(readFileSync(receiptFile, "utf8"));
    expect(JSON.parse(receipt.record)).toMatchObject({
      title: "Treaty",
      fileName: "treaty.txt",
      sha256: createHash("sha256").update("The parties agree.\n").digest("hex"),
    });

    const v = capture();
    expect(await verifyCommand(receiptFile, { key: log.verifierKey, document: doc }, v)).toBe(0);
    expect(v.out.join("")).toMatch(/✓ inclusion proof/);
    expect(v.out.join("")).toContain("VERIFIED");
    expect(v.out.join("")).not.toContain("without --key");

    const unpinned = capture(true);
    expect(await verifyCommand(receiptFile, {}, unpinned)).toBe(0);
    expect(JSON.parse(unpinned.out.join(""))).toMatchObject({ ok: true, trust: "receipt" });

    writeFileSync(doc, "The parties disagree.\n");
    const wrongDoc = capture(true);
    expect(await verifyCommand(receiptFile, { document: doc }, wrongDoc)).toBe(1);
    expect(JSON.parse(wrongDoc.out.join(""))).toMatchObject({ ok: false, failure: { code: "DIGEST_NOT_IN_RECORD" } });
  });

  it("needs a token to notarize, and reports the server's refusal", async () => {
    await expect(notarizeCommand(doc, { baseUrl: server.url, title: "x" }, capture())).rejects.toThrow(UsageError);
    await expect(notarizeCommand(doc, { baseUrl: server.url, token: "nope", title: "x" }, capture())).rejects.toThrow(
      RemoteError,
    );
  });

  it("generates a witness key, cosigns, and refuses a forked log", async () => {
    const k = capture(true);
    expect(witnessKeygenCommand({ name: "witness.example.gov", outDir: join(work, "w") }, k)).toBe(0);
    const keys = JSON.parse(k.out.join(""));
    witnesses.push(parseVerifierKey(keys.verifierKey));
    const state = join(work, "witness-state.json");
    const run = () => {
      const o = capture(true);
      return witnessRunCommand(
        { ...loopOnce, keyFile: keys.signerKeyFile, logKey: log.verifierKey, stateFile: state, baseUrl: server.url },
        o,
      ).then((code) => ({ code, o }));
    };
    const first = await run();
    expect(first.code, first.o.err.join("\n")).toBe(0);
    expect(JSON.parse(first.o.out[0]!)).toMatchObject({ status: "cosigned", kind: "first", size: 4 });
    expect(server.accepted.map((a) => a.size)).toEqual([4]);

    // The cosigned checkpoint now verifies with the witness key required.
    const receipt = join(work, "cosigned.json");
    writeFileSync(receipt, JSON.stringify(log.receipt(1)));
    expect(await verifyCommand(receipt, { key: log.verifierKey, witnessKeys: witnesses }, capture())).toBe(0);

    log.grow(2);
    const grown = await run();
    expect(JSON.parse(grown.o.out[0]!)).toMatchObject({ kind: "grew", previousSize: 4, size: 6 });

    const fork = new TestLog().grow(5).append('{"type":"forged"}');
    server.setLog(fork);
    try {
      const refused = await run();
      expect(refused.code).toBe(1);
      expect(refused.o.err.join("\n")).toMatch(/ALARM \(witness\): \[FORK\]/);
      expect(JSON.parse(refused.o.out[0]!)).toMatchObject({ status: "alarm", code: "FORK" });
      expect(server.accepted).toHaveLength(2);
      expect(JSON.parse(readFileSync(state, "utf8")).size).toBe(6);
    } finally {
      server.setLog(log);
    }
  });

  it("monitors new entries and raises an alarm on a forked log", async () => {
    const state = join(work, "monitor-state.json");
    const run = () => {
      const o = capture(true);
      return monitorCommand({ ...loopOnce, logKey: log.verifierKey, stateFile: state, baseUrl: server.url }, o).then(
        (code) => ({ code, o }),
      );
    };
    const first = await run();
    expect(first.code, first.o.err.join("\n")).toBe(0);
    const r = JSON.parse(first.o.out[0]!);
    expect(r).toMatchObject({ status: "advanced", previousSize: null, size: log.size });
    expect(r.entries[3]).toMatchObject({ index: 3, type: "notarization" });
    log.grow(1, "decision");
    const next = JSON.parse((await run()).o.out[0]!);
    expect(next.entries).toEqual([expect.objectContaining({ index: log.size - 1, type: "decision" })]);
    const rewritten = new TestLog().grow(log.size + 2);
    server.setLog(rewritten);
    try {
      const alarm = await run();
      expect(alarm.code).toBe(1);
      expect(alarm.o.err.join("\n")).toMatch(/ALARM \(monitor\): \[INCONSISTENT\]/);
    } finally {
      server.setLog(log);
    }
  });

  it("exits 0, 1 or 2 from the command line", () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
    const ok = cli("verify", receiptFile, "--key", keyFile, "--json");
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, trust: "pinned" });

    const other = new TestLog("log.example.org", 8);
    const wrongKey = cli("verify", receiptFile, "--key", other.verifierKeyText);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stdout).toMatch(/✗ log verifier key \[KEY_MISMATCH\]/);
    expect(wrongKey.stdout).toContain('VERIFICATION FAILED at step "log verifier key" [KEY_MISMATCH]');

    const usage = cli("verify", receiptFile, "--key", "not-a-key");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--key");
  });
});
