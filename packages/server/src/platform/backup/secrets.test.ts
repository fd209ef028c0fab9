import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  type Agent,
  adminAgent,
  createTestApp,
  newPostgresDatabaseUrl,
  openTestDatabase,
  TestApp,
} from "../../../test/harness.js";
import { exportBackup, importBackup } from "../../backup.js";
import { loadConfig } from "../../config.js";
import { migrate } from "../../db/migrate.js";
import { logKeys } from "../../modules/log/tables.js";
import { prepare } from "../../server.js";
import { apiTokens, sessions, users } from "../auth/tables.js";
import { type Backup, OMITTED_LOG_SIGNER_KEY, OMITTED_PASSWORD_HASH, SECRET_COLUMNS } from "./backup.js";

let t: TestApp;
let admin: Agent;
let person: { agent: Agent; email: string };
let signerKey: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await adminAgent(t);
  person = await t.person("provider");
  const org = await t.organization();
  // A pending invitation, and an account waiting for its verification email.
  await t.request("POST", "/api/v1/members/invitations", {
    as: admin,
    body: { email: "inv@example.org", organizationId: org, role: "auditor" },
  });
  await t.request("POST", "/api/v1/auth/sign-up", {
    body: { email: "new@example.org", password: "a good long password", name: "New" },
  });
  await t.request("POST", "/api/v1/auth/password-reset", { body: { email: person.email } });
  signerKey = (await t.db.select().from(logKeys))[0]!.signerKey;
});
afterAll(() => t.close());

/** Every secret the database holds now, as stored. */
async function secretsInDatabase(): Promise<string[]> {
  const all = [
    ...(await t.db.select({ v: users.passwordHash }).from(users)),
    ...(await t.db.select({ v: sessions.secretHash }).from(sessions)),
    ...(await t.db.select({ v: sessions.csrfToken }).from(sessions)),
    ...(await t.db.select({ v: apiTokens.secretHash }).from(apiTokens)),
  ].map((r) => r.v);
  return [...all, signerKey];
}

/** The tokens in the links of the outbox's emails. */
const linkTokens = (b: Backup) =>
  b.tables.outbox_emails!.flatMap((e) => [...String(e.text).matchAll(/(?:token=|\/invite\/)([A-Za-z0-9_-]{16,})/g)]);

describe("what a backup leaves out", () => {
  it("by default: no password hash, session or token hash, link token or log key, and says so", async () => {
    const backup = await exportBackup(t.db);
    expect(backup.secrets).toBe("omitted");
    const text = JSON.stringify(backup);
    const secrets = await secretsInDatabase();
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/PRIVATE\+KEY/);
    expect(linkTokens(backup).map((m) => m[1])).toEqual(linkTokens(backup).map(() => "omitted-from-backup"));
    expect(linkTokens(backup).length).toBeGreaterThanOrEqual(3); // invitation, verification, reset
    // Rows stay (accounts, token listings, invitations), with placeholders that match nothing.
    expect(backup.tables.users!.every((u) => u.password_hash === OMITTED_PASSWORD_HASH)).toBe(true);
    expect(backup.tables.log_keys!.map((k) => k.signer_key)).toEqual([OMITTED_LOG_SIGNER_KEY]);
    expect(backup.tables.api_tokens!.every((x) => x.revoked_at !== null)).toBe(true);
    expect(backup.tables.invitations!.every((x) => x.accepted_at !== null || x.revoked_at !== null)).toBe(true);
    for (const table of ["sessions", "email_tokens"]) {
      for (const row of backup.tables[table]!) expect(row.expires_at, table).toBe(row.created_at);
    }
  });

  it("every table named as holding secrets is in the backup, with the reason", async () => {
    const backup = await exportBackup(t.db);
    for (const [table, { why }] of Object.entries(SECRET_COLUMNS)) {
      expect(backup.tables[table], table).toBeDefined();
      expect(why.trim()).not.toBe("");
    }
  });

  it("with includeSecrets: everything, as stored", async () => {
    const backup = await exportBackup(t.db, undefined, { includeSecrets: true });
    expect(backup.secrets).toBe("included");
    const text = JSON.stringify(backup);
    for (const secret of await secretsInDatabase()) expect(text).toContain(secret);
  });
});

