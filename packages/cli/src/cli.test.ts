import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { newPostgresDatabaseUrl } from "../../server/test/harness.js";

const BIN = fileURLToPath(new URL("../bin/concordia.mjs", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "concordia-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Environment pointing the CLI at a new empty database of this project's kind. */
async function freshDatabaseEnv(name: string): Promise<Record<string, string>> {
  if (process.env.CONCORDIA_TEST_DB === "postgres") return { DATABASE_URL: await newPostgresDatabaseUrl() };
  return { CONCORDIA_DATA_DIR: join(work, name) };
}

function concordia(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("concordia CLI", () => {
  it("migrates, creates an admin and a token, exports and restores into an empty database", {
    timeout: 240_000,
  }, async () => {
    const env = await freshDatabaseEnv("a");
    const migrated = concordia(env, "migrate", "--json");
    expect(migrated.code, migrated.stderr).toBe(0);
    const m = JSON.parse(migrated.stdout);
    expect(m.applied).toBeGreaterThan(0);
    expect(m.applied).toBe(m.total);

    const admin = concordia(env, "admin", "create", "--email", "Chair@Example.org", "--json");
    expect(admin.code, admin.stderr).toBe(0);
    const created = JSON.parse(admin.stdout);
    expect(created).toMatchObject({ email: "chair@example.org", created: true });
    expect(created.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const token = concordia(env, "admin", "token", "--email", "chair@example.org", "--name", "robot", "--json");
    expect(token.code, token.stderr).toBe(0);
    expect(JSON.parse(token.stdout).token).toMatch(/^cnc_/);

    const file = join(work, "backup.json");
    const exported = concordia(env, "export", file, "--json");
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout).counts).toMatchObject({
      users: 1,
      organizations: 1,
      memberships: 1,
      api_tokens: 1,
    });
    const backup = JSON.parse(readFileSync(file, "utf8"));
    expect(backup).toMatchObject({ format: "concordia-backup", formatVersion: 1 });

    const target = await freshDatabaseEnv("b");
    const imported = concordia(target, "import", file, "--json");
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).counts).toEqual(JSON.parse(exported.stdout).counts);

    const again = concordia(target, "import", file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("not empty");
  });

  it("explains bad usage", () => {
    const r = concordia(
      { CONCORDIA_DATA_DIR: join(work, "c") },
      "admin",
      "token",
      "--email",
      "x@example.org",
      "--expires-in-days",
      "zero",
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("a whole number");
  });
});
