/**
 * AI system registry benchmark: (a) bulk import of 100,000 systems through
 * `concordia registry import` (PostgreSQL, then PGlite on a smaller file) next to a raw INSERT of
 * the same documents and the existing one-at-a-time path; (b) search latency over 1,000,000
 * systems on PostgreSQL at 16 concurrent clients, next to the same SQL behind a bare Fastify route.
 * Run with `node scripts/bench.mjs registry` (or `node --import tsx bench/registry.bench.ts`).
 * Writes bench/results/registry.json and prints Markdown tables; progress goes to stderr.
 *
 * Settings (environment, defaults in brackets): BENCH_REGISTRY_IMPORT systems imported [100000],
 * BENCH_REGISTRY_PGLITE_IMPORT systems imported on PGlite [10000] (0: skip PGlite),
 * BENCH_REGISTRY_SINGLE systems through createSystem one by one [1000], BENCH_REGISTRY_SINGLE_PUBLISH
 * through createSystem + submit + publish [300], BENCH_REGISTRY_ROWS systems in the search table
 * [1000000], BENCH_REGISTRY_DISTINCT of them generated, the rest copies in SQL [ROWS / 10],
 * BENCH_REGISTRY_PROVIDERS [300], BENCH_REGISTRY_CONCURRENCY [16], BENCH_REGISTRY_SECONDS
 * measured per round and target [12], BENCH_REGISTRY_WARMUP [1], BENCH_REGISTRY_ROUNDS [3],
 * BENCH_REGISTRY_SEQUENTIAL one-client requests per shape and target [3], BENCH_REGISTRY_SHARED_BUFFERS
 * PostgreSQL's shared_buffers [4GB], BENCH_REGISTRY_PARTS [import,search].
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { findPostgresBin, startPostgres } from "../packages/server/test/postgres-server.js";
import { ROOT } from "./lib/proc.js";
import { table } from "./lib/report.js";
import type { Latency } from "./registry/common.js";
import { cleanup, fmt, log, onCleanup, setting } from "./registry/common.js";
import { type ImportResults, measureImport } from "./registry/import.js";
import { measureSearch, type SearchResults, type ShapeResult, TARGETS, type TargetName } from "./registry/search.js";

const IMPORT = setting("BENCH_REGISTRY_IMPORT", 100_000, { max: 10_000_000 });
const PGLITE_IMPORT = setting("BENCH_REGISTRY_PGLITE_IMPORT", 10_000, { min: 0, max: 10_000_000 });
const SINGLE = setting("BENCH_REGISTRY_SINGLE", 1000, { max: 100_000 });
const SINGLE_PUBLISH = setting("BENCH_REGISTRY_SINGLE_PUBLISH", 300, { max: 100_000 });
const ROWS = setting("BENCH_REGISTRY_ROWS", 1_000_000, { max: 50_000_000 });
const DISTINCT = Math.min(ROWS, setting("BENCH_REGISTRY_DISTINCT", Math.ceil(ROWS / 10), { max: 50_000_000 }));
const PROVIDERS = setting("BENCH_REGISTRY_PROVIDERS", 300, { max: 100_000 });
const CONCURRENCY = setting("BENCH_REGISTRY_CONCURRENCY", 16, { max: 1000 });
const SECONDS = setting("BENCH_REGISTRY_SECONDS", 12, { max: 3600 });
const WARMUP = setting("BENCH_REGISTRY_WARMUP", 1, { min: 0, max: 600 });
const ROUNDS = setting("BENCH_REGISTRY_ROUNDS", 3, { max: 10 });
const SEQUENTIAL = setting("BENCH_REGISTRY_SEQUENTIAL", 3, { max: 1000 });
// A server's memory for its pages (about a sixth of this machine's 24 GiB), instead of the 128 MB default.
const POSTGRES_SETTINGS = { shared_buffers: process.env.BENCH_REGISTRY_SHARED_BUFFERS || "4GB" };
const PARTS = new Set((process.env.BENCH_REGISTRY_PARTS || "import,search").split(","));

for (const event of ["unhandledRejection", "uncaughtException"] as const) {
  process.on(event, (err) => {
    console.error(`${event}:`, err);
    void cleanup().finally(() => process.exit(1));
  });
}
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping servers and PostgreSQL`);
    void cleanup().finally(() => process.exit(130));
  });
}

const pct = (x: number) => `${fmt(x * 100, 1)} %`;
const s = (x: number) => fmt(x / 1000, 1);

function importTables(r: ImportResults): string {
  const out: string[] = [];
  for (const database of ["PostgreSQL", "PGlite"] as const) {
    const base = r.runs.find((x) => x.database === database && x.path.startsWith("baseline"));
    if (!base) continue;
    const rows: (string | number)[][] = [];
    rows.push([
      `${base.path} (**baseline**)`,
      base.systems,
      fmt(base.seconds, 1),
      fmt(base.perSecond),
      "100 %",
      "",
      "",
    ]);
    for (const c of r.cli.filter((x) => x.database === database)) {
      rows.push([
        c.path,
        c.systems,
        fmt(c.seconds, 1),
        fmt(c.perSecond),
        pct(c.perSecond / base.perSecond),
        fmt(c.wallSeconds, 1),
        fmt(c.peakRssMiB),
      ]);
    }
    for (const x of r.runs.filter((y) => y.database === database && !y.path.startsWith("baseline"))) {
      rows.push([x.path, x.systems, fmt(x.seconds, 1), fmt(x.perSecond), pct(x.perSecond / base.perSecond), "", ""]);
    }
    for (const q of r.sequencer.filter((y) => y.database === database)) {
      rows.push([
        "then: the log's sequencer integrates the published records",
        q.records,
        fmt(q.seconds, 1),
        `${fmt(q.perSecond)} records/s`,
        "",
        "",
        "",
      ]);
    }
    out.push(
      `#### ${database}\n\n${table(
        ["Path", "Systems", "Seconds", "Systems/s", "vs baseline", "CLI wall time (s)", "CLI peak RSS (MiB)"],
        rows,
      )}`,
    );
  }
  const split = table(
    ["Run", "Read", "Validate", "Classify + rows", "Log records", "INSERTs + audit", "BEGIN/COMMIT, rest", "Total (s)"],
    r.cli.map((c) => {
      const t = c.timings;
      const total = c.seconds * 1000;
      const cell = (ms: number) => `${s(ms)} (${fmt((ms / total) * 100)} %)`;
      return [
        `${c.database}, ${c.path}`,
        cell(t.read!),
        cell(t.validate!),
        cell(t.prepare!),
        cell(t.log!),
        cell(t.insert!),
        cell(t.commit!),
        fmt(c.seconds, 1),
      ];
    }),
  );
  out.push(`#### Where the import's time goes (seconds, share of the import)\n\n${split}`);
  return out.join("\n\n");
}

const TARGET_LABEL: Record<TargetName, string> = {
  bare: "bare Fastify, same SQL (**baseline**)",
  concordia: "Concordia `GET /api/v1/registry/systems`",
};

function searchTables(r: SearchResults): string {
  const l3 = (x: Latency | undefined) =>
    x && x.n > 0 ? `${fmt(x.p50, 1)} / ${fmt(x.p95, 1)} / ${fmt(x.p99, 1)}` : "–";
  const mixed = table(
    ["Server", "Requests/s", "p50 (ms)", "p95 (ms)", "p99 (ms)", "Requests", "p95 × baseline", "Non-200 / errors"],
    TARGETS.map((k) => {
      const m = r.mixed[k];
      return [
        TARGET_LABEL[k],
        fmt(m.perSecond, 1),
        fmt(m.p50, 1),
        fmt(m.p95, 1),
        fmt(m.p99, 1),
        m.n,
        fmt(m.p95 / r.mixed.bare.p95, 2),
        `${m.non200} / ${m.errors}`,
      ];
    }),
  );
  const shapeName = (x: ShapeResult) =>
    `${x.shape}: \`${decodeURIComponent(x.url.replace("/api/v1/registry/systems", "")) || "(none)"}\``;
  const shapes = table(
    [
      "Query",
      "Total",
      "Order",
      "Statements: first call → estimate cached",
      "Concordia p50 / p95 / p99 (ms)",
      "Bare, same SQL p50 / p95 / p99 (ms)",
      "One client: Concordia / bare p50 (ms)",
      "EXPLAIN ANALYZE of a first call's statements (ms)",
    ],
    r.shapes.map((x) => [
      shapeName(x),
      x.totalIsEstimate ? `about ${x.total.toLocaleString("en")} (estimate)` : x.total,
      x.rankedByRelevance ? "relevance" : x.url.includes("sort=name") ? "name" : "newest first",
      `${x.coldStatements} → ${x.statements}`,
      l3(x.load.concordia),
      l3(x.load.bare),
      `${fmt(x.alone.concordia.p50, 1)} / ${fmt(x.alone.bare.p50, 1)}`,
      x.explain.map((e) => (Number.isNaN(e.ms) ? "estimate" : fmt(e.ms, 1))).join(" + "),
    ]),
  );
  const rounds = table(
    ["Server", "Round", "Requests/s", "p50", "p95", "p99"],
    r.perRound.map((x) => [x.target, x.round, fmt(x.perSecond, 1), fmt(x.p50, 1), fmt(x.p95, 1), fmt(x.p99, 1)]),
  );
  const f = r.fill;
  const fill = `${r.rows.toLocaleString("en")} systems, ${f.distinct.toLocaleString("en")} generated and the rest copied from them (${Object.entries(
    f.statuses,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(
      ", ",
    )}), ${r.providers} providers; table ${fmt(f.tableMiB)} MiB, indexes ${fmt(f.indexesMiB)} MiB; PostgreSQL ${Object.entries(
    r.postgresSettings,
  )
    .map(([k, v]) => `${k}=${v}`)
    .join(
      ", ",
    )}. Fill: generated rows ${fmt(f.generatedSeconds)} s, copies ${fmt(f.copySeconds)} s, log entries ${fmt(f.logEntriesSeconds)} s, index rebuild ${fmt(f.indexSeconds)} s, ANALYZE ${fmt(f.analyzeSeconds)} s.`;
  return [
    fill,
    `#### Mixed workload (${r.concurrency} clients, ${r.rounds} × ${r.seconds} s per server, interleaved)`,
    mixed,
    "#### Per query shape",
    shapes,
    "#### Per round",
    rounds,
  ].join("\n\n");
}

async function main() {
  const began = Date.now();
  const load = loadavg();
  const tmp = mkdtempSync(join(tmpdir(), "concordia-bench-registry-"));
  onCleanup(() => rmSync(tmp, { recursive: true, force: true }));
  log("starting a throw-away PostgreSQL");
  const postgres = await startPostgres({ settings: POSTGRES_SETTINGS });
  onCleanup(() => postgres.stop());
  const c = new pg.Client({ connectionString: postgres.url });
  await c.connect();
  const pgVersion = (await c.query("show server_version")).rows[0].server_version as string;
  await c.end();
  const bin = findPostgresBin();

  let imported: ImportResults | undefined;
  let search: SearchResults | undefined;
  if (PARTS.has("import")) {
    imported = await measureImport({
      adminUrl: postgres.url,
      tmp,
      systems: IMPORT,
      pgliteSystems: PGLITE_IMPORT,
      single: SINGLE,
      singlePublish: SINGLE_PUBLISH,
      providers: PROVIDERS,
    });
  }
  if (PARTS.has("search")) {
    search = await measureSearch({
      adminUrl: postgres.url,
      tmp,
      rows: ROWS,
      distinct: DISTINCT,
      providers: PROVIDERS,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      warmup: WARMUP,
      rounds: ROUNDS,
      sequentialReps: SEQUENTIAL,
      postgresSettings: POSTGRES_SETTINGS,
    });
  }
  await cleanup();

  const cpu = cpus();
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {}
  const result = {
    benchmark: "registry",
    date: new Date().toISOString(),
    commit,
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: pgVersion,
      postgresBin: bin,
      loadAverageAtStart: load.map((x) => Math.round(x * 100) / 100),
      loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
    },
    settings: {
      import: IMPORT,
      pgliteImport: PGLITE_IMPORT,
      single: SINGLE,
      singlePublish: SINGLE_PUBLISH,
      rows: ROWS,
      distinct: DISTINCT,
      providers: PROVIDERS,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      warmup: WARMUP,
      rounds: ROUNDS,
      sequential: SEQUENTIAL,
      postgresSettings: POSTGRES_SETTINGS,
      parts: [...PARTS],
    },
    import: imported,
    search,
    totalSeconds: Math.round((Date.now() - began) / 1000),
  };
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(join(ROOT, "bench/results/registry.json"), `${JSON.stringify(result, null, 2)}\n`);

  console.log(`## AI system registry benchmark, ${result.date.slice(0, 16)} UTC`);
  console.log(
    `\n${cpu.length} × ${result.machine.cpuModel}, Node ${process.version}, PostgreSQL ${pgVersion}; load average ${result.machine.loadAverageAtStart.join(" / ")} at the start, ${result.machine.loadAverageAtEnd.join(" / ")} at the end; commit ${commit}.\n`,
  );
  if (imported) {
    console.log(
      `### Bulk import (${IMPORT} systems, ${fmt(imported.fileMiB, 1)} MiB of NDJSON; PGlite: ${PGLITE_IMPORT})\n`,
    );
    console.log(importTables(imported));
  }
  if (search) {
    console.log(`\n### Search over ${ROWS.toLocaleString("en")} systems (PostgreSQL)\n`);
    console.log(searchTables(search));
  }
  console.log(`\nTotal ${result.totalSeconds} s. JSON (with the query plans): bench/results/registry.json`);
}

main().catch(async (err) => {
  console.error(err);
  await cleanup();
  process.exit(1);
});
