/**
 * The proof queries of the large-tree benchmark: timing them in-process and over
 * HTTP, the computation alone with tiles in memory, and checking every answer
 * against the roots computed independently while the tree was built.
 */
import { Agent, get } from "node:http";
import {
  base64Decode,
  bytesEqual,
  consistencyProofFromHashAt,
  HASH_SIZE,
  type HashAt,
  hashFromTile,
  inclusionProofFromHashAt,
  leafHash,
  rootFromHashAt,
  TILE_WIDTH,
  tileForHash,
  verifyConsistency,
  verifyInclusion,
} from "@concordia/core";
import { sql } from "drizzle-orm";
import type pg from "pg";
import type { Database } from "../../packages/server/src/db/connection.js";
import type { Call } from "../../packages/server/src/deps.js";
import { consistencyProof, inclusionProof } from "../../packages/server/src/modules/log/log.service.js";
import { SYSTEM_CONTEXT } from "../../packages/server/src/platform/context.js";
import { q } from "./appends.js";
import { now, summarize } from "./common.js";
import { leafData } from "./leaves.js";

export function getJson(agent: Agent, url: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode ?? 0, json: text });
        }
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("request timed out after 30 s")));
    req.on("error", reject);
  });
}

export interface Queries {
  size: number;
  indexes: number[];
  froms: number[];
}

export type InclusionAnswer = { index: number; treeSize: number; leafHash: string; proof: string[]; rootHash: string };
export type ConsistencyAnswer = { from: number; to: number; proof: string[]; fromRoot: string; toRoot: string };

export function verifyAnswers(
  qs: Queries,
  roots: Map<number, Uint8Array>,
  inc: InclusionAnswer[],
  cons: ConsistencyAnswer[],
) {
  const root = roots.get(qs.size)!;
  inc.forEach((a, k) => {
    const i = qs.indexes[k]!;
    const leaf = leafHash(leafData(i));
    if (a.index !== i || a.treeSize !== qs.size) throw new Error(`inclusion ${i}: wrong index/size in the answer`);
    if (!bytesEqual(base64Decode(a.leafHash), leaf)) throw new Error(`inclusion ${i}: wrong leaf hash`);
    if (!bytesEqual(base64Decode(a.rootHash), root)) throw new Error(`inclusion ${i}: wrong root at ${qs.size}`);
    verifyInclusion(leaf, i, qs.size, a.proof.map(base64Decode), root);
  });
  cons.forEach((a, k) => {
    const from = qs.froms[k]!;
    const fromRoot = roots.get(from)!;
    if (!bytesEqual(base64Decode(a.fromRoot), fromRoot)) throw new Error(`consistency ${from}: wrong old root`);
    if (!bytesEqual(base64Decode(a.toRoot), root)) throw new Error(`consistency ${from}: wrong new root`);
    verifyConsistency(from, qs.size, a.proof.map(base64Decode), fromRoot, root);
  });
  return { inclusion: inc.length, consistency: cons.length };
}

export async function timeEach<T>(items: readonly number[], fn: (x: number) => Promise<T>) {
  const ms: number[] = [];
  const out: T[] = [];
  for (const x of items) {
    const t0 = now();
    out.push(await fn(x));
    ms.push(now() - t0);
  }
  return { ms, out };
}

/**
 * A replica of the service's tile lookup (tile-store.ts withStoredHashes), fed from memory,
 * to separate the computation from the database round trips.
 */
