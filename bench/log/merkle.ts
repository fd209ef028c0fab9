/**
 * Core tree building and proof generation next to the `merkletreejs` package, on the
 * same leaf hashes in the same process.
 *
 * RFC 6962 configuration of merkletreejs: it hashes leaves and interior nodes with the
 * same `hashFn`, so it cannot add the 0x00 leaf prefix itself. We give it the RFC 6962
 * leaf hashes, SHA-256(0x00 || data), as its leaves (`hashLeaves: false`; the alternative,
 * leaves 0x00 || data with `hashLeaves: true`, is checked to give the same root), and a
 * `concatenator` that prepends the 0x01 node prefix, so a node is SHA-256(0x01 || l || r).
 * Its default handling of an odd node (promoted unchanged to the next layer, no
 * duplication, no sorting) builds exactly the RFC 6962 left-heavy tree, so roots and
 * inclusion paths are identical; this is checked on every size measured and on a few odd
 * sizes. merkletreejs has no consistency proofs (RFC 6962 §2.1.2); that part is core only.
 */
import { createHash } from "node:crypto";
import {
  bytesEqual,
  completeSubtreeLevels,
  hexEncode,
  inclusionProof,
  inclusionProofFromHashAt,
  leafHash,
  merkleTreeHash,
  rootFromHashAt,
  verifyInclusion,
} from "@concordia/core";
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { MerkleTree } from "merkletreejs";
import { log, now, rng } from "./common.js";
import { leafData } from "./leaves.js";

const NODE_PREFIX = Buffer.from([0x01]);
const concatenator = (inputs: Buffer[]) => Buffer.concat([NODE_PREFIX, ...inputs]);
const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
/** The same SHA-256 as core (@noble/hashes), so the tree code is compared, not the hash code. */
const noble = (data: Buffer) => asBuffer(nobleSha256(data));
/** Node's OpenSSL SHA-256, what a merkletreejs user would typically pass. */
const nodeCrypto = (data: Buffer) => createHash("sha256").update(data).digest();

export interface MerkleRow {
  leaves: number;
  implementation: string;
  /** Median wall-clock ms to get the root from the leaf hashes (one build per repetition). */
  rootMs: number;
  rootRunsMs: number[];
  /** Inclusion proofs per second once the tree is built (random indexes). */
  proofsPerSecond: number;
  proofs: number;
}

