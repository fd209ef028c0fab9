import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SystemDocument } from "@concordia/core";
import { type Database, loadConfig, openDatabase, prepare } from "@concordia/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPostgresDatabaseUrl, sessionAgent } from "../../../server/test/harness.js";
import { cvScreeningDocument, registryDataDir } from "../../../server/test/registry-fixture.js";

const BIN = fileURLToPath(new URL("../../bin/concordia.mjs", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "concordia-registry-import-"));
const referenceData = registryDataDir();
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(referenceData, { recursive: true, force: true });
});

let env: Record<string, string>;
let organizationId: string;

/** The database of this test project, opened in this process (PGlite: only while no CLI runs). */
const open = (): Promise<Database> =>
  env.DATABASE_URL
    ? openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 })
    : openDatabase({ pgliteDataDir: join(env.CONCORDIA_DATA_DIR!, "db") });

beforeAll(async () => {
  env = {
    CONCORDIA_REFERENCE_DATA_DIR: referenceData,
    ...(process.env.CONCORDIA_TEST_DB === "postgres"
      ? { DATABASE_URL: await newPostgresDatabaseUrl() }
      : { CONCORDIA_DATA_DIR: join(work, "data"), DATABASE_URL: "" }),
  };
  // The server's first start: migrations, the reference instruments, then a provider organization.
  const config = loadConfig({
    ...env,
    CONCORDIA_ADMIN_EMAIL: "admin@example.org",
    CONCORDIA_ADMIN_PASSWORD: "correct-horse-battery-staple",
  });
  const started = await prepare(config, { logger: false });
  const signIn = await started.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { email: config.adminEmail, password: config.adminPassword },
  });
  const admin = sessionAgent(signIn);
  const created = await started.app.inject({
    method: "POST",
    url: "/api/v1/members/organizations",
    headers: { cookie: admin.cookie!, "x-csrf-token": admin.csrf! },
    payload: { name: "Registre Importateur 导入", type: "industry", countryCode: "FR", status: "member" },
  });
  expect(created.statusCode, created.body).toBe(201);
  organizationId = created.json().id;
  await started.close();
}, 120_000);

const NAMES = [
  "Talent ranker",
  "Évaluateur de crédit",
  "Оценщик рисков",
  "智能客服助手",
  "مساعد التوظيف",
  "Asistente legal",
];

/** `n` valid documents, names in several languages, three profiles. */
function documents(n: number, tag: string): SystemDocument[] {
  return Array.from({ length: n }, (_, i) => {
    const doc = cvScreeningDocument({ name: `${tag} ${NAMES[i % NAMES.length]} ${i}` });
    if (i % 3 === 1) doc.profile = { ...doc.profile, purposes: ["general"], places: { used: ["ZZ"] } };
    if (i % 3 === 2) doc.profile = { ...doc.profile, functions: ["chatbot"] };
    return doc;
  });
}

function concordia(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, "registry", "import", ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function count(prefix: string): Promise<{ n: number; published: number; classified: number }> {
  const database = await open();
  try {
    const r = await database.db.execute(
      sql`select count(*)::int as n, count(*) filter (where status = 'published')::int as published,
              count(*) filter (where cardinality(categories) > 0)::int as classified
         from registry_systems where name like ${`${prefix} %`}`,
    );
    return (r as unknown as { rows: { n: number; published: number; classified: number }[] }).rows[0]!;
  } finally {
    await database.close();
  }
}

describe("concordia registry import", { timeout: 240_000 }, () => {
  it("imports NDJSON in batches, with a summary", async () => {
    const file = join(work, "systems.ndjson");
    const lines = documents(300, "Nd").map((d) => JSON.stringify(d));
    lines.splice(150, 0, ""); // a blank line is skipped
    writeFileSync(file, `${lines.join("\r\n")}\n`);
    const r = concordia([file, "--organization", organizationId, "--batch", "100", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      imported: 300,
      batches: 3,
      published: false,
      distinctProfiles: 3,
      database: process.env.CONCORDIA_TEST_DB === "postgres" ? "postgres" : "pglite",
      instrumentsSeeded: 0,
    });
    expect(await count("Nd")).toMatchObject({ n: 300, published: 0 });
    expect((await count("Nd")).classified).toBeGreaterThan(0);
    const human = concordia([file, "--organization", organizationId]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Imported 300 systems as drafts into \w+ in [\d.]+ s: \d+ systems\/s\./);
  });

  it("imports a JSON array from stdin and publishes", async () => {
    const r = concordia(
      ["-", "--organization", organizationId, "--publish", "--json"],
      JSON.stringify(documents(40, "Arr"), null, 2),
    );
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ imported: 40, published: true, batches: 1 });
    expect(s.logSeqs.last - s.logSeqs.first).toBe(39);
    expect(await count("Arr")).toMatchObject({ n: 40, published: 40 });
  });

  it("stops at an invalid line with its number and field path; earlier batches stay", async () => {
    const file = join(work, "invalid.ndjson");
    const docs: unknown[] = documents(260, "Bad");
    (docs[249] as Record<string, unknown>).deploymentCountries = ["France"];
    writeFileSync(file, `${docs.map((d) => JSON.stringify(d)).join("\n")}\n`);
    const r = concordia([file, "--organization", organizationId, "--batch", "100"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("line 250 (document 250) is not a valid system document");
    expect(r.stderr).toContain("deploymentCountries.0:");
    expect(r.stderr).toContain("The first 200 systems (up to line 200) were stored");
    expect(r.stderr).toContain(`tail -n +201 ${file}`);
    expect(await count("Bad")).toMatchObject({ n: 200 });

    const json = concordia([file, "--organization", organizationId, "--batch", "1000", "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      imported: 0,
      error: { line: 250, document: 250, issues: [{ path: "deploymentCountries.0" }] },
    });
    expect(await count("Bad")).toMatchObject({ n: 200 });
  });

  it("explains bad input and bad usage with exit code 2", async () => {
    const broken = concordia(
      ["-", "--organization", organizationId],
      `${JSON.stringify(documents(1, "Br")[0])}\n{"name":\n`,
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("line 2: not valid JSON");
    expect(broken.stderr).toContain("Nothing was stored.");
    expect(await count("Br")).toMatchObject({ n: 0 });

    const noOrg = concordia(["-", "--organization", "7f0c1f3e-8a5b-4a40-9c39-2d0f6b0e2a11"], "");
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain("--organization: no such organization");
    expect(concordia(["-", "--organization", "acme"], "").stderr).toContain("must be an organization id");
    expect(concordia(["-", "--organization", organizationId, "--batch", "0"], "").code).toBe(2);
    expect(concordia([join(work, "missing.ndjson"), "--organization", organizationId]).stderr).toContain("cannot read");
    expect(concordia(["-"]).code).toBe(2);
  });
});
