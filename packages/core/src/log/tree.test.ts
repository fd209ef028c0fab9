import { describe, expect, it } from "vitest";
import { hexDecode, hexEncode } from "./encoding.js";
import { emptyRoot, leafHash, nodeHash } from "./hash.js";
import {
  appendLeaf,
  type CompactRange,
  compactRangeFromHashAt,
  compactRangeRoot,
  completeSubtreeLevels,
  consistencyProof,
  consistencyProofFromHashAt,
  emptyCompactRange,
  type HashAt,
  hashAtFromLeaves,
  inclusionProof,
  inclusionProofFromHashAt,
  MerkleTreeError,
  merkleTreeHash,
  rootFromHashAt,
} from "./tree.js";
import { verifyConsistency, verifyInclusion } from "./verify.js";

// The leaves of the RFC 6962 test tree used by transparency-dev/merkle and Chromium, and the
// roots of its first 1..8 leaves (transparency-dev/merkle proof/verify_test.go).
const LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(
  (h) => leafHash(hexDecode(h)),
);
const ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const hex = (proof: Uint8Array[]) => proof.map(hexEncode);

// The RFC 9162 §2.1 definitions, recursively and literally: the reference the fast code must match.
function refSplit(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function refMth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return emptyRoot();
  if (d.length === 1) return d[0]!;
  const k = refSplit(d.length);
  return nodeHash(refMth(d.slice(0, k)), refMth(d.slice(k)));
}
function refPath(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length === 1) return [];
  const k = refSplit(d.length);
  return m < k
    ? [...refPath(m, d.slice(0, k)), refMth(d.slice(k))]
    : [...refPath(m - k, d.slice(k)), refMth(d.slice(0, k))];
}
function refSubproof(m: number, d: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [refMth(d)];
  const k = refSplit(d.length);
  return m <= k
    ? [...refSubproof(m, d.slice(0, k), b), refMth(d.slice(k))]
    : [...refSubproof(m - k, d.slice(k), false), refMth(d.slice(0, k))];
}

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`leaf ${i}`)));

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof MerkleTreeError) return e.code;
    throw e;
  }
  return undefined;
}

describe("merkleTreeHash", () => {
  it("gives the known roots of the RFC 6962 test tree for 1..8 leaves", () => {
    for (let n = 1; n <= 8; n++) expect(hexEncode(merkleTreeHash(LEAVES.slice(0, n))), `size ${n}`).toBe(ROOTS[n - 1]);
  });
  it("of no leaves is SHA-256 of the empty string", () => {
    expect(merkleTreeHash([])).toEqual(emptyRoot());
  });
  it("matches the recursive RFC definition for every size up to 130", () => {
    const leaves = leavesOf(130);
    for (let n = 0; n <= 130; n++) expect(merkleTreeHash(leaves.slice(0, n))).toEqual(refMth(leaves.slice(0, n)));
  });
  it("when a leaf hash is not 32 bytes → throws BAD_HASH_SIZE", () => {
    expect(codeOf(() => merkleTreeHash([new Uint8Array(31)]))).toBe("BAD_HASH_SIZE");
  });
});

