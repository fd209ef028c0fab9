/**
 * Part (a): bulk import through the CLI, against baselines in the same run.
 *
 * Every run starts from a copy of the same prepared database (migrated, the 20 reference
 * instruments published, one provider organization): on PostgreSQL `CREATE DATABASE … TEMPLATE`,
 * on PGlite a copy of the data folder.
 *
 * - baseline: the same NDJSON file, read by the same streaming reader, INSERTed as is
 *   (`bench_raw(id uuid, document jsonb)`, multi-row, 1,000 per transaction): the floor of getting
 *   the documents into the database;
 * - `concordia registry import` as a child process (`node --import tsx packages/cli/src/main.ts`),
 *   drafts, then `--publish`; its --json summary gives the time split; VmHWM of the process shows
 *   that the input is streamed;
 * - the log's sequencer integrating the published records (what the server does after it);
 * - the existing one-at-a-time path on a sample: `createSystem` per document (drafts), and
 *   `createSystem` + submit + publish per document.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { readDocuments } from "../../packages/cli/src/registry/read.js";
import { SystemDocumentSchema } from "../../packages/contracts/src/index.js";
import type { SystemDocument } from "../../packages/core/src/index.js";
import { loadConfig } from "../../packages/server/src/config.js";
import { type Database, openDatabase } from "../../packages/server/src/db/connection.js";
import type { Call } from "../../packages/server/src/deps.js";
import { createLogService, initLog } from "../../packages/server/src/modules/log/log.service.js";
import { loadLogIdentity } from "../../packages/server/src/modules/log/signer.js";
import { insertOrganization } from "../../packages/server/src/modules/members/directory.service.js";
import { changeStatus, registerSystem } from "../../packages/server/src/modules/registry/systems.service.js";
import { createCatalogCache } from "../../packages/server/src/modules/rules/catalog.js";
import type { RequestContext } from "../../packages/server/src/platform/context.js";
import { prepare } from "../../packages/server/src/server.js";
import { memory, ROOT } from "../lib/proc.js";
import { createDatabase, serverEnv } from "../lib/seed.js";
import { log, now } from "./common.js";
import { makeSystem } from "./generate.js";

export interface CliRun {
  database: "PostgreSQL" | "PGlite";
  path: string;
  systems: number;
  /** From the command's --json summary: the import alone (after start-up, migrations, catalog). */
  seconds: number;
  perSecond: number;
  /** spawn → exit, including tsx start-up, opening the database and migrations. */
  wallSeconds: number;
  /** Peak resident memory of the CLI process (MiB), sampled; and the kernel's VmHWM at the last sample. */
  peakRssMiB: number;
  timings: Record<string, number>;
  distinctProfiles: number;
  distinctClassifications: number;
}

export interface ImportResults {
  fileMiB: number;
  systems: number;
  runs: {
    database: "PostgreSQL" | "PGlite";
    path: string;
    systems: number;
    seconds: number;
    perSecond: number;
  }[];
  cli: CliRun[];
  sequencer: { database: string; records: number; seconds: number; perSecond: number }[];
}

const CLI = "packages/cli/src/main.ts";

/** Writes `n` generated documents as NDJSON; returns the size in bytes. */
async function writeNdjson(file: string, n: number, providers: number): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const line = `${JSON.stringify(makeSystem(i, providers).document)}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return bytes;
}

/** Migrations, the reference instruments, a provider organization: what every run starts from. */
async function prepareDatabase(db: { databaseUrl?: string; dataDir?: string }): Promise<string> {
  const started = await prepare(loadConfig(serverEnv(db, "warn")), { logger: false });
  try {
    return await insertOrganization(started.deps.database.db, {
      name: "Bulk Importer Ltd",
      type: "industry",
      countryCode: "FR",
      status: "member",
      website: null,
      description: "The provider of the imported systems.",
    });
  } finally {
    await started.close();
  }
}

async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`create database ${name} template ${template}`);
  } finally {
    await c.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs the CLI as a child process, forwarding its progress lines; resolves its --json summary. */
async function runCli(
  database: CliRun["database"],
  env: Record<string, string>,
  args: string[],
  systems: number,
): Promise<CliRun> {
  const t0 = now();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on("data", (d: Buffer) => {
    stderr += d.toString();
    for (const line of d.toString().split("\n")) if (line.trim()) log(`  cli: ${line.trim()}`);
  });
  let peak = 0;
  const sampler = setInterval(() => {
    const m = child.pid ? memory(child.pid) : undefined;
    if (m && Number.isFinite(m.hwm)) peak = Math.max(peak, m.hwm);
  }, 200);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  clearInterval(sampler);
  const wallSeconds = (now() - t0) / 1000;
  if (code !== 0) throw new Error(`concordia ${args.join(" ")} exited with ${code}:\n${stderr}\n${stdout}`);
  const s = JSON.parse(stdout);
  if (s.imported !== systems) throw new Error(`expected ${systems} systems, the CLI imported ${s.imported}`);
  return {
    database,
    path: `\`concordia registry import\`${args.includes("--publish") ? " --publish" : ""}`,
    systems: s.imported,
    seconds: s.seconds,
    perSecond: s.imported / s.seconds,
    wallSeconds,
    peakRssMiB: peak,
    timings: s.timings,
    distinctProfiles: s.distinctProfiles,
    distinctClassifications: s.distinctClassifications,
  };
}

