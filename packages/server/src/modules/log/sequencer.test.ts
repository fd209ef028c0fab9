import {
  consistencyProofFromHashAt,
  ed25519NoteVerifier,
  openCheckpoint,
  parseVerifierKey,
  verifyConsistency,
} from "@concordia/core";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { newPostgresDatabaseUrl } from "../../../test/harness.js";
import { type Database, openDatabase } from "../../db/connection.js";
import { migrate } from "../../db/migrate.js";
import { createLogService, initLog } from "./log.service.js";
import { appendRecord } from "./records.js";
import { loadLogIdentity } from "./signer.js";
import { logCheckpoints } from "./tables.js";
import { withStoredHashes } from "./tile-store.js";

/**
 * Two server instances on one database, each with its own sequencer (on
 * PostgreSQL: two connection pools, as two processes would have; PGlite can be
 * opened by one process only, so there both share it). They append at the same
 * time; exactly one sequences at a time, and the signed history stays one tree.
 */
let a: Database;
let b: Database;
beforeAll(async () => {
  if (process.env.CONCORDIA_TEST_DB === "postgres") {
    const url = await newPostgresDatabaseUrl();
    a = await openDatabase({ databaseUrl: url, poolSize: 4 });
    b = await openDatabase({ databaseUrl: url, poolSize: 4 });
  } else {
    a = await openDatabase({ pgliteDataDir: "memory://" });
    b = a;
  }
  await Promise.all([migrate(a), migrate(b)]);
});
afterAll(async () => {
  await a.close();
  if (b !== a) await b.close();
});

it("two instances appending at once produce one consistent history", async () => {
  const [idA, idB] = await Promise.all([
    loadLogIdentity(a.db, "test.example/log"),
    loadLogIdentity(b.db, "test.example/log"),
  ]);
  expect(idA.verifierKey).toBe(idB.verifierKey);
  await Promise.all([initLog(a, idA), initLog(b, idB)]);
  const logA = createLogService(a, idA);
  const logB = createLogService(b, idB);
  const submit = (db: Database, log: typeof logA, n: number, who: string) =>
    Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const seq = await db.db.transaction((tx) => appendRecord(tx, "test", { who, i }));
        return log.awaitIndex(seq);
      }),
    );
  const [fromA, fromB] = await Promise.all([submit(a, logA, 150, "a"), submit(b, logB, 150, "b")]);
  const all = [...fromA, ...fromB].sort((x, y) => x - y);
  expect(all).toEqual(Array.from({ length: 300 }, (_, i) => i));

  const checkpoints = await a.db.select().from(logCheckpoints).orderBy(asc(logCheckpoints.size));
  const verifier = ed25519NoteVerifier(parseVerifierKey(idA.verifierKey));
  let previous: { size: number; root: Uint8Array } | undefined;
  for (const cp of checkpoints) {
    const { checkpoint } = openCheckpoint(cp.note, [verifier]);
    expect(checkpoint.size).toBe(cp.size);
    if (previous && previous.size > 0) {
      const proof = await withStoredHashes(a.db, cp.size, (hashAt) =>
        consistencyProofFromHashAt(previous!.size, cp.size, hashAt),
      );
      verifyConsistency(previous.size, cp.size, proof, previous.root, checkpoint.rootHash);
    }
    previous = { size: cp.size, root: checkpoint.rootHash };
  }
  expect(previous?.size).toBe(300);
});
