/**
 * Building an RFC 6962 / RFC 9162 Merkle tree and producing its proofs.
 * https://www.rfc-editor.org/rfc/rfc9162#section-2.1
 *
 * Every node the algorithms need is the hash of a *complete* subtree: the
 * 2^level leaves starting at index * 2^level. Those hashes never change once
 * written, which is what lets a server keep them in immutable tiles
 * (https://c2sp.org/tlog-tiles) and answer any root or proof for any past size
 * through a `HashAt` lookup, without loading the leaves. The subtrees along
 * the right edge of a tree that is not a power of two are incomplete; they are
 * recomputed from complete ones on demand (O(log n) hashes).
 *
 * Sizes and indexes are JavaScript numbers, exact up to 2^53 - 1 (see bits.ts).
 */
import { half, isOdd, isSafeNonNegativeInteger, largestPowerOfTwoAtMost, log2, popCount, splitPoint } from "./bits.js";
import { emptyRoot, HASH_SIZE, nodeHash } from "./hash.js";

/** Hash of the complete subtree of 2^level leaves starting at leaf index * 2^level. */
export type HashAt = (level: number, index: number) => Uint8Array;

/** A hash with its place in the tree: what a server stores (level 0 = leaf hashes). */
export interface TreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

/**
 * The state of an append-only tree as a list of "peaks": the roots of the
 * maximal complete subtrees covering [0, size), largest (leftmost) first, one
 * per set bit of `size`. Enough to append and to compute the current root.
 */
export interface CompactRange {
  readonly size: number;
  readonly peaks: readonly Uint8Array[];
}

export type MerkleTreeErrorCode = "INVALID_SIZE" | "INDEX_OUT_OF_RANGE" | "BAD_HASH_SIZE";

/** Thrown when a tree or proof is requested with impossible arguments (a caller bug). */
export class MerkleTreeError extends Error {
  override readonly name = "MerkleTreeError";
  constructor(
    readonly code: MerkleTreeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function checkSize(name: string, n: number): void {
  if (!isSafeNonNegativeInteger(n)) {
    throw new MerkleTreeError("INVALID_SIZE", `${name} must be an integer between 0 and 2^53 - 1, got ${n}`);
  }
}

function checkHash(what: string, hash: Uint8Array | undefined): Uint8Array {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    throw new MerkleTreeError("BAD_HASH_SIZE", `${what} is not a ${HASH_SIZE}-byte hash`);
  }
  return hash;
}

function checkedHashAt(hashAt: HashAt): HashAt {
  return (level, index) => checkHash(`hashAt(${level}, ${index})`, hashAt(level, index));
}

/** Fold peaks right to left: MTH of a range is H(left peak, MTH(rest)). */
function foldPeaks(peaks: readonly Uint8Array[]): Uint8Array {
  let root = peaks[peaks.length - 1];
  if (root === undefined) return emptyRoot();
  for (let i = peaks.length - 2; i >= 0; i--) root = nodeHash(peaks[i]!, root);
  return root;
}

/**
 * Peaks of the leaves [lo, hi): greedy split into the largest complete
 * subtrees. Valid because every range the RFC recursion produces starts at a
 * multiple of the smallest power of two that is at least its length.
 */
function rangePeaks(lo: number, hi: number, hashAt: HashAt): Uint8Array[] {
  const peaks: Uint8Array[] = [];
  while (lo < hi) {
    const k = largestPowerOfTwoAtMost(hi - lo);
    peaks.push(hashAt(log2(k), lo / k));
    lo += k;
  }
  return peaks;
}

/** MTH(D[lo:hi]) from stored complete-subtree hashes. */
function rangeHash(lo: number, hi: number, hashAt: HashAt): Uint8Array {
  return foldPeaks(rangePeaks(lo, hi, hashAt));
}

/**
 * MTH(D[n]) of RFC 9162 §2.1.1 for the given leaf hashes, iteratively in O(n)
 * time and O(log n) memory (a compact range instead of the RFC's recursion).
 */
export function merkleTreeHash(leafHashes: readonly Uint8Array[]): Uint8Array {
  const peaks: Uint8Array[] = [];
  for (let i = 0; i < leafHashes.length; i++) {
    let h = checkHash(`leaf hash ${i}`, leafHashes[i]);
    // Each trailing 1 bit of i completes a subtree with the peak on its left.
    for (let m = i; isOdd(m); m = half(m)) h = nodeHash(peaks.pop()!, h);
    peaks.push(h);
  }
  return foldPeaks(peaks);
}

/** The compact range of the empty tree. */
export function emptyCompactRange(): CompactRange {
  return { size: 0, peaks: [] };
}

/**
 * Appends one leaf hash. Returns the new range and every node hash that became
 * final: the leaf itself (level 0) and each subtree it completed, bottom-up.
 * A tile-based server stores the nodes whose level is a multiple of 8.
 */
export function appendLeaf(range: CompactRange, leafHash: Uint8Array): { range: CompactRange; nodes: TreeNode[] } {
  checkSize("range size", range.size);
  if (range.peaks.length !== popCount(range.size)) {
    throw new MerkleTreeError(
      "INVALID_SIZE",
      `a compact range of size ${range.size} has ${popCount(range.size)} peaks`,
    );
  }
  let hash = checkHash("leaf hash", leafHash);
  const peaks = [...range.peaks];
  let index = range.size;
  let level = 0;
  const nodes: TreeNode[] = [{ level, index, hash }];
  while (isOdd(index)) {
    hash = nodeHash(peaks.pop()!, hash);
    index = half(index);
    level++;
    nodes.push({ level, index, hash });
  }
  peaks.push(hash);
  return { range: { size: range.size + 1, peaks }, nodes };
}

/** Root hash (MTH) of the tree a compact range describes. */
export function compactRangeRoot(range: CompactRange): Uint8Array {
  return foldPeaks(range.peaks);
}

/** Rebuilds the compact range of a tree of `size` leaves from stored hashes (e.g. after a restart). */
export function compactRangeFromHashAt(size: number, hashAt: HashAt): CompactRange {
  checkSize("size", size);
  return { size, peaks: rangePeaks(0, size, checkedHashAt(hashAt)) };
}

/** Root hash of the tree of the first `size` leaves, from at most log2(size) + 1 stored hashes. */
export function rootFromHashAt(size: number, hashAt: HashAt): Uint8Array {
  checkSize("size", size);
  return rangeHash(0, size, checkedHashAt(hashAt));
}

/**
 * Inclusion proof PATH(m, D[n]) of RFC 9162 §2.1.3.1 for leaf `index` in the
 * tree of `size` leaves: sibling hashes from the leaf up to the root.
 */
export function inclusionProofFromHashAt(index: number, size: number, hashAt: HashAt): Uint8Array[] {
  checkSize("size", size);
  checkSize("index", index);
  if (index >= size) {
    throw new MerkleTreeError("INDEX_OUT_OF_RANGE", `leaf index ${index} is not in a tree of size ${size}`);
  }
  const get = checkedHashAt(hashAt);
  // Walk down from the root, recording the subtree not taken at each split;
  // the RFC lists them bottom-up, hence the reverse.
  const path: Uint8Array[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      path.push(rangeHash(lo + k, hi, get));
      hi = lo + k;
    } else {
      path.push(rangeHash(lo, lo + k, get));
      lo += k;
    }
  }
  return path.reverse();
}