describe("restoring a backup without secrets", () => {
  let target: TestApp;
  let original: Backup;
  beforeAll(async () => {
    original = await exportBackup(t.db);
    const database = await openTestDatabase();
    await migrate(database);
    await importBackup(database.db, JSON.parse(JSON.stringify(original)));
    const config = {
      ...loadConfig({}),
      webDist: "/nonexistent",
      seedReferenceData: false,
      authRateLimit: 10_000,
      logSignerKey: signerKey,
    };
    target = new TestApp(await prepare(config, { database, logger: false }));
  });
  afterAll(() => target?.close());

  it("no session or API token of the original works", async () => {
    expect((await target.request("GET", "/api/v1/auth/tokens", { as: person.agent })).statusCode).toBe(401);
    const session = await target.request("GET", "/api/v1/auth/session", { as: admin });
    expect(session.json().user).toBeNull();
  });

  it("accounts are there, and sign in again after a password reset", async () => {
    await expect(target.signIn(ADMIN.email, ADMIN.password)).rejects.toThrow(/401/);
    expect(
      (await target.request("POST", "/api/v1/auth/password-reset", { body: { email: ADMIN.email } })).statusCode,
    ).toBe(202);
    // The newest reset email to the admin, as the secretariat would read it in the outbox.
    const { rows } = (await target.db.execute(
      sql`select text from outbox_emails where "to" = ${ADMIN.email} and kind = 'reset_password' order by created_at desc limit 1`,
    )) as unknown as { rows: { text: string }[] };
    const token = /token=([A-Za-z0-9_-]{16,})/.exec(rows[0]!.text)![1]!;
    expect(token).not.toBe("omitted-from-backup");
    const reset = await target.request("POST", "/api/v1/auth/password-reset/confirm", {
      body: { token, password: "a brand new passphrase" },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    await target.signIn(ADMIN.email, "a brand new passphrase");
  });

  it("the log keeps its identity when CONCORDIA_LOG_SIGNER_KEY is given", () => {
    expect(target.started.deps.log.identity.verifierKey).toBe(t.started.deps.log.identity.verifierKey);
  });

  it("without CONCORDIA_LOG_SIGNER_KEY the server refuses to start rather than sign with another key", async () => {
    const database = await openTestDatabase();
    try {
      await migrate(database);
      await importBackup(database.db, JSON.parse(JSON.stringify(original)));
      const config = { ...loadConfig({}), webDist: "/nonexistent", seedReferenceData: false };
      await expect(prepare(config, { database, logger: false })).rejects.toThrow(/signer key|SIGNER_KEY/i);
    } finally {
      await database.close();
    }
  });
});

describe("concordia export", () => {
  const work = mkdtempSync(join(tmpdir(), "concordia-export-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const BIN = fileURLToPath(new URL("../../../../cli/bin/concordia.mjs", import.meta.url));

  it("writes the backup readable by its owner only (0600), secrets left out; the PGlite folder is 0700", async () => {
    const env =
      process.env.CONCORDIA_TEST_DB === "postgres"
        ? { DATABASE_URL: await newPostgresDatabaseUrl() }
        : { CONCORDIA_DATA_DIR: join(work, "data"), DATABASE_URL: "" };
    const file = join(work, "backup.json");
    writeFileSync(file, "an older file, world-readable", { mode: 0o644 });
    const r = spawnSync(process.execPath, [BIN, "export", file, "--json"], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8")).secrets).toBe("omitted");
    if (env.CONCORDIA_DATA_DIR) expect(statSync(join(env.CONCORDIA_DATA_DIR, "db")).mode & 0o777).toBe(0o700);
  });
});
