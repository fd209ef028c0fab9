/**
 * Tiles of a C2SP tiled transparency log (https://c2sp.org/tlog-tiles): the
 * Merkle tree served as immutable static files that any CDN can cache.
 *
 * A tile at level L holds up to 256 consecutive hashes of tree level 8·L
 * (level 0: leaf hashes; level 1: roots of full level-0 tiles; ...). The
 * levels in between are recomputed from a tile's hashes. A full tile is
 * 256 hashes (8,192 bytes); the rightmost tile of a level may be partial
 * (1..255 hashes) and carries `.p/<W>` in its path.
 *
 *     tile/<L>/<N>[.p/<W>]       hash tiles, L in 0..63
 *     tile/entries/<N>[.p/<W>]   entry bundles (the leaves' data)
 *
 * N is written in groups of three digits, all but the last prefixed with "x":
 * 1234067 -> x001/x234/067, so a file system never holds a file and a folder
 * of the same name. Parsing accepts only the one canonical spelling of a path.
 */
import { isSafeNonNegativeInteger, pow2 } from "./bits.js";
import { HASH_SIZE } from "./hash.js";
import { merkleTreeHash } from "./tree.js";

/** Tree levels per tile. */
export const TILE_HEIGHT = 8;
/** Hashes (or entries) in a full tile: 2^TILE_HEIGHT. */
export const TILE_WIDTH = 256;
/** Highest tile level allowed in a path. */
export const MAX_TILE_LEVEL = 63;

/** A hash tile (`level` is the tile level, not the tree level) or an entry bundle. */
export type TileId =
  | { readonly kind: "hashes"; readonly level: number; readonly index: number; readonly width: number }
  | { readonly kind: "entries"; readonly index: number; readonly width: number };

export type TileErrorCode =
  | "NOT_A_TILE_PATH"
  | "BAD_LEVEL"
  | "BAD_INDEX"
  | "BAD_WIDTH"
  | "BAD_TILE_DATA"
  | "NOT_IN_TREE";

export class TileError extends Error {
  override readonly name = "TileError";
  constructor(
    readonly code: TileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: TileErrorCode, message: string): never {
  throw new TileError(code, message);
}

function checkIndex(index: number): void {
  if (!isSafeNonNegativeInteger(index)) fail("BAD_INDEX", "a tile index is an integer from 0 to 2^53 - 1");
}

function checkWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) fail("BAD_WIDTH", "a tile width is 1 to 256");
}

/** N as zero-padded groups of three digits, "x" before all but the last: 1234067 -> "x001/x234/067". */
export function formatTileIndex(index: number): string {
  checkIndex(index);
  let groups = [String(index % 1000).padStart(3, "0")];
  for (let n = Math.floor(index / 1000); n > 0; n = Math.floor(n / 1000)) {
    groups = [`x${String(n % 1000).padStart(3, "0")}`, ...groups];
  }
  return groups.join("/");
}

/** The path of a tile relative to the log prefix, e.g. `tile/0/x001/234.p/17`. */
export function formatTilePath(tile: TileId): string {
  checkWidth(tile.width);
  let head: string;
  if (tile.kind === "entries") {
    head = "tile/entries";
  } else {
    if (!Number.isInteger(tile.level) || tile.level < 0 || tile.level > MAX_TILE_LEVEL) {
      fail("BAD_LEVEL", "a tile level is 0 to 63");
    }
    head = `tile/${tile.level}`;
  }
  const partial = tile.width < TILE_WIDTH ? `.p/${tile.width}` : "";
  return `${head}/${formatTileIndex(tile.index)}${partial}`;
}

/** Parses `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`, accepting only canonical spellings. */
export function parseTilePath(path: string): TileId {
  const parts = path.split("/");
  if (parts.length < 3 || parts[0] !== "tile") fail("NOT_A_TILE_PATH", `${JSON.stringify(path)} is not a tile path`);
  const levelPart = parts[1]!;
  let level = -1;
  if (levelPart !== "entries") {
    // Decimal without leading zeros; the round-trip check below also enforces this.
    if (!/^(0|[1-9][0-9]?)$/.test(levelPart) || Number(levelPart) > MAX_TILE_LEVEL) {
      fail("BAD_LEVEL", `tile level ${JSON.stringify(levelPart)} is not 0 to 63 without leading zeros`);
    }
    level = Number(levelPart);
  }
  let groups = parts.slice(2);
  let width = TILE_WIDTH;
  const last = groups[groups.length - 1]!;
  const beforeLast = groups[groups.length - 2];
  if (beforeLast?.endsWith(".p")) {
    if (!/^[1-9][0-9]{0,2}$/.test(last) || Number(last) >= TILE_WIDTH) {
      fail("BAD_WIDTH", `partial width ${JSON.stringify(last)} is not 1 to 255 without leading zeros`);
    }
    width = Number(last);
    groups = [...groups.slice(0, -2), beforeLast.slice(0, -2)];
  }
  let index = 0;
  groups.forEach((group, i) => {
    const pattern = i < groups.length - 1 ? /^x[0-9]{3}$/ : /^[0-9]{3}$/;
    if (!pattern.test(group)) fail("BAD_INDEX", `tile index element ${JSON.stringify(group)} is malformed`);
    index = index * 1000 + Number(group.replace("x", ""));
  });
  if (!Number.isSafeInteger(index)) fail("BAD_INDEX", "tile index is too large");
  const tile: TileId = level < 0 ? { kind: "entries", index, width } : { kind: "hashes", level, index, width };
  // Rejects the remaining non-canonical spellings, such as a leading "x000/" group.
  if (formatTilePath(tile) !== path) fail("BAD_INDEX", `${JSON.stringify(path)} is not the canonical tile path`);
  return tile;
}

