import { count, isNull } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/harness.js";
import type { Database } from "../../db/connection.js";
import { migrate } from "../../db/migrate.js";
import { createLogService, initLog } from "./log.service.js";
import { appendRecord } from "./records.js";
import { integrateBatch, latestSize } from "./sequencer.js";
import { type LogIdentity, loadLogIdentity } from "./signer.js";
import { logCheckpoints, logEntries, logTiles } from "./tables.js";

/**
 * A sequencer that dies half-way (here: its signing step throws after the tiles and
 * indexes were written inside the transaction) must leave no trace: the records stay
 * pending, no tile or checkpoint changes, and the next sequencer integrates them.
 */
let database: Database;
let identity: LogIdentity;
beforeAll(async () => {
  database = await openTestDatabase();
  await migrate(database);
  identity = await loadLogIdentity(database.db, "crash.example/log");
  await initLog(database, identity);
});
afterAll(() => database.close());

const state = async () => {
  const db = database.db;
  const [pending] = await db.select({ n: count() }).from(logEntries).where(isNull(logEntries.idx));
  const [checkpoints] = await db.select({ n: count() }).from(logCheckpoints);
  const tiles = await db.select().from(logTiles);
  return {
    pending: pending?.n ?? 0,
    checkpoints: checkpoints?.n ?? 0,
    size: await latestSize(db),
    tiles: tiles.map((t) => `${t.level}/${t.idx}:${t.data.length}`).sort(),
  };
};

it("a sequencer crash at signing time loses nothing and signs nothing; the next pass integrates everything", async () => {
  const good = createLogService(database, identity);
  // Some history first, so the crash has tiles it could have damaged.
  const first = await Promise.all(
    Array.from({ length: 20 }, (_, i) => database.db.transaction((tx) => appendRecord(tx, "test", { i }))),
  );
  await Promise.all(first.map((s) => good.awaitIndex(s)));
  for (let i = 0; i < 30; i++) await database.db.transaction((tx) => appendRecord(tx, "test", { late: i }));
  const before = await state();
  expect(before.pending).toBe(30);

  const crashing: LogIdentity = {
    ...identity,
    signer: {
      ...identity.signer,
      sign: () => {
        throw new Error("power cut while signing");
      },
    },
  };
  await expect(integrateBatch(database, crashing)).rejects.toThrow("power cut");
  expect(await state()).toEqual(before);

  expect(await integrateBatch(database, identity)).toBe(30);
  const after = await state();
  expect(after.pending).toBe(0);
  expect(after.size).toBe(before.size + 30);
  expect(after.checkpoints).toBe(before.checkpoints + 1);
});
