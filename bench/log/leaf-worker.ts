/**
 * Worker thread of the large-tree build: computes the RFC 6962 leaf hashes (core
 * `leafHash`) of a range of leaves, packed 32 bytes each, so hashing the leaves runs
 * next to the main thread's `appendLeaf` and tile INSERTs.
 */
import { parentPort } from "node:worker_threads";
import { HASH_SIZE, leafHash } from "@concordia/core";
import { leafData } from "./leaves.js";

parentPort!.on("message", (m: { start: number; count: number }) => {
  const out = new Uint8Array(m.count * HASH_SIZE);
  for (let k = 0; k < m.count; k++) out.set(leafHash(leafData(m.start + k)), k * HASH_SIZE);
  parentPort!.postMessage({ start: m.start, buffer: out.buffer }, [out.buffer]);
});
