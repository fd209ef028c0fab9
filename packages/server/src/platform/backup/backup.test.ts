import {
  cosignCheckpoint,
  formatVerifierKey,
  generateNoteKeyPair,
  parseSignerKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
} from "@concordia/core";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAgent, createTestApp, openTestDatabase, type TestApp } from "../../../test/harness.js";
import { cvScreeningDocument, registryDataDir } from "../../../test/registry-fixture.js";
import { BackupError, backupPlan, exportBackup, importBackup } from "../../backup.js";
import { migrate } from "../../db/migrate.js";
import { MODULES } from "../../modules/index.js";
import { PLATFORM_TABLES } from "../tables.js";

let t: TestApp;
beforeAll(async () => {
  // Instruments (fixtures) so the rules and registry tables get rows too.
  t = await createTestApp({ seedReferenceData: true, referenceDataDir: registryDataDir() });
  // Data in every table: organizations, states, people with roles, sessions, tokens, invitations, emails, audit events.
  const admin = await adminAgent(t);
  await t.request("PUT", "/api/v1/members/states/BR", { as: admin, body: { status: "member" } });
  const org = await t.organization({ name: "Ministério da Ciência", countryCode: "BR" });
  await t.person("member_delegate", { organizationId: org, name: "Ana — 安娜 — آنا" });
  await t.request("POST", "/api/v1/members/invitations", {
    as: admin,
    body: { email: "inv@example.org", organizationId: org, role: "auditor" },
  });
  await t.request("POST", "/api/v1/auth/sign-up", {
    body: { email: "new@example.org", password: "a good long password", name: "New" },
  });
  // The transparency log too: a witness and its cosignature of the latest checkpoint.
  const witness = parseSignerKey(generateNoteKeyPair("witness.example", new Uint8Array(32).fill(3)).signerKey);
  const verifierKey = formatVerifierKey({
    name: witness.name,
    type: SIGNATURE_TYPE_COSIGNATURE_V1,
    publicKey: witness.publicKey,
  });
  const registered = await t.request("POST", "/api/v1/log/witnesses", {
    as: admin,
    body: { verifierKey, countryCode: "BR" },
  });
  expect(registered.statusCode).toBe(201);
  const note = (await t.request("GET", "/log/checkpoint")).body;
  const size = Number(note.split("\n")[1]);
  const cosignature = cosignCheckpoint(
    note.slice(0, note.indexOf("\n\n") + 1),
    witness,
    Math.floor(Date.now() / 1000),
  ).trim();
  expect((await t.request("POST", "/api/v1/log/cosignatures", { body: { size, cosignature } })).statusCode).toBe(201);
  // The register: a system with a changed risk, an answered assessment and its evidence file.
  const provider = await t.person("provider", { organizationId: org });
  const system = await t.request("POST", "/api/v1/registry/systems", {
    as: provider.agent,
    body: { organizationId: org, document: cvScreeningDocument() },
  });
  const systemId = system.json().id as string;
  const risk = await t.request("POST", `/api/v1/registry/systems/${systemId}/risks`, {
    as: provider.agent,
    body: {
      taxonomy: "nist-ai-600-1",
      categoryCode: "confabulation",
      title: "t",
      likelihood: 2,
      impact: 2,
      owner: "o",
      reviewDate: "2027-01-01",
    },
  });
  await t.request("PATCH", `/api/v1/registry/risks/${risk.json().id}`, { as: provider.agent, body: { impact: 3 } });
  const evidence = await t.request("POST", "/api/v1/registry/evidence", {
    as: provider.agent,
    body: { organizationId: org, fileName: "e.txt", contentBase64: Buffer.from("evidence").toString("base64") },
  });
  const assessment = await t.request("POST", `/api/v1/registry/systems/${systemId}/assessments`, {
    as: provider.agent,
    body: { kind: "nist-ai-rmf" },
  });
  const question = encodeURIComponent(assessment.json().questions[0].id);
  const answered = await t.request("PUT", `/api/v1/registry/assessments/${assessment.json().id}/answers/${question}`, {
    as: provider.agent,
    body: { answer: "yes", evidence: [evidence.json().sha256] },
  });
  expect(answered.statusCode, answered.body).toBe(200);
  // Submitted for review, so the register's review record has a row too.
  const submitted = await t.request("POST", `/api/v1/registry/systems/${systemId}/transitions`, {
    as: provider.agent,
    body: { action: "submit" },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
});
afterAll(() => t.close());

const withoutTimestamp = (b: { exportedAt?: string }) => ({ ...b, exportedAt: undefined });

describe("what a backup holds", () => {
  it("every table of the database is backed up or excluded with a reason", async () => {
    const rows = await t.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const inDatabase = (rows as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name).sort();
    const plan = backupPlan();
    const covered = [...plan.tables.map((x) => x.name), ...Object.keys(plan.excluded)].sort();
    expect(covered).toEqual(inDatabase);
    for (const [table, reason] of Object.entries(plan.excluded)) expect(reason.trim(), table).not.toBe("");
  });

  it("orders tables so that a table comes after the ones its foreign keys reference", () => {
    const order = backupPlan().tables.map((x) => x.name);
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before("users", "memberships");
    before("organizations", "memberships");
    before("registry_systems", "registry_system_versions");
    before("log_witnesses", "log_cosignatures");
    before("log_checkpoints", "log_cosignatures");
    before("registry_evidence_blobs", "registry_evidence");
  });
});

describe("export and import", () => {
  it("export → import into an empty database reproduces the same data", async () => {
    const original = await exportBackup(t.db);
    // The fixture above fills every table of the platform and of these modules; a newer module's
    // tables are round-tripped too (the plan holds them), filled by its own tests if it adds rows here.
    const filled = new Set(["members", "log", "rules", "registry"]);
    const fixtureTables = [PLATFORM_TABLES, ...MODULES.filter((m) => filled.has(m.name)).map((m) => m.tables)]
      .flatMap((set) => Object.values(set))
      .filter((v): v is PgTable => is(v, PgTable))
      .map((table) => getTableConfig(table).name)
      .filter((name) => !(name in backupPlan().excluded));
    for (const table of fixtureTables) expect(original.tables[table]?.length, table).toBeGreaterThan(0);
    const target = await openTestDatabase();
    try {
      await migrate(target);
      const counts = await importBackup(target.db, JSON.parse(JSON.stringify(original)));
      expect(counts.users).toBe(original.tables.users!.length);
      const restored = await exportBackup(target.db);
      expect(withoutTimestamp(restored)).toEqual(withoutTimestamp(original));
    } finally {
      await target.close();
    }
  });

  it("refuses to import into a database that has data, and changes nothing", async () => {
    const original = await exportBackup(t.db);
    await expect(importBackup(t.db, original)).rejects.toThrow(/not empty/);
    expect(withoutTimestamp(await exportBackup(t.db))).toEqual(withoutTimestamp(original));
  });

  it("refuses files that are not backups of this format and schema", async () => {
    const original = await exportBackup(t.db);
    await expect(importBackup(t.db, { hello: 1 })).rejects.toBeInstanceOf(BackupError);
    await expect(importBackup(t.db, { ...original, formatVersion: 99 })).rejects.toThrow(/version 99/);
    await expect(importBackup(t.db, { ...original, migration: "1" })).rejects.toThrow(/schema/);
  });

  it("a failing import writes nothing (all or nothing)", async () => {
    const original = await exportBackup(t.db);
    const broken = structuredClone(original);
    // A membership pointing at a user that does not exist: a foreign key violation mid-import.
    broken.tables.memberships!.push({
      ...broken.tables.memberships![0]!,
      id: "11111111-1111-4111-8111-111111111111",
      user_id: "22222222-2222-4222-8222-222222222222",
    });
    const target = await openTestDatabase();
    try {
      await migrate(target);
      await expect(importBackup(target.db, broken)).rejects.toThrow();
      const after = await exportBackup(target.db);
      for (const rows of Object.values(after.tables)) expect(rows).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