/**
 * Consistency proof PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 9162
 * §2.1.4.1 between the tree of `size1` leaves and its extension of `size2`.
 * Empty when the sizes are equal. A proof from the empty tree proves nothing
 * (every tree extends it), so size1 must be at least 1.
 */
export function consistencyProofFromHashAt(size1: number, size2: number, hashAt: HashAt): Uint8Array[] {
  checkSize("size1", size1);
  checkSize("size2", size2);
  if (size1 < 1 || size1 > size2) {
    throw new MerkleTreeError("INVALID_SIZE", `need 1 <= size1 <= size2, got size1=${size1}, size2=${size2}`);
  }
  const get = checkedHashAt(hashAt);
  const proof: Uint8Array[] = [];
  let lo = 0;
  let hi = size2;
  // `whole` is the RFC's b: true while the current subtree is a prefix of the old tree's root path.
  let whole = true;
  while (size1 !== hi) {
    const k = splitPoint(hi - lo);
    if (size1 - lo <= k) {
      // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
      proof.push(rangeHash(lo + k, hi, get));
      hi = lo + k;
    } else {
      // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
      proof.push(rangeHash(lo, lo + k, get));
      lo += k;
      whole = false;
    }
  }
  // m == n: the old tree's subtree itself, unless the verifier already has it as the old root.
  if (!whole) proof.push(rangeHash(lo, hi, get));
  return proof.reverse();
}

/**
 * Every complete-subtree hash of a list of leaf hashes: `levels[l][i]` is the
 * hash of leaves [i * 2^l, (i + 1) * 2^l). O(n) time and memory.
 */
export function completeSubtreeLevels(leafHashes: readonly Uint8Array[]): Uint8Array[][] {
  const levels: Uint8Array[][] = [leafHashes.map((h, i) => checkHash(`leaf hash ${i}`, h))];
  for (let below = levels[0]!; below.length >= 2; ) {
    const level: Uint8Array[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) level.push(nodeHash(below[i]!, below[i + 1]!));
    levels.push(level);
    below = level;
  }
  return levels;
}

/** A `HashAt` over an in-memory list of leaf hashes. */
export function hashAtFromLeaves(leafHashes: readonly Uint8Array[]): HashAt {
  const levels = completeSubtreeLevels(leafHashes);
  return (level, index) => {
    const hash = levels[level]?.[index];
    if (hash === undefined) {
      throw new MerkleTreeError("INDEX_OUT_OF_RANGE", `no complete subtree at level ${level}, index ${index}`);
    }
    return hash;
  };
}

function prefixSize(name: string, size: number, available: number): number {
  checkSize(name, size);
  if (size > available) {
    throw new MerkleTreeError("INVALID_SIZE", `${name} ${size} exceeds the ${available} leaves given`);
  }
  return size;
}

/** Inclusion proof over in-memory leaf hashes, for the tree of the first `size` of them. */
export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  size = leafHashes.length,
): Uint8Array[] {
  const n = prefixSize("size", size, leafHashes.length);
  return inclusionProofFromHashAt(index, n, hashAtFromLeaves(leafHashes.slice(0, n)));
}

/** Consistency proof over in-memory leaf hashes, from the first `size1` to the first `size2` of them. */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  size1: number,
  size2 = leafHashes.length,
): Uint8Array[] {
  const n = prefixSize("size2", size2, leafHashes.length);
  return consistencyProofFromHashAt(size1, n, hashAtFromLeaves(leafHashes.slice(0, n)));
}