export async function computeOnly(client: pg.Client, qs: Queries) {
  const ZERO = new Uint8Array(HASH_SIZE);
  const cache = new Map<string, Uint8Array>();
  const run = async (compute: (h: HashAt) => unknown) => {
    const tiles = new Map<string, Uint8Array>();
    let hashes = 0;
    const hashAt: HashAt = (level, index) => {
      const { tile, count } = tileForHash(level, index, qs.size);
      const key = `${tile.level}/${tile.index}`;
      const data = tiles.get(key);
      if (!data) {
        tiles.set(key, ZERO); // placeholder, replaced below
        return ZERO;
      }
      if (data === ZERO) return ZERO;
      hashes += count - 1;
      return hashFromTile(data.subarray(0, tile.width * HASH_SIZE), level, index, qs.size);
    };
    compute(hashAt); // dry run: which tiles
    for (const key of tiles.keys()) {
      if (!cache.has(key)) {
        const [level, idx] = key.split("/").map(Number);
        const r = await client.query<{ data: Buffer }>("select data from log_tiles where level = $1 and idx = $2", [
          level,
          idx,
        ]);
        cache.set(key, r.rows[0]!.data);
      }
      tiles.set(key, cache.get(key)!);
    }
    hashes = 0;
    const t0 = now();
    compute(hashAt);
    return { ms: now() - t0, tiles: tiles.size, hashes };
  };
  const inc = [];
  for (const i of qs.indexes)
    inc.push(
      await run((h) => {
        inclusionProofFromHashAt(i, qs.size, h);
        rootFromHashAt(qs.size, h);
      }),
    );
  const cons = [];
  for (const f of qs.froms)
    cons.push(
      await run((h) => {
        consistencyProofFromHashAt(f, qs.size, h);
        rootFromHashAt(f, h);
        rootFromHashAt(qs.size, h);
      }),
    );
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    inclusion: summarize(inc.map((x) => x.ms)),
    consistency: summarize(cons.map((x) => x.ms)),
    tilesPerQuery: { inclusion: mean(inc.map((x) => x.tiles)), consistency: mean(cons.map((x) => x.tiles)) },
    tileHashesPerQuery: { inclusion: mean(inc.map((x) => x.hashes)), consistency: mean(cons.map((x) => x.hashes)) },
  };
}

export async function measureInProcess(database: Database, qs: Queries, roots: Map<number, Uint8Array>) {
  const db = database.db;
  // The proof services read only the database of their call.
  const call = { deps: { database }, ctx: SYSTEM_CONTEXT } as unknown as Call;
  const warm = Math.min(10, qs.indexes.length);
  await timeEach(qs.indexes.slice(0, warm), (index) => inclusionProof(call, { index, treeSize: qs.size }));
  await timeEach(qs.froms.slice(0, warm), (from) => consistencyProof(call, { from, to: qs.size }));
  const tiles = Math.floor(qs.size / TILE_WIDTH);
  const pk = await timeEach(qs.indexes, (i) =>
    q(db, sql`select data from log_tiles where level = 0 and idx = ${Math.min(tiles, Math.floor(i / TILE_WIDTH))}`),
  );
  const inc = await timeEach(qs.indexes, (index) => inclusionProof(call, { index, treeSize: qs.size }));
  const cons = await timeEach(qs.froms, (from) => consistencyProof(call, { from, to: qs.size }));
  const verified = verifyAnswers(qs, roots, inc.out, cons.out);
  return { pkSelect: summarize(pk.ms), inclusion: summarize(inc.ms), consistency: summarize(cons.ms), verified };
}

export async function measureHttp(url: string, qs: Queries, roots: Map<number, Uint8Array>) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const call = async <T>(path: string) => {
      const r = await getJson(agent, url + path);
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
      return r.json as T;
    };
    const incPath = (i: number) => `/api/v1/log/proofs/inclusion?index=${i}&treeSize=${qs.size}`;
    const consPath = (f: number) => `/api/v1/log/proofs/consistency?from=${f}&to=${qs.size}`;
    for (const i of qs.indexes.slice(0, 10)) await call(incPath(i));
    for (const f of qs.froms.slice(0, 10)) await call(consPath(f));
    const health = await timeEach(qs.indexes, () => call("/api/health"));
    const inc = await timeEach(qs.indexes, (i) => call<InclusionAnswer>(incPath(i)));
    const cons = await timeEach(qs.froms, (f) => call<ConsistencyAnswer>(consPath(f)));
    const verified = verifyAnswers(qs, roots, inc.out, cons.out);
    return { health: summarize(health.ms), inclusion: summarize(inc.ms), consistency: summarize(cons.ms), verified };
  } finally {
    agent.destroy();
  }
}
