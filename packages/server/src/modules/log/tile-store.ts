import { HASH_SIZE, type HashAt, hashFromTile, TILE_WIDTH, type TreeNode, tileForHash } from "@concordia/core";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { logTiles } from "./tables.js";

const ZERO = new Uint8Array(HASH_SIZE);
type Q = Db | Tx;

async function loadTiles(db: Q, keys: { level: number; index: number }[], into: Map<string, Uint8Array>) {
  if (keys.length === 0) return;
  // One round trip for every tile needed, whatever their levels.
  const wanted = sql.join(
    keys.map((k) => sql`(${k.level}::int, ${k.index}::bigint)`),
    sql`, `,
  );
  const rows = await db.select().from(logTiles).where(sql`(${logTiles.level}, ${logTiles.idx}) in (${wanted})`);
  for (const r of rows) into.set(`${r.level}/${r.idx}`, r.data);
}

/**
 * Runs a pure tree computation that reads hashes through `hashAt`, feeding it
 * from stored tiles. Which hashes a proof needs depends only on sizes and
 * indexes, not on hash values, so a dry run with placeholder hashes tells every
 * tile to load; the second run computes the real answer. Two round trips at most.
 */
export async function withStoredHashes<T>(db: Q, treeSize: number, compute: (hashAt: HashAt) => T): Promise<T> {
  const tiles = new Map<string, Uint8Array>();
  const missing = new Map<string, { level: number; index: number }>();
  const hashAt: HashAt = (level, index) => {
    const { tile } = tileForHash(level, index, treeSize);
    const data = tiles.get(`${tile.level}/${tile.index}`);
    if (!data) {
      missing.set(`${tile.level}/${tile.index}`, { level: tile.level, index: tile.index });
      return ZERO;
    }
    // Stored tiles may have grown past this tree size: read the prefix the tree had.
    return hashFromTile(data.subarray(0, tile.width * HASH_SIZE), level, index, treeSize);
  };
  compute(hashAt);
  if (missing.size === 0) return compute(hashAt);
  await loadTiles(db, [...missing.values()], tiles);
  missing.clear();
  const result = compute(hashAt);
  if (missing.size > 0)
    throw new Error(`log tiles missing for tree size ${treeSize}: ${[...missing.keys()].join(", ")}`);
  return result;
}

/** Stores the new node hashes whose level is a multiple of 8, extending the tiles they belong to. */
export async function storeNodes(tx: Tx, nodes: TreeNode[]) {
  const perTile = new Map<string, { level: number; index: number; hashes: { position: number; hash: Uint8Array }[] }>();
  for (const n of nodes) {
    if (n.level % 8 !== 0) continue;
    const level = n.level / 8;
    const index = Math.floor(n.index / TILE_WIDTH);
    const key = `${level}/${index}`;
    const entry = perTile.get(key) ?? { level, index, hashes: [] };
    entry.hashes.push({ position: n.index % TILE_WIDTH, hash: n.hash });
    perTile.set(key, entry);
  }
  if (perTile.size === 0) return;
  const existing = new Map<string, Uint8Array>();
  await loadTiles(tx, [...perTile.values()], existing);
  for (const [key, t] of perTile) {
    const old = existing.get(key) ?? new Uint8Array(0);
    t.hashes.sort((a, b) => a.position - b.position);
    const width = Math.max(old.length / HASH_SIZE, (t.hashes.at(-1)?.position ?? -1) + 1);
    const data = new Uint8Array(width * HASH_SIZE);
    data.set(old);
    for (const h of t.hashes) data.set(h.hash, h.position * HASH_SIZE);
    // Tiles only ever grow: every position below `width` must now be filled.
    if (t.hashes[0]!.position * HASH_SIZE !== old.length) {
      throw new Error(
        `log tile ${key} would get a gap: has ${old.length / HASH_SIZE} hashes, next is ${t.hashes[0]!.position}`,
      );
    }
    await tx
      .insert(logTiles)
      .values({ level: t.level, idx: t.index, data })
      .onConflictDoUpdate({ target: [logTiles.level, logTiles.idx], set: { data: sql`excluded.data` } });
  }
}

/** Raw tile bytes for the tlog-tiles endpoint: the first `width` hashes, or null when the tile is not that wide yet. */
export async function readTile(db: Db, level: number, index: number, width: number): Promise<Uint8Array | null> {
  const [row] = await db
    .select()
    .from(logTiles)
    .where(and(eq(logTiles.level, level), eq(logTiles.idx, index)));
  if (!row || row.data.length < width * HASH_SIZE) return null;
  return row.data.subarray(0, width * HASH_SIZE);
}
