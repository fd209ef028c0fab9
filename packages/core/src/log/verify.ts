/**
 * Verification of Merkle inclusion and consistency proofs, exactly as RFC 9162
 * describes it (§2.1.3.2 and §2.1.4.2), so that anyone can check a receipt
 * without trusting the log. https://www.rfc-editor.org/rfc/rfc9162
 *
 * Every failure throws a `LogVerificationError` whose `code` tells a program
 * what went wrong and whose message names the step, for a person.
 *
 * Inputs are checked before any hashing: hashes must be exactly 32 bytes and
 * the proof must have exactly the length the sizes imply. A proof with an
 * extra or missing element can never verify anyway; saying so up front gives a
 * clearer error and refuses to hash attacker-sized input.
 */
import { half, isOdd, isPowerOfTwo, isSafeNonNegativeInteger } from "./bits.js";
import { bytesEqual } from "./encoding.js";
import { HASH_SIZE, nodeHash } from "./hash.js";

export type LogVerificationErrorCode =
  /** A size or index is not an integer in [0, 2^53 - 1]. */
  | "INVALID_ARGUMENT"
  /** The leaf index is not below the tree size. */
  | "INDEX_OUT_OF_RANGE"
  /** The old tree is larger than the new one. */
  | "SIZE_MISMATCH"
  /** A consistency proof from the empty tree, which proves nothing. */
  | "EMPTY_TREE"
  /** A leaf hash, root hash or proof element is not 32 bytes. */
  | "BAD_HASH_SIZE"
  /** The proof does not have the number of elements the sizes imply. */
  | "WRONG_PROOF_SIZE"
  /** The proof leads to a different root than the one given. */
  | "ROOT_MISMATCH";

export class LogVerificationError extends Error {
  override readonly name = "LogVerificationError";
  constructor(
    readonly code: LogVerificationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: LogVerificationErrorCode, message: string): never {
  throw new LogVerificationError(code, message);
}

function checkInteger(name: string, n: number): void {
  if (!isSafeNonNegativeInteger(n)) fail("INVALID_ARGUMENT", `${name} must be an integer between 0 and 2^53 - 1`);
}

function checkHash(what: string, hash: Uint8Array): void {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    fail("BAD_HASH_SIZE", `${what} is not a ${HASH_SIZE}-byte hash`);
  }
}

function checkProofHashes(proof: readonly Uint8Array[]): void {
  for (const [i, h] of proof.entries()) checkHash(`proof element ${i}`, h);
}

/**
 * The number of proof elements the RFC 9162 §2.1.3.2 loop consumes for a path
 * from node fn to the last node sn: it runs the same shifts without hashing.
 */
function pathLength(fn: number, sn: number): number {
  let count = 0;
  while (sn !== 0) {
    if (!isOdd(fn) && fn === sn) {
      // Right border: the node has no right sibling at these levels.
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    }
    fn = half(fn);
    sn = half(sn);
    count++;
  }
  return count;
}

/**
 * Verifies that `leafHash` is the leaf at `index` of the tree of `treeSize`
 * leaves whose root is `root`, following RFC 9162 §2.1.3.2.
 * Returns normally on success; throws `LogVerificationError` otherwise.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  checkInteger("leaf index", index);
  checkInteger("tree size", treeSize);
  // Step 1: "Compare leaf_index from the inclusion_proof_v2 structure against tree_size."
  if (index >= treeSize) fail("INDEX_OUT_OF_RANGE", `step 1: leaf index ${index} is not below tree size ${treeSize}`);
  checkHash("leaf hash", leafHash);
  checkHash("root hash", root);
  checkProofHashes(proof);
  const expected = pathLength(index, treeSize - 1);
  if (proof.length !== expected) {
    fail(
      "WRONG_PROOF_SIZE",
      `inclusion proof has ${proof.length} hashes; leaf ${index} of ${treeSize} needs ${expected}`,
    );
  }
  // Steps 2-4.
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5: sn is 0 by construction of `expected`; compare the roots.
  if (!bytesEqual(r, root)) {
    fail("ROOT_MISMATCH", "step 5: the inclusion proof does not lead to the given root hash");
  }
}

/**
 * Verifies that the tree of `size2` leaves with root `root2` is an append-only
 * extension of the tree of `size1` leaves with root `root1`, following
 * RFC 9162 §2.1.4.2. Equal sizes need an empty proof and equal roots.
 * A proof from size 0 is rejected: every tree extends the empty one, so such
 * a "proof" would vouch for nothing.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  checkInteger("size1", size1);
  checkInteger("size2", size2);
  if (size1 > size2) fail("SIZE_MISMATCH", `old tree size ${size1} is larger than new tree size ${size2}`);
  if (size1 === 0) fail("EMPTY_TREE", "a consistency proof from the empty tree proves nothing");
  checkHash("old root hash", root1);
  checkHash("new root hash", root2);
  checkProofHashes(proof);
  if (size1 === size2) {
    if (proof.length !== 0) fail("WRONG_PROOF_SIZE", "trees of equal size need an empty consistency proof");
    if (!bytesEqual(root1, root2)) fail("ROOT_MISMATCH", "trees of equal size have different root hashes");
    return;
  }
  // Step 1: "If consistency_path is an empty array, stop and fail the proof verification."
  if (proof.length === 0) fail("WRONG_PROOF_SIZE", "step 1: the consistency proof is empty");
  // Step 2: "If first is an exact power of 2, then prepend first_hash to the consistency_path array."
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  // Step 3.
  let fn = size1 - 1;
  let sn = size2 - 1;
  // Step 4: "If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set."
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  const expected = 1 + pathLength(fn, sn);
  if (path.length !== expected) {
    const given = proof.length;
    const needed = expected - (path.length - given);
    fail("WRONG_PROOF_SIZE", `consistency proof has ${given} hashes; sizes ${size1} -> ${size2} need ${needed}`);
  }
  // Step 5.
  let fr = path[0]!;
  let sr = path[0]!;
  // Step 6.
  for (const c of path.slice(1)) {
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7 (sn is 0 by construction of `expected`).
  if (!bytesEqual(fr, root1)) fail("ROOT_MISMATCH", "step 7: the consistency proof does not lead to the old root hash");
  if (!bytesEqual(sr, root2)) fail("ROOT_MISMATCH", "step 7: the consistency proof does not lead to the new root hash");
}
