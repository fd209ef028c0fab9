import { generateNoteKeyPair } from "@concordia/core";
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

  it("takes an explicit key, and refuses one named after another origin", async () => {
    const key = generateNoteKeyPair("renamed.example/log", new Uint8Array(32).fill(9)).signerKey;
    const renamed = await loadLogIdentity(database.db, "renamed.example/log", key);
    expect(renamed.origin).toBe("renamed.example/log");
    await expect(loadLogIdentity(database.db, "other.example/log", key)).rejects.toThrow(
      /named "renamed.example\/log"/,
    );
  });
});
