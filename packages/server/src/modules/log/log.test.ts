import type { Receipt } from "@concordia/contracts";
import {
  base64Decode,
  base64Encode,
  cosignCheckpoint,
  ed25519NoteVerifier,
  formatVerifierKey,
  generateNoteKeyPair,
  leafHash,
  merkleTreeHash,
  openCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  tileHashes,
  verifyConsistency,
  verifyInclusion,
} from "@concordia/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, adminAgent, createTestApp, type TestApp } from "../../../test/harness.js";
import { appendRecord } from "./records.js";

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await adminAgent(t);
});
afterAll(() => t.close());

const log = () => t.started.deps.log;

/** Checks a receipt as an outsider would, with nothing but the pure core functions. */
function checkReceipt(r: Receipt, pinnedKey?: string) {
  const key = parseVerifierKey(pinnedKey ?? r.verifierKey);
  const { checkpoint } = openCheckpoint(r.checkpoint, [ed25519NoteVerifier(key)], { origin: r.origin });
  const leaf = leafHash(new TextEncoder().encode(r.record));
  expect(base64Encode(leaf)).toBe(r.leafHash);
  expect(checkpoint.size).toBe(r.treeSize);
  verifyInclusion(leaf, r.index, r.treeSize, r.inclusionProof.map(base64Decode), checkpoint.rootHash);
}

async function appendMany(n: number, type = "test") {
  const seqs = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      t.db.transaction((tx) => appendRecord(tx, type, { n: i, text: `record ${i} — 记录 — سجل` })),
    ),
  );
  return Promise.all(seqs.map((s) => log().awaitIndex(s)));
}

