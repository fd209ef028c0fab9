import { Worker } from "node:worker_threads";
import {
  appendLeaf,
  bytesEqual,
  type CompactRange,
  compactRangeRoot,
  emptyCompactRange,
  formatCheckpoint,
  HASH_SIZE,
  leafHash,
  signNote,
  TILE_WIDTH,
  type TreeNode,
} from "@concordia/core";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase } from "../../packages/server/src/db/connection.js";
import { migrate } from "../../packages/server/src/db/migrate.js";
import { initLog } from "../../packages/server/src/modules/log/log.service.js";
import { loadLogIdentity } from "../../packages/server/src/modules/log/signer.js";
import { logCheckpoints, logEntries } from "../../packages/server/src/modules/log/tables.js";
import { storeNodes } from "../../packages/server/src/modules/log/tile-store.js";
import { freePort, spawnServer } from "../lib/proc.js";
import { createDatabase, serverEnv } from "../lib/seed.js";
import { LOG_ORIGIN, q } from "./appends.js";
import { type LatencySummary, log, now, onCleanup, rng } from "./common.js";
import { leafData, leafRecord } from "./leaves.js";
import { computeOnly, measureHttp, measureInProcess, type Queries } from "./proof-queries.js";

export interface BigTreeSettings {
  sizes: number[];
  queries: number;
  http: boolean;
  logLevel: string;
  /** Tiles per INSERT statement. */
  batchTiles: number;
}

export interface SizeResult {
  size: number;
  /** Cumulative seconds spent building up to this size (hashing + appendLeaf + tile INSERTs), measurements excluded. */
  buildSeconds: number;
  /** Of which: waiting for INSERTs to finish (the rest overlaps with hashing). */
  insertWaitSeconds: number;
  tilesWritten: number;
  tileTableMiB: number;
  /** Baseline: one primary-key SELECT of a level-0 tile through the same Drizzle handle. */
  pkSelect: LatencySummary;
  inclusion: LatencySummary;
  consistency: LatencySummary;
  verified: { inclusion: number; consistency: number };
  /**
   * The computation alone, tiles already in memory: the same core calls the service makes
   * (proof + root(s) through tileForHash/hashFromTile), timed once per query, with the
   * tiles it reads and the SHA-256 computations hashFromTile spends re-deriving
   * intermediate levels (2^(level mod 8) − 1 per hash read).
   */
  computeOnly: {
    inclusion: LatencySummary;
    consistency: LatencySummary;
    tilesPerQuery: { inclusion: number; consistency: number };
    tileHashesPerQuery: { inclusion: number; consistency: number };
  };
  http?: {
    health: LatencySummary;
    inclusion: LatencySummary;
    consistency: LatencySummary;
    verified: { inclusion: number; consistency: number };
  };
}

export interface BigTreeResults {
  tileLayoutCheck: string;
  leavesPerSecond: number;
  sizes: SizeResult[];
}

