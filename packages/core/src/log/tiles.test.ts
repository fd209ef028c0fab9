import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatBytes } from "./encoding.js";
import { leafHash } from "./hash.js";
import {
  formatTileIndex,
  formatTilePath,
  hashFromTile,
  newTiles,
  parseTilePath,
  partialTileWidth,
  TileError,
  type TileId,
  tileForHash,
  tileHashes,
  tileLevels,
} from "./tiles.js";
import {
  completeSubtreeLevels,
  type HashAt,
  inclusionProof,
  inclusionProofFromHashAt,
  merkleTreeHash,
  rootFromHashAt,
} from "./tree.js";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof TileError) return e.code;
    throw e;
  }
  return undefined;
}

describe("tile index encoding", () => {
  it("groups digits by three with x on all but the last (the spec's 1234067 → x001/x234/067)", () => {
    expect(formatTileIndex(1234067)).toBe("x001/x234/067");
    expect(formatTileIndex(0)).toBe("000");
    expect(formatTileIndex(999)).toBe("999");
    expect(formatTileIndex(1000)).toBe("x001/000");
    expect(formatTileIndex(3057500)).toBe("x003/x057/500");
  });
});

describe("tile paths", () => {
  it("format and parse the spec's shapes (Go's tile path vectors, without the height element)", () => {
    const cases: [string, TileId][] = [
      ["tile/0/001", { kind: "hashes", level: 0, index: 1, width: 256 }],
      ["tile/4/001.p/5", { kind: "hashes", level: 4, index: 1, width: 5 }],
      ["tile/5/x123/x456/078", { kind: "hashes", level: 5, index: 123456078, width: 256 }],
      ["tile/5/x123/x456/078.p/2", { kind: "hashes", level: 5, index: 123456078, width: 2 }],
      ["tile/63/000.p/255", { kind: "hashes", level: 63, index: 0, width: 255 }],
      ["tile/entries/x003/x057/500", { kind: "entries", index: 3057500, width: 256 }],
      ["tile/entries/000.p/1", { kind: "entries", index: 0, width: 1 }],
    ];
    for (const [path, tile] of cases) {
      expect(parseTilePath(path), path).toEqual(tile);
      expect(formatTilePath(tile)).toBe(path);
    }
  });

  it("round-trip for any level, index and width", () => {
    fc.assert(
      fc.property(
        fc.nat(63),
        fc.nat(2 ** 45),
        fc.integer({ min: 1, max: 256 }),
        fc.boolean(),
        (level, index, width, entries) => {
          const tile: TileId = entries ? { kind: "entries", index, width } : { kind: "hashes", level, index, width };
          expect(parseTilePath(formatTilePath(tile))).toEqual(tile);
        },
      ),
    );
  });

  it("when a path is malformed or not canonical → a typed error", () => {
    const cases: [string, string][] = [
      ["tiles/0/000", "NOT_A_TILE_PATH"],
      ["/tile/0/000", "NOT_A_TILE_PATH"],
      ["tile/0", "NOT_A_TILE_PATH"],
      ["tile/64/000", "BAD_LEVEL"],
      ["tile/01/000", "BAD_LEVEL"],
      ["tile/-1/000", "BAD_LEVEL"],
      ["tile/data/000", "BAD_LEVEL"],
      ["tile/x/000", "BAD_LEVEL"],
      ["tile/0/1", "BAD_INDEX"],
      ["tile/0/0001", "BAD_INDEX"],
      ["tile/0/x001", "BAD_INDEX"], // x on the last group
      ["tile/5/123/456/078", "BAD_INDEX"], // Go's vector: groups without x
      ["tile/0/x000/001", "BAD_INDEX"], // a leading zero group: not the canonical spelling of 1
      ["tile/0/x1000/001", "BAD_INDEX"],
      ["tile/0/000/", "BAD_INDEX"],
      ["tile/0/-01", "BAD_INDEX"],
      ["tile/0/x999/x999/x999/x999/x999/x999/999", "BAD_INDEX"], // beyond 2^53
      ["tile/0/001.p/0", "BAD_WIDTH"],
      ["tile/0/001.p/256", "BAD_WIDTH"],
      ["tile/0/001.p/007", "BAD_WIDTH"],
      ["tile/0/001.p/", "BAD_WIDTH"],
      ["tile/0/001.p", "BAD_INDEX"],
      ["tile/0/001.p/5/6", "BAD_INDEX"],
    ];
    for (const [path, code] of cases)
      expect(
        codeOf(() => parseTilePath(path)),
        path,
      ).toBe(code);
  });

  it("when formatting an impossible tile → a typed error", () => {
    expect(codeOf(() => formatTilePath({ kind: "hashes", level: 64, index: 0, width: 1 }))).toBe("BAD_LEVEL");
    expect(codeOf(() => formatTilePath({ kind: "hashes", level: 0, index: -1, width: 1 }))).toBe("BAD_INDEX");
    expect(codeOf(() => formatTilePath({ kind: "entries", index: 0, width: 0 }))).toBe("BAD_WIDTH");
  });
});