describe("appending and receipts", () => {
  it("gives every record its own index, and receipts that verify offline", async () => {
    const before = (await t.request("GET", "/api/v1/log")).json().size as number;
    const indexes = await appendMany(300);
    expect(new Set(indexes).size).toBe(300);
    expect(Math.min(...indexes)).toBe(before);
    expect(Math.max(...indexes)).toBe(before + 299);
    for (const i of [indexes[0]!, indexes[150]!, indexes[299]!]) {
      const r = (await t.request("GET", `/api/v1/log/entries/${i}/receipt`)).json() as Receipt;
      checkReceipt(r, log().identity.verifierKey);
    }
  });

  it("every checkpoint is consistent with every earlier one", async () => {
    await appendMany(40);
    const cps = (await t.request("GET", "/api/v1/log/checkpoints?pageSize=200")).json().items as {
      size: number;
      rootHash: string;
    }[];
    const sizes = cps.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const nonEmpty = cps.filter((c) => c.size > 0).reverse();
    for (let i = 1; i < nonEmpty.length; i++) {
      const a = nonEmpty[i - 1]!;
      const b = nonEmpty[i]!;
      const p = (await t.request("GET", `/api/v1/log/proofs/consistency?from=${a.size}&to=${b.size}`)).json();
      verifyConsistency(a.size, b.size, p.proof.map(base64Decode), base64Decode(a.rootHash), base64Decode(b.rootHash));
    }
  });

  it("a record whose transaction rolls back never enters the log", async () => {
    const before = (await t.request("GET", "/api/v1/log")).json();
    await expect(
      t.db.transaction(async (tx) => {
        await appendRecord(tx, "ghost", { boo: true });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await log().sequencer.run();
    const after = (await t.request("GET", "/api/v1/log")).json();
    expect(after.size).toBe(before.size);
    expect((await t.request("GET", "/api/v1/log/entries?type=ghost")).json().total).toBe(0);
  });

  it("finds the inclusion proof by leaf hash for an older tree size", async () => {
    const entry = (await t.request("GET", "/api/v1/log/entries/5")).json();
    const res = await t.request(
      "GET",
      `/api/v1/log/proofs/inclusion?leafHash=${encodeURIComponent(entry.leafHash)}&treeSize=10`,
    );
    const p = res.json();
    expect(p).toMatchObject({ index: 5, treeSize: 10 });
    verifyInclusion(base64Decode(p.leafHash), 5, 10, p.proof.map(base64Decode), base64Decode(p.rootHash));
  });
});

describe("C2SP tlog-tiles", () => {
  it("serves the checkpoint, full tiles (immutable) and entry bundles that rebuild the tree", async () => {
    const info = (await t.request("GET", "/api/v1/log")).json();
    expect(info.size).toBeGreaterThanOrEqual(256);
    const cp = await t.request("GET", "/log/checkpoint");
    expect(cp.headers["content-type"]).toContain("text/plain");
    const { checkpoint } = openCheckpoint(cp.body, [ed25519NoteVerifier(parseVerifierKey(info.verifierKey))]);

    const tile = await t.request("GET", "/log/tile/0/000");
    expect(tile.statusCode).toBe(200);
    expect(tile.headers["cache-control"]).toContain("immutable");
    const hashes = tileHashes(new Uint8Array(tile.rawPayload));
    expect(hashes).toHaveLength(256);

    const bundle = new Uint8Array((await t.request("GET", "/log/tile/entries/000")).rawPayload);
    const leaves: Uint8Array[] = [];
    for (let at = 0; at < bundle.length; ) {
      const len = (bundle[at]! << 8) | bundle[at + 1]!;
      leaves.push(leafHash(bundle.subarray(at + 2, at + 2 + len)));
      at += 2 + len;
    }
    expect(leaves.map(base64Encode)).toEqual(hashes.map(base64Encode));
    if (checkpoint.size === 256) expect(base64Encode(merkleTreeHash(leaves))).toBe(base64Encode(checkpoint.rootHash));

    const width = checkpoint.size % 256;
    if (width > 0) {
      const partial = await t.request("GET", `/log/tile/0/001.p/${width}`);
      expect(partial.statusCode).toBe(200);
      expect(partial.rawPayload.length).toBe(width * 32);
    }
  });

  it("rejects malformed tile paths with 400 and missing tiles with 404", async () => {
    for (const bad of [
      "/log/tile/0/1",
      "/log/tile/0/0001",
      "/log/tile/0/x1/000",
      "/log/tile/0/000.p/0",
      "/log/tile/0/000.p/256",
      "/log/tile/99/000",
      "/log/tile/a/000",
      "/log/tile/entries/000.p/x",
    ]) {
      const res = await t.request("GET", bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    expect((await t.request("GET", "/log/tile/0/x999/999")).statusCode).toBe(404);
    expect((await t.request("GET", "/log/tile/entries/x999/999")).statusCode).toBe(404);
  });
});

describe("bad input on the log API", () => {
  it("answers 4xx naming the parameter", async () => {
    const cases: [string, number, string?][] = [
      ["/api/v1/log/entries/abc", 400, "params.index"],
      ["/api/v1/log/entries/-1", 400, "params.index"],
      ["/api/v1/log/entries/99999999", 404],
      ["/api/v1/log/entries/99999999/receipt", 404],
      ["/api/v1/log/proofs/inclusion?index=0&treeSize=99999999", 400, "querystring.treeSize"],
      ["/api/v1/log/proofs/inclusion?index=5&treeSize=3", 400, "querystring.index"],
      ["/api/v1/log/proofs/inclusion", 400, "querystring.index"],
      ["/api/v1/log/proofs/inclusion?leafHash=nothash", 400, "querystring.leafHash"],
      ["/api/v1/log/proofs/consistency?from=5&to=2", 400, "querystring.from"],
      ["/api/v1/log/proofs/consistency?from=1&to=99999999", 400, "querystring.to"],
      ["/api/v1/log/proofs/consistency?from=x&to=2", 400, "querystring.from"],
    ];
    for (const [url, status, field] of cases) {
      const res = await t.request("GET", url);
      expect(res.statusCode, url).toBe(status);
      if (field)
        expect(
          res.json().errors.map((e: { field: string }) => e.field),
          url,
        ).toContain(field);
    }
  });
});

describe("notarization", () => {
  it("logs a document's hash for delegates and the secretariat, computing it from the content when given", async () => {
    const content = Buffer.from("Resolution 2026/1 of the General Conference");
    const res = await t.request("POST", "/api/v1/log/notarizations", {
      as: admin,
      body: { title: "Resolution 2026/1", contentBase64: content.toString("base64") },
    });
    expect(res.statusCode).toBe(201);
    const r = res.json() as Receipt;
    checkReceipt(r);
    expect(JSON.parse(r.record)).toMatchObject({
      type: "notarization",
      title: "Resolution 2026/1",
      sha256: (await import("node:crypto")).createHash("sha256").update(content).digest("hex"),
    });

    const delegate = await t.person("member_delegate");
    const ok = await t.request("POST", "/api/v1/log/notarizations", {
      as: delegate.agent,
      body: { title: "Position paper", sha256: "A".repeat(64) },
    });
    expect(ok.statusCode).toBe(201);
    expect(JSON.parse(ok.json().record).sha256).toBe("a".repeat(64));

    const researcher = await t.person("researcher");
    expect(
      (
        await t.request("POST", "/api/v1/log/notarizations", {
          as: researcher.agent,
          body: { title: "x", sha256: "a".repeat(64) },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request("POST", "/api/v1/log/notarizations", { body: { title: "x", sha256: "a".repeat(64) } }))
        .statusCode,
    ).toBe(401);
    const both = await t.request("POST", "/api/v1/log/notarizations", {
      as: admin,
      body: { title: "x", sha256: "a".repeat(64), contentBase64: "aGk=" },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe("body.sha256");
  });
});

describe("membership decisions are public acts", () => {
  it("admitting a state is logged and its receipt verifies", async () => {
    const res = await t.request("PUT", "/api/v1/members/states/BR", { as: admin, body: { status: "observer" } });
    const { logIndex } = res.json();
    expect(logIndex).toEqual(expect.any(Number));
    const r = (await t.request("GET", `/api/v1/log/entries/${logIndex}/receipt`)).json() as Receipt;
    checkReceipt(r);
    expect(JSON.parse(r.record)).toMatchObject({
      type: "membership_decision",
      decision: "admit",
      country: "BR",
      status: "observer",
    });
    const listed = (await t.request("GET", "/api/v1/members/states"))
      .json()
      .items.find((s: { code: string }) => s.code === "BR");
    expect(listed.logIndex).toBe(logIndex);
  });
});

describe("witnesses", () => {
  const { signerKey: witnessSigner, verifierKey: ed25519Key } = generateNoteKeyPair(
    "witness.kenya.example",
    new Uint8Array(32).fill(7),
  );
  const signer = parseSignerKey(witnessSigner);
  const witnessKey = formatVerifierKey({
    name: signer.name,
    type: SIGNATURE_TYPE_COSIGNATURE_V1,
    publicKey: signer.publicKey,
  });

  it("the secretariat registers a cosignature key, never a plain signing key", async () => {
    const wrong = await t.request("POST", "/api/v1/log/witnesses", {
      as: admin,
      body: { verifierKey: ed25519Key, countryCode: "KE" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe("body.verifierKey");
    const res = await t.request("POST", "/api/v1/log/witnesses", {
      as: admin,
      body: { verifierKey: witnessKey, countryCode: "KE" },
    });
    expect(res.statusCode).toBe(201);
    expect(
      (
        await t.request("POST", "/api/v1/log/witnesses", {
          as: admin,
          body: { verifierKey: witnessKey, countryCode: "KE" },
        })
      ).statusCode,
    ).toBe(409);
  });

  it("accepts a valid cosignature, serves it with the checkpoint, and refuses bad ones", async () => {
    const info = (await t.request("GET", "/api/v1/log")).json();
    const note = (await t.request("GET", "/log/checkpoint")).body;
    const text = note.slice(0, note.indexOf("\n\n") + 1);
    const now = Math.floor(Date.now() / 1000);
    const line = cosignCheckpoint(text, signer, now).trim();
    const res = await t.request("POST", "/api/v1/log/cosignatures", { body: { size: info.size, cosignature: line } });
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.request("GET", "/log/checkpoint")).body).toContain(line);
    const list = (await t.request("GET", "/api/v1/log/witnesses")).json();
    const witnesses = list.items;
    expect(witnesses[0]).toMatchObject({ countryCode: "KE", lastCosignedSize: info.size });
    expect(list.can).toEqual({ register: false, remove: false });
    expect((await t.request("GET", "/api/v1/log/witnesses", { as: admin })).json().can).toEqual({
      register: true,
      remove: true,
    });
    expect(info.can).toEqual({ notarize: false });
    expect((await t.request("GET", "/api/v1/log", { as: admin })).json().can).toEqual({ notarize: true });

    const unknownSize = await t.request("POST", "/api/v1/log/cosignatures", {
      body: { size: info.size + 1000, cosignature: line },
    });
    expect(unknownSize.statusCode).toBe(400);
    expect(unknownSize.json().errors[0].field).toBe("body.size");
    const otherSize = await t.request("POST", "/api/v1/log/cosignatures", { body: { size: 1, cosignature: line } });
    expect(otherSize.statusCode).toBe(400);
    const stranger = parseSignerKey(generateNoteKeyPair("stranger.example", new Uint8Array(32).fill(9)).signerKey);
    const unknownKey = await t.request("POST", "/api/v1/log/cosignatures", {
      body: { size: info.size, cosignature: cosignCheckpoint(text, stranger, now).trim() },
    });
    expect(unknownKey.statusCode).toBe(400);
    const tampered = line.slice(0, -6) + (line.endsWith("AAAA=") ? "BBBBB=" : "AAAAA=");
    expect(
      (await t.request("POST", "/api/v1/log/cosignatures", { body: { size: info.size, cosignature: tampered } }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await t.request("POST", "/api/v1/log/cosignatures", {
          body: { size: info.size, cosignature: "not a signature at all" },
        })
      ).statusCode,
    ).toBe(400);
  });
});
