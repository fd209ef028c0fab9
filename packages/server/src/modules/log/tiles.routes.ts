import { parseTilePath, TILE_WIDTH, TileError } from "@concordia/core";
import { and, asc, gte, lt } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.js";
import { sendProblem } from "../../platform/http/problem.js";
import { cosignedNote } from "./log.service.js";
import { latestSize } from "./sequencer.js";
import { logEntries } from "./tables.js";
import { readTile } from "./tile-store.js";

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * The read side of C2SP tlog-tiles: the latest checkpoint and immutable tiles,
 * so that independent clients (witnesses, monitors, mirrors) can read the log
 * with nothing but HTTP GETs, and any CDN can cache the full tiles forever.
 */
export function tileRoutes(app: FastifyInstance, deps: Deps) {
  const db = deps.database.db;

  app.get(
    "/log/checkpoint",
    { schema: { summary: "C2SP tlog-checkpoint (signed note, with witness cosignatures)", tags: ["log"] } },
    async (request, reply) => {
      const size = await latestSize(db);
      const note = await cosignedNote(db, size);
      if (note === null) return sendProblem(reply, request, 404, "Not found", "The log has no checkpoint yet.");
      return reply.header("cache-control", "no-cache").type("text/plain; charset=utf-8").send(note);
    },
  );

  app.get(
    "/log/tile/*",
    { schema: { summary: "C2SP tlog-tiles hash tile or entry bundle", tags: ["log"] } },
    async (request, reply) => {
      const path = `tile/${(request.params as { "*": string })["*"]}`;
      let tile: ReturnType<typeof parseTilePath>;
      try {
        tile = parseTilePath(path);
      } catch (err) {
        if (err instanceof TileError) {
          return sendProblem(reply, request, 400, "Invalid request", `${path}: ${err.message}`, [
            { field: "path", message: err.message },
          ]);
        }
        throw err;
      }
      const width = tile.width;
      const cache = width === TILE_WIDTH ? IMMUTABLE : "no-cache";
      if (tile.kind === "hashes") {
        const data = await readTile(db, tile.level, tile.index, width);
        if (!data) return sendProblem(reply, request, 404, "Not found", `The log has no tile ${path} yet.`);
        return reply.header("cache-control", cache).type("application/octet-stream").send(Buffer.from(data));
      }
      const first = tile.index * TILE_WIDTH;
      const size = await latestSize(db);
      if (first + width > size)
        return sendProblem(reply, request, 404, "Not found", `The log has no entry bundle ${path} yet.`);
      const rows = await db
        .select({ record: logEntries.record })
        .from(logEntries)
        .where(and(gte(logEntries.idx, first), lt(logEntries.idx, first + width)))
        .orderBy(asc(logEntries.idx));
      // Entry bundle: each entry as a big-endian uint16 length and its bytes.
      const parts: Buffer[] = [];
      for (const r of rows) {
        const bytes = Buffer.from(r.record, "utf8");
        const len = Buffer.alloc(2);
        len.writeUInt16BE(bytes.length);
        parts.push(len, bytes);
      }
      return reply.header("cache-control", cache).type("application/octet-stream").send(Buffer.concat(parts));
    },
  );
}