describe("proofs over in-memory leaves", () => {
  it("reproduce the known inclusion proofs of transparency-dev/merkle", () => {
    expect(hex(inclusionProof(LEAVES, 0))).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    expect(hex(inclusionProof(LEAVES, 5))).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(hex(inclusionProof(LEAVES, 2, 3))).toEqual([
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    ]);
    expect(hex(inclusionProof(LEAVES, 1, 5))).toEqual([
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ]);
    expect(inclusionProof(LEAVES, 0, 1)).toEqual([]);
  });

  it("reproduce the known consistency proofs of transparency-dev/merkle", () => {
    expect(consistencyProof(LEAVES, 1, 1)).toEqual([]);
    expect(hex(consistencyProof(LEAVES, 1, 8))).toEqual(hex(inclusionProof(LEAVES, 0)));
    expect(hex(consistencyProof(LEAVES, 6, 8))).toEqual([
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(hex(consistencyProof(LEAVES, 2, 5))).toEqual([
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ]);
    expect(hex(consistencyProof(LEAVES, 6, 7))).toEqual([
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
  });

  it("match the recursive RFC PATH and SUBPROOF for every index and pair of sizes up to 40", () => {
    const leaves = leavesOf(40);
    for (let n = 1; n <= 40; n++) {
      const d = leaves.slice(0, n);
      for (let m = 0; m < n; m++) expect(inclusionProof(leaves, m, n), `PATH(${m}, ${n})`).toEqual(refPath(m, d));
      for (let m = 1; m <= n; m++) {
        expect(consistencyProof(leaves, m, n), `PROOF(${m}, ${n})`).toEqual(refSubproof(m, d, true));
      }
    }
  }, 60_000);

  it("when the index or sizes are impossible → throws a typed error", () => {
    expect(codeOf(() => inclusionProof(LEAVES, 8))).toBe("INDEX_OUT_OF_RANGE");
    expect(codeOf(() => inclusionProof(LEAVES, -1))).toBe("INVALID_SIZE");
    expect(codeOf(() => inclusionProof(LEAVES, 0, 9))).toBe("INVALID_SIZE");
    expect(codeOf(() => inclusionProof(LEAVES, 0.5))).toBe("INVALID_SIZE");
    expect(codeOf(() => consistencyProof(LEAVES, 0, 8))).toBe("INVALID_SIZE");
    expect(codeOf(() => consistencyProof(LEAVES, 5, 4))).toBe("INVALID_SIZE");
  });
});

describe("compact range (incremental builder)", () => {
  it("has, after each append, the root of the prefix and emits each completed subtree exactly once", () => {
    const leaves = leavesOf(300);
    const levels = completeSubtreeLevels(leaves);
    let range: CompactRange = emptyCompactRange();
    expect(compactRangeRoot(range)).toEqual(emptyRoot());
    const emitted = new Map<string, Uint8Array>();
    for (const [i, leaf] of leaves.entries()) {
      const step = appendLeaf(range, leaf);
      range = step.range;
      for (const node of step.nodes) {
        expect(emitted.has(`${node.level}/${node.index}`)).toBe(false);
        emitted.set(`${node.level}/${node.index}`, node.hash);
      }
      expect(range.size).toBe(i + 1);
      expect(compactRangeRoot(range)).toEqual(merkleTreeHash(leaves.slice(0, i + 1)));
    }
    const all = levels.flatMap((level, l) => level.map((hash, i) => [`${l}/${i}`, hash] as const));
    expect(emitted.size).toBe(all.length);
    for (const [key, hash] of all) expect(emitted.get(key), key).toEqual(hash);
  });

  it("can be rebuilt from stored hashes, e.g. after a restart, and then keeps growing", () => {
    const leaves = leavesOf(100);
    const hashAt = hashAtFromLeaves(leaves.slice(0, 77));
    let range = compactRangeFromHashAt(77, hashAt);
    for (const leaf of leaves.slice(77)) range = appendLeaf(range, leaf).range;
    expect(compactRangeRoot(range)).toEqual(merkleTreeHash(leaves));
  });

  it("when a leaf hash is not 32 bytes → throws BAD_HASH_SIZE", () => {
    expect(codeOf(() => appendLeaf(emptyCompactRange(), new Uint8Array(33)))).toBe("BAD_HASH_SIZE");
  });

  it("when the peaks do not match the size → throws INVALID_SIZE", () => {
    const range = { size: 3, peaks: [LEAVES[0]!] };
    expect(codeOf(() => appendLeaf(range, LEAVES[1]!))).toBe("INVALID_SIZE");
  });
});

describe("roots and proofs from stored complete subtrees (hashAt)", () => {
  it("give the root of every past size from O(log n) lookups", () => {
    const leaves = leavesOf(200);
    const lookups: string[] = [];
    const stored = hashAtFromLeaves(leaves);
    const hashAt: HashAt = (level, index) => {
      lookups.push(`${level}/${index}`);
      return stored(level, index);
    };
    for (let n = 0; n <= 200; n++) {
      lookups.length = 0;
      expect(rootFromHashAt(n, hashAt)).toEqual(refMth(leaves.slice(0, n)));
      expect(lookups.length).toBeLessThanOrEqual(8); // popcount(n) <= log2(200) + 1
    }
  });

  it("only ask for complete subtrees inside the tree", () => {
    const leaves = leavesOf(100);
    const stored = hashAtFromLeaves(leaves);
    for (const size of [1, 37, 64, 99]) {
      const hashAt: HashAt = (level, index) => {
        expect((index + 1) * 2 ** level).toBeLessThanOrEqual(size);
        return stored(level, index);
      };
      for (let m = 0; m < size; m++) inclusionProofFromHashAt(m, size, hashAt);
      for (let m = 1; m <= size; m++) consistencyProofFromHashAt(m, size, hashAt);
    }
  });

  it("handle trees beyond 2^32 leaves (exact arithmetic, no 32-bit bitwise operators)", () => {
    // A tree whose even leaves are A and odd leaves B: every complete subtree at a level
    // has the same hash, so any size can be simulated; the parity of the index still matters.
    const a = leafHash(new TextEncoder().encode("A"));
    const b = leafHash(new TextEncoder().encode("B"));
    const perLevel = [a, nodeHash(a, b)];
    for (let l = 2; l <= 53; l++) perLevel.push(nodeHash(perLevel[l - 1]!, perLevel[l - 1]!));
    const hashAt: HashAt = (level, index) => (level === 0 ? (index % 2 === 0 ? a : b) : perLevel[level]!);
    const size = 2 ** 46 + 777;
    const index = 2 ** 45 + 12345;
    const root = rootFromHashAt(size, hashAt);
    const proof = inclusionProofFromHashAt(index, size, hashAt);
    expect(proof.length).toBeGreaterThan(40);
    verifyInclusion(b, index, size, proof, root);
    expect(() => verifyInclusion(a, index, size, proof, root)).toThrow();
    const old = 2 ** 44 + 3;
    verifyConsistency(old, size, consistencyProofFromHashAt(old, size, hashAt), rootFromHashAt(old, hashAt), root);
  });

  it("when hashAt returns something that is not a 32-byte hash → throws BAD_HASH_SIZE", () => {
    expect(codeOf(() => rootFromHashAt(3, () => new Uint8Array(16)))).toBe("BAD_HASH_SIZE");
    expect(codeOf(() => inclusionProofFromHashAt(0, 2, () => new Uint8Array(0)))).toBe("BAD_HASH_SIZE");
  });

  it("when asked for a node that does not exist → the in-memory hashAt throws INDEX_OUT_OF_RANGE", () => {
    expect(codeOf(() => hashAtFromLeaves(LEAVES)(3, 1))).toBe("INDEX_OUT_OF_RANGE");
  });
});