/** The baseline: the same file through the same reader, INSERTed as is, 1,000 rows per statement and transaction. */
async function rawInsert(
  file: string,
  exec: (text: string, params: unknown[]) => Promise<unknown>,
): Promise<{ systems: number; seconds: number }> {
  await exec("create table bench_raw (id uuid primary key, document jsonb not null)", []);
  const t0 = now();
  const reader = readDocuments(createReadStream(file, { highWaterMark: 1 << 20 }));
  let batch: unknown[] = [];
  let n = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const values = batch.map((d, i) => {
      params.push(randomUUID(), JSON.stringify(d));
      return `($${2 * i + 1}, $${2 * i + 2})`;
    });
    await exec("begin", []);
    await exec(`insert into bench_raw (id, document) values ${values.join(", ")}`, params);
    await exec("commit", []);
    n += batch.length;
    batch = [];
  };
  for await (const d of reader.documents) {
    batch.push(d);
    if (batch.length === 1000) await flush();
  }
  await flush();
  return { systems: n, seconds: (now() - t0) / 1000 };
}

/** The existing path, one system at a time: createSystem (and submit + publish). */
async function oneByOne(database: Database, organizationId: string, file: string, n: number, publish: boolean) {
  const db = database.db;
  const catalog = await createCatalogCache([])(db);
  // The one-at-a-time services, without waiting for the log (as before): the database and the catalog.
  const result = await db.execute(
    sql`select u.id from users u join memberships m on m.user_id = u.id where m.role = 'secretariat_admin' limit 1`,
  );
  const [admin] = (result as unknown as { rows: { id: string }[] }).rows;
  const ctx: RequestContext = {
    actor: {
      userId: admin!.id,
      emailVerified: true,
      grants: [
        { role: "secretariat_admin", organizationId: randomUUID() },
        { role: "provider", organizationId },
      ],
    },
    tokenId: null,
    sessionId: null,
    requestId: "bench",
    ip: null,
  };
  const docs: SystemDocument[] = [];
  for await (const d of readDocuments(createReadStream(file)).documents) {
    docs.push(SystemDocumentSchema.parse(d) as SystemDocument);
    if (docs.length === n) break;
  }
  const call = { deps: { database, catalog: async () => catalog }, ctx } as unknown as Call;
  const t0 = now();
  for (const doc of docs) {
    const id = await registerSystem(call, { organizationId, document: doc });
    if (publish) {
      await changeStatus(call, { id, action: "submit" });
      await changeStatus(call, { id, action: "publish" });
    }
  }
  return { systems: docs.length, seconds: (now() - t0) / 1000 };
}

