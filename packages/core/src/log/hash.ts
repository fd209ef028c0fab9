/**
 * The hashes of an RFC 6962 Merkle tree, as restated by RFC 9162 §2.1.1
 * (https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1), with SHA-256.
 *
 * Leaves and interior nodes are hashed with different one-byte prefixes so a
 * leaf can never be passed off as an interior node (a second-preimage attack
 * on the tree), which is why a leaf hash is not simply SHA-256(data).
 *
 * `@noble/hashes` is pure JavaScript and synchronous, so the same code runs on
 * the server and in the browser (WebCrypto's digest is asynchronous only).
 */
import { sha256 } from "@noble/hashes/sha2.js";

/** Size in bytes of every hash in the tree. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** MTH({d(0)}) = SHA-256(0x00 || d(0)): the hash of one log entry. */
export function leafHash(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + data.length);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return sha256(input);
}

/** SHA-256(0x01 || left || right): the hash of an interior node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

/** MTH({}) = SHA-256(""): the root of the empty tree (a fresh copy each call). */
export function emptyRoot(): Uint8Array {
  return sha256(new Uint8Array(0));
}