/** Leaf hashes from a worker thread, in order, in chunks; at most `ahead` chunks requested in advance. */
class LeafHashes {
  // The worker needs tsx's loader too (workers do not inherit `--import` hooks on Node 20).
  private worker = new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(new URL("./leaf-worker.ts", import.meta.url).href)}); });`,
    { eval: true },
  );
  private waiting: { resolve(b: Uint8Array): void; reject(e: unknown): void }[] = [];
  private queue: Promise<Uint8Array>[] = [];
  private next = 0;
  constructor(
    private chunk: number,
    private ahead: number,
  ) {
    this.worker.on("message", (m: { buffer: ArrayBuffer }) => this.waiting.shift()?.resolve(new Uint8Array(m.buffer)));
    this.worker.on("error", (err) => {
      for (const w of this.waiting.splice(0)) w.reject(err);
    });
  }

  /** The next chunk of leaf hashes, never past `limit` leaves (the worker idles while proofs are timed). */
  take(limit: number): Promise<Uint8Array> {
    while (this.queue.length < this.ahead && this.next < limit) {
      const count = Math.min(this.chunk, limit - this.next);
      const p = new Promise<Uint8Array>((resolve, reject) => {
        this.waiting.push({ resolve, reject });
        this.worker.postMessage({ start: this.next, count });
      });
      p.catch(() => {}); // a worker failure surfaces when the chunk is awaited, not as an unhandled rejection
      this.queue.push(p);
      this.next += count;
    }
    const p = this.queue.shift();
    if (!p) throw new Error("no more leaves requested");
    return p;
  }

  async stop() {
    await this.worker.terminate();
  }
}

interface TileRow {
  level: number;
  idx: number;
  data: Buffer;
}

/** Collects the tile-level nodes (level % 8 == 0) of appended leaves into tiles; emits full tiles at once. */
class TileBuilder {
  private open = new Map<number, { idx: number; count: number; buf: Buffer }>();
  constructor(private emit: (row: TileRow) => void) {}

  add(nodes: readonly TreeNode[]) {
    for (const n of nodes) {
      if (n.level % 8 !== 0) continue;
      const level = n.level / 8;
      const idx = Math.floor(n.index / TILE_WIDTH);
      const position = n.index % TILE_WIDTH;
      let t = this.open.get(level);
      if (!t || t.idx !== idx) {
        if (position !== 0) throw new Error(`tile ${level}/${idx} starts at position ${position}`);
        t = { idx, count: 0, buf: Buffer.alloc(TILE_WIDTH * HASH_SIZE) };
        this.open.set(level, t);
      }
      if (position !== t.count) throw new Error(`tile ${level}/${idx}: got position ${position}, expected ${t.count}`);
      t.buf.set(n.hash, position * HASH_SIZE);
      t.count++;
      if (t.count === TILE_WIDTH) {
        this.emit({ level, idx, data: t.buf });
        this.open.delete(level);
      }
    }
  }

  /** The partial tiles of the current size (they are upserted again, wider, later). */
  partials() {
    for (const [level, t] of this.open) {
      this.emit({ level, idx: t.idx, data: Buffer.from(t.buf.subarray(0, t.count * HASH_SIZE)) });
    }
  }
}

/** Multi-row upserts of tiles, at most one statement in flight while the caller keeps hashing. */
class TileWriter {
  private batch: TileRow[] = [];
  private inFlight: Promise<unknown> = Promise.resolve();
  waitMs = 0;
  written = 0;
  constructor(
    private client: pg.Client,
    private batchTiles: number,
  ) {}

  push = (row: TileRow) => {
    this.batch.push(row);
  };
  get full() {
    return this.batch.length >= this.batchTiles;
  }

  async send() {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    const t0 = now();
    await this.inFlight;
    this.waitMs += now() - t0;
    const params: unknown[] = [];
    const values = rows.map((r, i) => {
      params.push(r.level, r.idx, r.data);
      return `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`;
    });
    this.written += rows.length;
    this.inFlight = this.client.query(
      `insert into log_tiles (level, idx, data) values ${values.join(", ")}
       on conflict (level, idx) do update set data = excluded.data`,
      params,
    );
    // Surface a failure at the next await, never as an unhandled rejection.
    this.inFlight.catch(() => {});
  }

  async drain() {
    await this.send();
    const t0 = now();
    await this.inFlight;
    this.waitMs += now() - t0;
  }
}

/** The bulk layout must be exactly what the sequencer's storeNodes writes: compare on a small tree. */
async function checkTileLayout(adminUrl: string): Promise<string> {
  const url = await createDatabase(adminUrl, "log_tilecheck");
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    await migrate(database);
    const n = 70_000; // crosses full level-1 tiles (65,536 leaves), leaves partial tiles at levels 0, 1 and 2
    const mine = new Map<string, Buffer>();
    const builder = new TileBuilder((r) => mine.set(`${r.level}/${r.idx}`, r.data));
    let range: CompactRange = emptyCompactRange();
    const random = rng(7);
    let pending: TreeNode[] = [];
    for (let i = 0; i < n; i++) {
      const a = appendLeaf(range, leafHash(leafData(i)));
      range = a.range;
      builder.add(a.nodes);
      pending.push(...a.nodes);
      // Batches of random sizes, as the sequencer would integrate them.
      if (random() < 1 / 700 || i === n - 1) {
        const nodes = pending;
        pending = [];
        await database.db.transaction((tx) => storeNodes(tx, nodes));
      }
    }
    builder.partials();
    const stored = await q<{ level: number; idx: string; data: Uint8Array }>(
      database.db,
      sql`select level, idx, data from log_tiles`,
    );
    if (stored.length !== mine.size)
      throw new Error(`tile layout: storeNodes wrote ${stored.length} tiles, we ${mine.size}`);
    for (const r of stored) {
      const m = mine.get(`${r.level}/${r.idx}`);
      if (!m || !bytesEqual(m, r.data))
        throw new Error(`tile layout: tile ${r.level}/${r.idx} differs from storeNodes`);
    }
    return `${n} leaves: the ${stored.length} tiles written by the bulk builder are byte-identical to storeNodes' (random batches)`;
  } finally {
    await database.close();
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query("drop database log_tilecheck");
    await c.end();
  }
}