async function integrate(database: Database): Promise<{ records: number; seconds: number }> {
  const config = loadConfig(serverEnv({}, "warn"));
  const identity = await loadLogIdentity(database.db, config.logOrigin, config.logSignerKey);
  await initLog(database, identity);
  const pending = async () =>
    (
      (await database.db.execute(sql`select count(*)::int as n from log_entries where idx is null`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n;
  const records = await pending();
  const t0 = now();
  await createLogService(database, identity).sequencer.run();
  const seconds = (now() - t0) / 1000;
  if ((await pending()) !== 0) throw new Error("records left pending after the sequencer ran");
  return { records, seconds };
}

export async function measureImport(o: {
  adminUrl: string;
  tmp: string;
  systems: number;
  pgliteSystems: number;
  single: number;
  singlePublish: number;
  providers: number;
}): Promise<ImportResults> {
  const file = join(o.tmp, "systems.ndjson");
  log(`import: writing ${o.systems} generated documents as NDJSON`);
  const bytes = await writeNdjson(file, o.systems, o.providers);
  log(
    `import: ${(bytes / 2 ** 20).toFixed(1)} MiB; preparing the template database (migrations, 20 instruments, 1 organization)`,
  );
  const templateUrl = await createDatabase(o.adminUrl, "import_template");
  const organizationId = await prepareDatabase({ databaseUrl: templateUrl });
  const results: ImportResults = { fileMiB: bytes / 2 ** 20, systems: o.systems, runs: [], cli: [], sequencer: [] };
  const cliArgs = (f: string) => [
    "registry",
    "import",
    f,
    "--organization",
    organizationId,
    "--batch",
    "1000",
    "--json",
  ];

  // PostgreSQL
  {
    log(`import (PostgreSQL): baseline, ${o.systems} raw multi-row INSERTs`);
    const url = await cloneDatabase(o.adminUrl, "import_template", "import_raw");
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const raw = await rawInsert(file, (text, params) => c.query(text, params));
    await c.end();
    results.runs.push({
      database: "PostgreSQL",
      path: "baseline: same file, same reader, plain multi-row `INSERT` of (id, document)",
      ...raw,
      perSecond: raw.systems / raw.seconds,
    });

    for (const publish of [false, true]) {
      const name = publish ? "import_publish" : "import_draft";
      const dbUrl = await cloneDatabase(o.adminUrl, "import_template", name);
      log(`import (PostgreSQL): concordia registry import, ${o.systems} systems${publish ? ", --publish" : ""}`);
      const run = await runCli(
        "PostgreSQL",
        { DATABASE_URL: dbUrl, CONCORDIA_DATA_DIR: "" },
        [...cliArgs(file), ...(publish ? ["--publish"] : [])],
        o.systems,
      );
      results.cli.push(run);
      if (publish) {
        log("import (PostgreSQL): the sequencer integrates the published records");
        const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 2 });
        try {
          const s = await integrate(database);
          results.sequencer.push({ database: "PostgreSQL", ...s, perSecond: s.records / s.seconds });
        } finally {
          await database.close();
        }
      }
    }

    for (const publish of [false, true]) {
      const n = publish ? o.singlePublish : o.single;
      const dbUrl = await cloneDatabase(o.adminUrl, "import_template", publish ? "import_single_pub" : "import_single");
      log(`import (PostgreSQL): createSystem one by one${publish ? " + submit + publish" : ""}, ${n} systems`);
      const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 2 });
      try {
        const r = await oneByOne(database, organizationId, file, n, publish);
        results.runs.push({
          database: "PostgreSQL",
          path: publish
            ? "one by one: `createSystem` + submit + publish (3 transactions, as through the API)"
            : "one by one: `createSystem` (1 transaction each, as `POST /registry/systems`)",
          ...r,
          perSecond: r.systems / r.seconds,
        });
      } finally {
        await database.close();
      }
    }
  }

  // PGlite: the same, on a smaller file, each run on a copy of a prepared data folder.
  if (o.pgliteSystems > 0) {
    const small = join(o.tmp, "systems-pglite.ndjson");
    execFileSync("sh", ["-c", `head -n ${o.pgliteSystems} '${file}' > '${small}'`]);
    const template = join(o.tmp, "pglite-template");
    mkdirSync(template, { recursive: true });
    log("import (PGlite): preparing the template data folder");
    const pgliteOrg = await prepareDatabase({ dataDir: template });
    const copy = (name: string) => {
      const dir = join(o.tmp, name);
      execFileSync("cp", ["-r", template, dir]);
      return dir;
    };
    log(`import (PGlite): baseline, ${o.pgliteSystems} raw multi-row INSERTs`);
    const rawDir = copy("pglite-raw");
    const client = await PGlite.create({ dataDir: join(rawDir, "db") });
    const raw = await rawInsert(small, (text, params) => client.query(text, params));
    await client.close();
    results.runs.push({
      database: "PGlite",
      path: "baseline: same file, same reader, plain multi-row `INSERT` of (id, document)",
      ...raw,
      perSecond: raw.systems / raw.seconds,
    });
    for (const publish of [false, true]) {
      const dir = copy(publish ? "pglite-publish" : "pglite-draft");
      log(`import (PGlite): concordia registry import, ${o.pgliteSystems} systems${publish ? ", --publish" : ""}`);
      const args = ["registry", "import", small, "--organization", pgliteOrg, "--batch", "1000", "--json"];
      results.cli.push(
        await runCli(
          "PGlite",
          { CONCORDIA_DATA_DIR: dir, DATABASE_URL: "" },
          [...args, ...(publish ? ["--publish"] : [])],
          o.pgliteSystems,
        ),
      );
      if (publish) {
        const database = await openDatabase({ pgliteDataDir: join(dir, "db") });
        try {
          const s = await integrate(database);
          results.sequencer.push({ database: "PGlite", ...s, perSecond: s.records / s.seconds });
        } finally {
          await database.close();
        }
      }
    }
  }
  return results;
}