describe("which tiles a tree has", () => {
  it("matches the spec's examples for 70,000 and 256 leaves", () => {
    expect(tileLevels(70000)).toEqual([
      { level: 0, fullTiles: 273, partialWidth: 112 },
      { level: 1, fullTiles: 1, partialWidth: 17 },
      { level: 2, fullTiles: 0, partialWidth: 1 },
    ]);
    expect(tileLevels(256)).toEqual([
      { level: 0, fullTiles: 1, partialWidth: 0 },
      { level: 1, fullTiles: 0, partialWidth: 1 },
    ]);
    expect(tileLevels(0)).toEqual([]);
    expect(partialTileWidth(70000, 1)).toBe(17);
  });

  const allTiles = (size: number) =>
    tileLevels(size).flatMap(({ level, fullTiles, partialWidth }) => [
      ...Array.from({ length: fullTiles }, (_, index) => formatTilePath({ kind: "hashes", level, index, width: 256 })),
      ...(partialWidth > 0 ? [formatTilePath({ kind: "hashes", level, index: fullTiles, width: partialWidth })] : []),
    ]);

  it("newTiles lists exactly the tiles of the new size that the old size did not have", () => {
    fc.assert(
      fc.property(fc.nat(140000), fc.nat(140000), (a, b) => {
        const [oldSize, newSize] = a <= b ? [a, b] : [b, a];
        const before = new Set(allTiles(oldSize));
        const want = allTiles(newSize).filter((p) => !before.has(p));
        expect(newTiles(oldSize, newSize).map(formatTilePath).sort()).toEqual(want.sort());
      }),
      { numRuns: 60 },
    );
    expect(newTiles(5, 5)).toEqual([]);
    expect(newTiles(255, 256).map(formatTilePath)).toEqual(["tile/0/000", "tile/1/000.p/1"]);
    expect(codeOf(() => newTiles(6, 5))).toBe("NOT_IN_TREE");
  });
});

describe("reading hashes out of tiles", () => {
  const SIZE = 70000;
  const leaves = Array.from({ length: SIZE }, (_, i) => leafHash(Uint8Array.of(i >> 16, (i >> 8) & 255, i & 255)));
  const levels = completeSubtreeLevels(leaves);

  // What a server would have written for a tree of `size` leaves: full tiles and the partial ones.
  function tilesAt(size: number): Map<string, Uint8Array> {
    const store = new Map<string, Uint8Array>();
    for (const { level, fullTiles, partialWidth } of tileLevels(size)) {
      const hashes = levels[8 * level]!;
      for (let index = 0; index <= fullTiles; index++) {
        const width = index < fullTiles ? 256 : partialWidth;
        if (width === 0) continue;
        const data = concatBytes(...hashes.slice(index * 256, index * 256 + width));
        store.set(formatTilePath({ kind: "hashes", level, index, width }), data);
      }
    }
    return store;
  }
  const hashAtFromTiles = (size: number): HashAt => {
    const store = tilesAt(size);
    return (level, index) => {
      const data = store.get(formatTilePath(tileForHash(level, index, size).tile));
      if (data === undefined) throw new Error(`missing tile for ${level}/${index}`);
      return hashFromTile(data, level, index, size);
    };
  };

  it("gives every kind of complete subtree hash, at levels on and between tile levels", () => {
    const hashAt = hashAtFromTiles(SIZE);
    fc.assert(
      fc.property(fc.nat(16), fc.nat(), (level, pick) => {
        const count = levels[level]!.length;
        const index = pick % count;
        expect(hashAt(level, index)).toEqual(levels[level]![index]);
      }),
      { numRuns: 300 },
    );
    expect(hashAt(16, 0)).toEqual(levels[16]![0]); // from the level-2 partial tile of width 1
    expect(hashAt(15, 1)).toEqual(levels[15]![1]); // from the full level-1 tile
  });

  it("is enough to compute roots and proofs for past sizes without the leaves", () => {
    const fromLevels: HashAt = (level, index) => levels[level]![index]!;
    for (const size of [1, 255, 256, 257, 65536, 65537, SIZE]) {
      const hashAt = hashAtFromTiles(size);
      expect(rootFromHashAt(size, hashAt)).toEqual(merkleTreeHash(leaves.slice(0, size)));
      for (const index of [0, Math.floor(size / 2), size - 1]) {
        expect(inclusionProofFromHashAt(index, size, hashAt)).toEqual(
          inclusionProofFromHashAt(index, size, fromLevels),
        );
      }
    }
    expect(inclusionProofFromHashAt(123, 300, hashAtFromTiles(300))).toEqual(inclusionProof(leaves.slice(0, 300), 123));
  }, 60_000);

  it("names the tile and the span of its hashes", () => {
    expect(tileForHash(0, 300, SIZE)).toEqual({
      tile: { kind: "hashes", level: 0, index: 1, width: 256 },
      start: 44,
      count: 1,
    });
    expect(tileForHash(3, 100, SIZE)).toEqual({
      tile: { kind: "hashes", level: 0, index: 3, width: 256 },
      start: 32,
      count: 8,
    });
    expect(tileForHash(0, 69999, SIZE).tile.width).toBe(112);
    expect(tileForHash(9, 0, SIZE)).toEqual({
      tile: { kind: "hashes", level: 1, index: 0, width: 256 },
      start: 0,
      count: 2,
    });
  });

  it("when the subtree is not complete, or the tile data is wrong → a typed error", () => {
    expect(codeOf(() => tileForHash(0, SIZE, SIZE))).toBe("NOT_IN_TREE");
    expect(codeOf(() => tileForHash(17, 0, SIZE))).toBe("NOT_IN_TREE");
    expect(codeOf(() => tileForHash(-1, 0, SIZE))).toBe("BAD_LEVEL");
    expect(codeOf(() => hashFromTile(new Uint8Array(32), 0, 5, SIZE))).toBe("BAD_TILE_DATA");
    expect(codeOf(() => tileHashes(new Uint8Array(33)))).toBe("BAD_TILE_DATA");
    expect(codeOf(() => tileHashes(new Uint8Array(0)))).toBe("BAD_TILE_DATA");
    expect(codeOf(() => tileHashes(new Uint8Array(257 * 32)))).toBe("BAD_TILE_DATA");
  });
});