/** Width of the rightmost, partial tile of tile level `level` in a tree of `treeSize`: floor(s / 256^l) mod 256. */
export function partialTileWidth(treeSize: number, level: number): number {
  return Math.floor(treeSize / pow2(TILE_HEIGHT * level)) % TILE_WIDTH;
}

/** How many full tiles tile level `level` has in a tree of `treeSize` leaves. */
export function fullTileCount(treeSize: number, level: number): number {
  return Math.floor(treeSize / pow2(TILE_HEIGHT * (level + 1)));
}

/**
 * The tiles of tile level `level` as they exist at `treeSize`, plus the
 * rightmost partial one if any: the full tiles are 0..fullTiles-1.
 * Levels go up while the tree has at least one hash at that level.
 */
export function tileLevels(treeSize: number): { level: number; fullTiles: number; partialWidth: number }[] {
  if (!isSafeNonNegativeInteger(treeSize)) fail("NOT_IN_TREE", "a tree size is an integer from 0 to 2^53 - 1");
  const levels: { level: number; fullTiles: number; partialWidth: number }[] = [];
  for (let level = 0; Math.floor(treeSize / pow2(TILE_HEIGHT * level)) > 0; level++) {
    levels.push({ level, fullTiles: fullTileCount(treeSize, level), partialWidth: partialTileWidth(treeSize, level) });
  }
  return levels;
}

/**
 * The hash tiles to write when the tree grows from `oldSize` to `newSize`:
 * every tile whose content changed, full or partial (as Go's tlog.NewTiles).
 */
export function newTiles(oldSize: number, newSize: number): TileId[] {
  if (!isSafeNonNegativeInteger(oldSize) || !isSafeNonNegativeInteger(newSize) || oldSize > newSize) {
    fail("NOT_IN_TREE", "need 0 <= oldSize <= newSize");
  }
  const tiles: TileId[] = [];
  for (let level = 0; Math.floor(newSize / pow2(TILE_HEIGHT * level)) > 0; level++) {
    const oldCount = Math.floor(oldSize / pow2(TILE_HEIGHT * level));
    const newCount = Math.floor(newSize / pow2(TILE_HEIGHT * level));
    if (oldCount === newCount) continue;
    const lastFull = Math.floor(newCount / TILE_WIDTH);
    for (let index = Math.floor(oldCount / TILE_WIDTH); index < lastFull; index++) {
      tiles.push({ kind: "hashes", level, index, width: TILE_WIDTH });
    }
    const width = newCount % TILE_WIDTH;
    if (width > 0) tiles.push({ kind: "hashes", level, index: lastFull, width });
  }
  return tiles;
}

/**
 * Where the hash of the complete subtree at tree level `level`, index `index`
 * lives in a tree of `treeSize` leaves: the tile to read (with the width it
 * has at that size) and the `count` = 2^(level mod 8) consecutive tile hashes,
 * from `start`, whose Merkle tree hash it is.
 */
export function tileForHash(
  level: number,
  index: number,
  treeSize: number,
): { tile: TileId & { kind: "hashes" }; start: number; count: number } {
  if (!Number.isInteger(level) || level < 0 || level >= TILE_HEIGHT * (MAX_TILE_LEVEL + 1)) {
    fail("BAD_LEVEL", "tree level out of range");
  }
  checkIndex(index);
  if (!isSafeNonNegativeInteger(treeSize) || (index + 1) * pow2(level) > treeSize) {
    fail("NOT_IN_TREE", `no complete subtree at level ${level}, index ${index} in a tree of size ${treeSize}`);
  }
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const count = pow2(level - TILE_HEIGHT * tileLevel);
  const first = index * count; // position among all hashes of tree level 8·tileLevel
  const tileIndex = Math.floor(first / TILE_WIDTH);
  const width = tileIndex < fullTileCount(treeSize, tileLevel) ? TILE_WIDTH : partialTileWidth(treeSize, tileLevel);
  return { tile: { kind: "hashes", level: tileLevel, index: tileIndex, width }, start: first % TILE_WIDTH, count };
}

/** Splits tile data into its hashes; throws `TileError("BAD_TILE_DATA")` unless it is 1..256 whole hashes. */
export function tileHashes(data: Uint8Array): Uint8Array[] {
  if (data.length === 0 || data.length % HASH_SIZE !== 0 || data.length > TILE_WIDTH * HASH_SIZE) {
    fail("BAD_TILE_DATA", `tile data of ${data.length} bytes is not 1 to 256 hashes`);
  }
  const hashes: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += HASH_SIZE) hashes.push(data.slice(i, i + HASH_SIZE));
  return hashes;
}

/**
 * Reads the hash at tree level `level`, index `index` out of the data of the
 * tile `tileForHash` named, hashing the tile entries below it when `level` is
 * not a multiple of 8.
 */
export function hashFromTile(data: Uint8Array, level: number, index: number, treeSize: number): Uint8Array {
  const { tile, start, count } = tileForHash(level, index, treeSize);
  if (data.length !== tile.width * HASH_SIZE) {
    fail("BAD_TILE_DATA", `tile ${formatTilePath(tile)} must be ${tile.width * HASH_SIZE} bytes, got ${data.length}`);
  }
  const hashes: Uint8Array[] = [];
  for (let i = start; i < start + count; i++) hashes.push(data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return count === 1 ? hashes[0]!.slice() : merkleTreeHash(hashes);
}