export interface MerkleResults {
  rows: MerkleRow[];
  /** Same root from every implementation, same inclusion paths on sampled indexes, all verified. */
  checks: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function sameProof(a: readonly Uint8Array[], b: readonly Uint8Array[]) {
  return a.length === b.length && a.every((x, i) => bytesEqual(x, b[i]!));
}

/** Correctness on odd sizes (right-edge promotion) and the hashLeaves variant. */
function checkSmallSizes(checks: string[]) {
  for (const n of [1, 2, 3, 5, 7, 1000, 65_539]) {
    const data = Array.from({ length: n }, (_, i) => leafData(i));
    const hashes = data.map(leafHash);
    const core = merkleTreeHash(hashes);
    const mt = new MerkleTree(hashes.map(asBuffer), noble, { concatenator });
    const mtHashLeaves = new MerkleTree(
      data.map((d) => Buffer.concat([Buffer.from([0x00]), d])),
      nodeCrypto,
      { hashLeaves: true, concatenator },
    );
    if (!bytesEqual(core, mt.getRoot()) || !bytesEqual(core, mtHashLeaves.getRoot()))
      throw new Error(`merkletreejs root differs from core at ${n} leaves`);
    for (const i of new Set([0, n - 1, Math.floor(n / 2), Math.floor(n / 3)])) {
      const p = inclusionProof(hashes, i);
      const q = mt.getProof(asBuffer(hashes[i]!), i).map((x) => x.data);
      if (!sameProof(p, q)) throw new Error(`inclusion path of leaf ${i} of ${n} differs`);
      verifyInclusion(hashes[i]!, i, n, q, core);
    }
  }
  checks.push(
    "sizes 1, 2, 3, 5, 7, 1000, 65539: same root (also with hashLeaves: true on 0x00‖data), same inclusion paths, verified",
  );
}

type Impl = { name: string; buildRoot(hashes: Uint8Array[], buffers: Buffer[]): Uint8Array };
// The last structures built, reused for the proof measurements (a 2^20 build takes seconds).
let lastLevels: Uint8Array[][] = [];
let lastTree: MerkleTree | undefined;
const IMPLS: Impl[] = [
  { name: "core `merkleTreeHash` (root only, O(log n) memory)", buildRoot: (h) => merkleTreeHash(h) },
  {
    name: "core `completeSubtreeLevels` + `rootFromHashAt` (every level kept)",
    buildRoot: (h) => {
      const levels = completeSubtreeLevels(h);
      lastLevels = levels;
      return rootFromHashAt(h.length, (l, i) => levels[l]![i]!);
    },
  },
  {
    name: "merkletreejs 0.6, SHA-256 from @noble/hashes (as core)",
    buildRoot: (_, b) => {
      lastTree = new MerkleTree(b, noble, { concatenator });
      return lastTree.getRoot();
    },
  },
  {
    name: "merkletreejs 0.6, SHA-256 from node:crypto",
    buildRoot: (_, b) => new MerkleTree(b, nodeCrypto, { concatenator }).getRoot(),
  },
];

export function measureMerkle(sizes: number[], proofSeconds: number, repsSetting?: number): MerkleResults {
  const checks: string[] = [];
  checkSmallSizes(checks);
  const rows: MerkleRow[] = [];
  for (const n of sizes) {
    log(`merkle: ${n} leaves: leaf hashes`);
    const hashes = Array.from({ length: n }, (_, i) => leafHash(leafData(i)));
    const buffers = hashes.map(asBuffer);
    const reps = repsSetting ?? (n <= 1 << 16 ? 5 : 1);
    const runs = new Map<Impl, number[]>(IMPLS.map((x) => [x, []]));
    let root: Uint8Array | undefined;
    for (let r = 0; r < reps; r++) {
      for (let k = 0; k < IMPLS.length; k++) {
        const impl = IMPLS[(k + r) % IMPLS.length]!;
        const t0 = now();
        const got = impl.buildRoot(hashes, buffers);
        runs.get(impl)!.push(now() - t0);
        root ??= got;
        if (!bytesEqual(root, got)) throw new Error(`${impl.name}: root differs at ${n} leaves`);
      }
    }
    log(`merkle: ${n} leaves: roots agree (${hexEncode(root!).slice(0, 16)}…); proofs`);
    checks.push(`${n} leaves: the four builds give the same root ${hexEncode(root!)}`);

    // Proof generation on a built tree, random indexes, time-bounded.
    const levels = lastLevels;
    const hashAt = (l: number, i: number) => levels[l]![i]!;
    const tree = lastTree!;
    const random = rng(n);
    const indexes = Array.from({ length: 4096 }, () => Math.floor(random() * n));
    const proofRate = (gen: (i: number) => unknown, maxCalls = Number.POSITIVE_INFINITY) => {
      let calls = 0;
      const t0 = now();
      const end = t0 + proofSeconds * 1000;
      while (calls < maxCalls && (calls % 64 !== 0 || now() < end)) gen(indexes[calls++ % indexes.length]!);
      return { proofs: calls, perSecond: calls / ((now() - t0) / 1000) };
    };
    for (const i of indexes.slice(0, 200)) {
      const p = inclusionProofFromHashAt(i, n, hashAt);
      const q = tree.getProof(buffers[i]!, i).map((x) => x.data);
      if (!sameProof(p, q)) throw new Error(`inclusion path of leaf ${i} of ${n} differs`);
      verifyInclusion(hashes[i]!, i, n, p, root!);
      if (!tree.verify(tree.getProof(buffers[i]!, i), buffers[i]!, asBuffer(root!)))
        throw new Error(`merkletreejs rejects its own proof of ${i}`);
    }
    checks.push(`${n} leaves: 200 random inclusion paths identical in both, verified by core verifyInclusion`);
    const coreRate = proofRate((i) => inclusionProofFromHashAt(i, n, hashAt));
    const mtRate = proofRate((i) => tree.getProof(buffers[i]!, i));
    // The convenience wrapper rebuilds every level from the leaves on each call: a few calls, small trees only.
    const wrapperRate =
      n <= 1 << 16 ? proofRate((i) => inclusionProof(hashes, i), 5) : { proofs: 0, perSecond: Number.NaN };
    const med = (impl: Impl) => median(runs.get(impl)!);
    rows.push(
      {
        leaves: n,
        implementation: IMPLS[0]!.name,
        rootMs: med(IMPLS[0]!),
        rootRunsMs: runs.get(IMPLS[0]!)!,
        proofsPerSecond: Number.NaN,
        proofs: 0,
      },
      {
        leaves: n,
        implementation: `${IMPLS[1]!.name}; proofs: \`inclusionProofFromHashAt\` on those levels`,
        rootMs: med(IMPLS[1]!),
        rootRunsMs: runs.get(IMPLS[1]!)!,
        proofsPerSecond: coreRate.perSecond,
        proofs: coreRate.proofs,
      },
      {
        leaves: n,
        implementation: `core \`inclusionProof(leaves, index)\` (rebuilds all levels per call${n <= 1 << 16 ? "" : "; not run at this size"})`,
        rootMs: Number.NaN,
        rootRunsMs: [],
        proofsPerSecond: wrapperRate.perSecond,
        proofs: wrapperRate.proofs,
      },
      {
        leaves: n,
        implementation: `${IMPLS[2]!.name}; proofs: \`getProof(leaf, index)\``,
        rootMs: med(IMPLS[2]!),
        rootRunsMs: runs.get(IMPLS[2]!)!,
        proofsPerSecond: mtRate.perSecond,
        proofs: mtRate.proofs,
      },
      {
        leaves: n,
        implementation: IMPLS[3]!.name,
        rootMs: med(IMPLS[3]!),
        rootRunsMs: runs.get(IMPLS[3]!)!,
        proofsPerSecond: Number.NaN,
        proofs: 0,
      },
    );
  }
  return { rows, checks };
}