export async function measureBigTree(adminUrl: string, s: BigTreeSettings): Promise<BigTreeResults> {
  log("big tree: checking the bulk tile layout against storeNodes");
  const tileLayoutCheck = await checkTileLayout(adminUrl);

  const url = await createDatabase(adminUrl, "log_big");
  const database = await openDatabase({ databaseUrl: url });
  let dbOpen = true;
  const closeDb = async () => {
    if (dbOpen) {
      dbOpen = false;
      await database.close();
    }
  };
  onCleanup(closeDb);
  const bulk = new pg.Client({ connectionString: url });
  await bulk.connect();
  onCleanup(() => bulk.end().catch(() => {}));
  await migrate(database);
  const identity = await loadLogIdentity(database.db, LOG_ORIGIN);
  await initLog(database, identity);

  // The queries, chosen up front so the build can record the roots they need.
  const sizes = [...new Set(s.sizes)].sort((a, b) => a - b);
  const queries: Queries[] = sizes.map((size, k) => {
    const random = rng(1000 + k);
    return {
      size,
      indexes: Array.from({ length: s.queries }, () => Math.floor(random() * size)),
      froms: Array.from({ length: s.queries }, () => 1 + Math.floor(random() * (size - 1))),
    };
  });
  const rootSizes = new Set<number>(sizes);
  for (const qs of queries) for (const f of qs.froms) rootSizes.add(f);
  const roots = new Map<number, Uint8Array>();
  const indexes = [...new Set(queries.flatMap((qs) => qs.indexes))];
  const entryRows = indexes.map((i) => ({
    idx: i,
    recordType: "bench",
    record: leafRecord(i),
    leafHash: leafHash(leafData(i)),
    integratedAt: new Date(),
  }));
  for (let k = 0; k < entryRows.length; k += 500)
    await database.db.insert(logEntries).values(entryRows.slice(k, k + 500));

  const writer = new TileWriter(bulk, s.batchTiles);
  const builder = new TileBuilder(writer.push);
  let range: CompactRange = emptyCompactRange();
  let buildMs = 0;
  const results: SizeResult[] = [];
  let child: Awaited<ReturnType<typeof spawnServer>> | undefined;
  const target = sizes.at(-1)!;
  const leaves = new LeafHashes(1 << 15, 3);
  onCleanup(() => leaves.stop());
  let segment = now();
  let nextLog = 1_000_000;
  for (const qs of queries) {
    log(`big tree: building up to ${qs.size.toLocaleString("en")} leaves`);
    while (range.size < qs.size) {
      const hashes = await leaves.take(qs.size);
      for (let k = 0; k < hashes.length; k += HASH_SIZE) {
        const a = appendLeaf(range, hashes.subarray(k, k + HASH_SIZE));
        range = a.range;
        builder.add(a.nodes);
        if (rootSizes.has(range.size)) roots.set(range.size, compactRangeRoot(range));
        if (writer.full) await writer.send();
        if (range.size === nextLog) {
          const elapsed = (buildMs + now() - segment) / 1000;
          log(`  ${range.size.toLocaleString("en")} / ${target.toLocaleString("en")} leaves, ${elapsed.toFixed(0)} s`);
          nextLog += 1_000_000;
        }
      }
    }
    builder.partials();
    await writer.drain();
    const rootHash = compactRangeRoot(range);
    const note = signNote(formatCheckpoint({ origin: identity.origin, size: range.size, rootHash, extensions: [] }), [
      identity.signer,
    ]);
    await database.db.insert(logCheckpoints).values({ size: range.size, rootHash, note });
    buildMs += now() - segment;
    const [mib] = await q<{ mib: number }>(
      database.db,
      sql`select pg_total_relation_size('log_tiles') / 1048576.0 as mib`,
    );
    log(`big tree: ${qs.size} leaves built (${(buildMs / 1000).toFixed(0)} s); ${s.queries} proofs of each kind`);
    const inProcess = await measureInProcess(database, qs, roots);
    const compute = await computeOnly(bulk, qs);
    results.push({
      size: qs.size,
      buildSeconds: buildMs / 1000,
      insertWaitSeconds: writer.waitMs / 1000,
      tilesWritten: writer.written,
      tileTableMiB: Number(mib!.mib),
      ...inProcess,
      computeOnly: compute,
    });
    segment = now();
  }
  const leavesPerSecond = target / (buildMs / 1000);
  await leaves.stop();

  if (s.http) {
    log("big tree: proofs over HTTP, child server on the same database");
    child = await spawnServer({
      name: "concordia (PostgreSQL, big log)",
      script: "packages/server/src/main.ts",
      env: { ...serverEnv({ databaseUrl: url }, s.logLevel), CONCORDIA_LOG_ORIGIN: LOG_ORIGIN },
      port: await freePort(),
      healthPath: "/api/health",
    });
    onCleanup(() => child?.stop());
    try {
      for (const [k, qs] of queries.entries()) results[k]!.http = await measureHttp(child.url, qs, roots);
    } finally {
      await child.stop();
    }
  }

  await bulk.end();
  await closeDb();
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query("drop database log_big");
  await c.end();
  return { tileLayoutCheck, leavesPerSecond, sizes: results };
}
