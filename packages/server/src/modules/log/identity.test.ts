import { generateNoteKeyPair } from "@concordia/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/harness.js";
import type { Database } from "../../db/connection.js";
import { migrate } from "../../db/migrate.js";
import { loadLogIdentity } from "./signer.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await migrate(database);
});
afterAll(() => database.close());

describe("the log's identity", () => {
  it("is fixed at first start: another public URL or port keeps the same origin and key, with a warning", async () => {
    const first = await loadLogIdentity(database.db, "concordia.example/concordia-log", undefined, () => {
      throw new Error("no warning expected on first start");
    });
    const warnings: string[] = [];
    const again = await loadLogIdentity(database.db, "localhost:4000/concordia-log", undefined, (m) =>
      warnings.push(m),
    );
    expect(again.origin).toBe("concordia.example/concordia-log");
    expect(again.verifierKey).toBe(first.verifierKey);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("CONCORDIA_LOG_ORIGIN=concordia.example/concordia-log");
    // The same origin: no warning.
    const same = await loadLogIdentity(database.db, "concordia.example/concordia-log", undefined, (m) =>
      warnings.push(m),
    );
    expect(same.verifierKey).toBe(first.verifierKey);
    expect(warnings).toHaveLength(1);
  });

  it("checks a key given in CONCORDIA_LOG_SIGNER_KEY against the stored identity, storing only its public half", async () => {
    const fresh = await openTestDatabase();
    try {
      await migrate(fresh);
      const key = generateNoteKeyPair("env.example/log", new Uint8Array(32).fill(9)).signerKey;
      const first = await loadLogIdentity(fresh.db, "env.example/log", key);
      expect(first.origin).toBe("env.example/log");
      const stored = (await fresh.db.execute(sql`select signer_key from log_keys`)) as unknown as {
        rows: { signer_key: string }[];
      };
      expect(stored.rows.map((r) => r.signer_key)).toEqual([`ENV:${first.verifierKey}`]);
      expect((await loadLogIdentity(fresh.db, "env.example/log", key)).verifierKey).toBe(first.verifierKey);
      const other = generateNoteKeyPair("env.example/log", new Uint8Array(32).fill(8)).signerKey;
      await expect(loadLogIdentity(fresh.db, "env.example/log", other)).rejects.toThrow(
        /not the key this log was created with/,
      );
      await expect(loadLogIdentity(fresh.db, "env.example/log")).rejects.toThrow(
        /CONCORDIA_LOG_SIGNER_KEY, which is not set now/,
      );
      await expect(loadLogIdentity(fresh.db, "other.example/log", key)).rejects.toThrow(/named "env.example\/log"/);
    } finally {
      await fresh.close();
    }
  });

  it("refuses a key that is not the one a generated identity was created with", async () => {
    const key = generateNoteKeyPair("concordia.example/concordia-log", new Uint8Array(32).fill(7)).signerKey;
    await expect(loadLogIdentity(database.db, "concordia.example/concordia-log", key)).rejects.toThrow(
      /not the key this log was created with/,
    );
  });
});
