/**
 * Transparency-log benchmark: append throughput (service in-process, HTTP) against plain
 * INSERTs, append-to-integration latency, proof latency on 1M / 10M-leaf trees in
 * PostgreSQL, and core tree code next to `merkletreejs`. Run with
 * `node scripts/bench.mjs log` (or `node --import tsx bench/log.bench.ts`).
 * Writes bench/results/log.json and prints Markdown tables; progress goes to stderr.
 *
 * Settings (environment, defaults in brackets): BENCH_LOG_APPENDS records per measured
 * append run [1500], BENCH_LOG_CONCURRENCY concurrent submitters [32],
 * BENCH_LOG_APPEND_SECONDS cap per append run [15], BENCH_LOG_ROUNDS interleaved rounds of
 * the in-process append runs [3], BENCH_LOG_WARMUP [100], BENCH_LOG_BIG largest tree
 * [10000000], BENCH_LOG_SMALL smaller tree [1000000] (BENCH_LOG_BIG=1000000: 1M only),
 * BENCH_LOG_PROOF_QUERIES [200], BENCH_LOG_HTTP_PROOFS [1] (0: skip the HTTP proof
 * queries), BENCH_LOG_MERKLE_SIZES [65536,1048576], BENCH_LOG_PROOF_SECONDS per proof-rate
 * measurement [1], BENCH_LOG_MERKLE_REPS root builds per implementation [5 up to 2^16
 * leaves, 1 above], BENCH_LOG_PARTS [merkle,appends,tree], BENCH_LOG_LEVEL servers' LOG_LEVEL [warn].
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { startPostgres } from "../packages/server/test/postgres-server.js";
import { ROOT } from "./lib/proc.js";
import { table } from "./lib/report.js";
import { createDatabase } from "./lib/seed.js";
import { type AppendResults, measureAppends } from "./log/appends.js";
import { type BigTreeResults, measureBigTree } from "./log/bigtree.js";
import { cleanup, fmt, type LatencySummary, log, onCleanup, setting } from "./log/common.js";
import { type MerkleResults, measureMerkle } from "./log/merkle.js";

const APPENDS = setting("BENCH_LOG_APPENDS", 1500, { max: 1_000_000 });
const CONCURRENCY = setting("BENCH_LOG_CONCURRENCY", 32, { max: 1000 });
const APPEND_SECONDS = setting("BENCH_LOG_APPEND_SECONDS", 15, { max: 3600 });
const ROUNDS = setting("BENCH_LOG_ROUNDS", 3, { max: 10 });
const WARMUP = setting("BENCH_LOG_WARMUP", 100, { max: 100_000 });
const BIG = setting("BENCH_LOG_BIG", 10_000_000, { min: 2, max: 2 ** 40 });
const SMALL = setting("BENCH_LOG_SMALL", 1_000_000, { min: 2, max: 2 ** 40 });
const QUERIES = setting("BENCH_LOG_PROOF_QUERIES", 200, { max: 100_000 });
const HTTP_PROOFS = setting("BENCH_LOG_HTTP_PROOFS", 1, { min: 0, max: 1 }) === 1;
const PROOF_SECONDS = setting("BENCH_LOG_PROOF_SECONDS", 1, { min: 0.05, max: 60 });
const MERKLE_REPS = process.env.BENCH_LOG_MERKLE_REPS ? setting("BENCH_LOG_MERKLE_REPS", 1, { max: 20 }) : undefined;
const MERKLE_SIZES = (process.env.BENCH_LOG_MERKLE_SIZES || "65536,1048576").split(",").map((x) => {
  const n = Number(x);
  if (!Number.isInteger(n) || n < 2 || n > 2 ** 24) throw new Error(`BENCH_LOG_MERKLE_SIZES: bad size "${x}"`);
  return n;
});
const PARTS = new Set((process.env.BENCH_LOG_PARTS || "merkle,appends,tree").split(","));
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? "warn";

for (const event of ["unhandledRejection", "uncaughtException"] as const) {
  process.on(event, (err) => {
    console.error(`${event}:`, err);
    void cleanup().finally(() => process.exit(1));
  });
}
let interrupted = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    interrupted = true;
    log(`${sig}: stopping servers and PostgreSQL`);
    void cleanup().finally(() => process.exit(130));
  });
}

const ms = (x: LatencySummary) => `${fmt(x.p50, 1)} / ${fmt(x.p99, 1)}`;
const pct = (x: number) => `${fmt(x * 100, 1)} %`;
const times = (x: number) => `${fmt(x, x < 10 ? 2 : 1)} ×`;
const perRound = (r: AppendResults, k: "plainTx" | "service") =>
  r.rounds.map((x) => pct(x[k].perSecond / x.plain.perSecond)).join(", ");

function appendTable(results: AppendResults[]): string {
  const rows: (string | number)[][] = [];
  for (const r of results) {
    const base = r.plainPerSecond;
    const runs = (k: "plain" | "plainTx" | "service") => r.rounds.map((x) => fmt(x[k].perSecond)).join(", ");
    rows.push(
      [
        r.database,
        "plain `INSERT` into `bench_plain`, autocommit (**baseline**)",
        fmt(base),
        runs("plain"),
        "100 %",
        "100 %",
      ],
      [
        r.database,
        "same `INSERT` inside `BEGIN`/`COMMIT`",
        fmt(r.plainTxPerSecond),
        runs("plainTx"),
        pct(r.plainTxPerSecond / base),
        perRound(r, "plainTx"),
      ],
      [
        r.database,
        "service: `appendRecord` in a transaction + `awaitIndex`",
        fmt(r.servicePerSecond),
        runs("service"),
        pct(r.servicePerSecond / base),
        perRound(r, "service"),
      ],
      [
        r.database,
        "HTTP `POST /api/v1/log/notarizations` (child server)",
        fmt(r.http.perSecond),
        `${r.http.done} in ${fmt(r.http.seconds, 1)} s${r.http.non201 ? `, ${r.http.non201} non-201` : ""}`,
        pct(r.http.perSecond / base),
        "",
      ],
    );
  }
  return table(
    ["Database", "Path", "Appends/s (median)", "Runs (/s)", "vs plain INSERT (medians)", "vs plain INSERT, per round"],
    rows,
  );
}

function latencyTable(results: AppendResults[]): string {
  return table(
    [
      "Database",
      "Commit → leaf index, p50 / p99 (ms)",
      "Submit → leaf index, p50 / p99 (ms)",
      "DB: integrated_at − submitted_at, p50 / p99 (ms)",
      "Records per checkpoint (mean batch)",
      "HTTP notarize round trip, p50 / p99 (ms)",
    ],
    results.map((r) => [
      r.database,
      ms(r.commitToIndex),
      ms(r.submitToIndex),
      `${fmt(r.dbIntegrationLag.p50, 1)} / ${fmt(r.dbIntegrationLag.p99, 1)}`,
      fmt(r.recordsPerCheckpoint, 1),
      ms(r.http.latency),
    ]),
  );
}

function buildTable(t: BigTreeResults): string {
  return table(
    [
      "Tree size",
      "Build time, cumulative (s)",
      "Leaves/s",
      "Waiting for INSERTs (s)",
      "Tiles written",
      "`log_tiles` size (MiB)",
    ],
    t.sizes.map((s) => [
      s.size.toLocaleString("en"),
      fmt(s.buildSeconds, 1),
      fmt(s.size / s.buildSeconds),
      fmt(s.insertWaitSeconds, 1),
      s.tilesWritten.toLocaleString("en"),
      fmt(s.tileTableMiB),
    ]),
  );
}

function proofTable(t: BigTreeResults): string {
  const rows: (string | number)[][] = [];
  for (const s of t.sizes) {
    const size = s.size.toLocaleString("en");
    rows.push([size, "baseline: one primary-key `SELECT` of a tile (in-process)", ms(s.pkSelect), "1 ×", "", ""]);
    for (const kind of ["inclusion", "consistency"] as const) {
      rows.push([
        size,
        kind === "inclusion" ? "`inclusionProof(call, {index, treeSize})`" : "`consistencyProof(call, {from, to})`",
        ms(s[kind]),
        times(s[kind].p50 / s.pkSelect.p50),
        s.http ? ms(s.http[kind]) : "–",
        s.http ? times(s.http[kind].p50 / s.http.health.p50) : "–",
      ]);
    }
    if (s.http) rows.push([size, "baseline over HTTP: `GET /api/health`", "", "", ms(s.http.health), "1 ×"]);
  }
  return table(
    [
      "Tree size",
      "Query (sequential, random)",
      "In-process p50 / p99 (ms)",
      "p50 vs PK select",
      "HTTP p50 / p99 (ms)",
      "p50 vs /api/health",
    ],
    rows,
  );
}

function computeTable(t: BigTreeResults): string {
  const rows: (string | number)[][] = [];
  for (const s of t.sizes) {
    for (const kind of ["inclusion", "consistency"] as const) {
      rows.push([
        s.size.toLocaleString("en"),
        kind,
        ms(s[kind]),
        ms(s.computeOnly[kind]),
        pct(s.computeOnly[kind].p50 / s[kind].p50),
        fmt(s.computeOnly.tilesPerQuery[kind], 1),
        fmt(s.computeOnly.tileHashesPerQuery[kind]),
      ]);
    }
  }
  return table(
    [
      "Tree size",
      "Proof",
      "Service, p50 / p99 (ms)",
      "Computation only, tiles in memory, p50 / p99 (ms)",
      "Computation / service (p50)",
      "Tiles read per query (mean)",
      "SHA-256 re-deriving tile levels per query (mean)",
    ],
    rows,
  );
}

function merkleTable(m: MerkleResults): string {
  const rows: (string | number)[][] = [];
  for (const n of [...new Set(m.rows.map((r) => r.leaves))]) {
    const group = m.rows.filter((r) => r.leaves === n);
    const baseRoot = group[0]!.rootMs;
    const mtProofs = group.find((r) => r.implementation.startsWith("merkletreejs") && r.proofs > 0)?.proofsPerSecond;
    for (const r of group) {
      rows.push([
        `2^${Math.log2(n)} = ${n.toLocaleString("en")}`,
        r.implementation,
        Number.isNaN(r.rootMs) ? "–" : `${fmt(r.rootMs)} (${r.rootRunsMs.map((x) => fmt(x)).join(", ")})`,
        Number.isNaN(r.rootMs) ? "–" : times(r.rootMs / baseRoot),
        r.proofs ? fmt(r.proofsPerSecond) : "–",
        r.proofs && mtProofs ? times(r.proofsPerSecond / mtProofs) : "–",
      ]);
    }
  }
  return table(
    [
      "Leaves",
      "Implementation",
      "Root from leaf hashes, median ms (runs)",
      "Time vs core merkleTreeHash",
      "Inclusion proofs/s",
      "Proofs/s vs merkletreejs",
    ],
    rows,
  );
}

async function main() {
  const began = Date.now();
  const load0 = loadavg()[0]!;
  const tmp = mkdtempSync(join(tmpdir(), "concordia-bench-log-"));
  onCleanup(() => rmSync(tmp, { recursive: true, force: true }));
  let merkle: MerkleResults | undefined;
  let appends: AppendResults[] = [];
  let tree: BigTreeResults | undefined;

  if (PARTS.has("merkle")) merkle = measureMerkle(MERKLE_SIZES, PROOF_SECONDS, MERKLE_REPS);

  if (PARTS.has("appends") || PARTS.has("tree")) {
    log("starting a throw-away PostgreSQL (loopback, data in a temporary folder)");
    const postgres = await startPostgres();
    onCleanup(() => postgres.stop());
    if (PARTS.has("appends")) {
      const settings = {
        records: APPENDS,
        concurrency: CONCURRENCY,
        maxSeconds: APPEND_SECONDS,
        rounds: ROUNDS,
        warmup: WARMUP,
        logLevel: LOG_LEVEL,
      };
      appends = [
        await measureAppends("PGlite", { dataDir: join(tmp, "pglite") }, settings),
        await measureAppends(
          "PostgreSQL",
          { databaseUrl: await createDatabase(postgres.url, "log_appends") },
          settings,
        ),
      ];
    }
    if (PARTS.has("tree")) {
      tree = await measureBigTree(postgres.url, {
        sizes: SMALL < BIG ? [SMALL, BIG] : [BIG],
        queries: QUERIES,
        http: HTTP_PROOFS,
        logLevel: LOG_LEVEL,
        batchTiles: 256,
      });
    }
  }
  await cleanup();

  const cpu = cpus();
  const result = {
    benchmark: "log",
    date: new Date().toISOString(),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverage: { start: load0, end: loadavg()[0]! },
    },
    settings: {
      appends: APPENDS,
      concurrency: CONCURRENCY,
      appendSeconds: APPEND_SECONDS,
      rounds: ROUNDS,
      warmup: WARMUP,
      sizes: tree?.sizes.map((s) => s.size),
      proofQueries: QUERIES,
      httpProofs: HTTP_PROOFS,
      merkleSizes: MERKLE_SIZES,
      merkleReps: MERKLE_REPS ?? "5 up to 2^16 leaves, 1 above",
      proofSeconds: PROOF_SECONDS,
      parts: [...PARTS],
      logLevel: LOG_LEVEL,
    },
    appends,
    merkle,
    tree,
    totalSeconds: Math.round((Date.now() - began) / 1000),
  };
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(join(ROOT, "bench/results/log.json"), `${JSON.stringify(result, null, 2)}\n`);

  const m = result.machine;
  console.log(`## Transparency-log benchmark, ${result.date.slice(0, 10)}`);
  console.log(
    `\n${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}; load average ${fmt(m.loadAverage.start, 1)} at start, ${fmt(m.loadAverage.end, 1)} at end.\n`,
  );
  if (appends.length) {
    console.log(
      `### Appends (${APPENDS} records per run, ${CONCURRENCY} concurrent submitters, ${ROUNDS} interleaved rounds in-process; HTTP: 1 run)\n`,
    );
    console.log(appendTable(appends));
    console.log("\n### Append to integration (service path; HTTP round trip for comparison)\n");
    console.log(latencyTable(appends));
  }
  if (tree) {
    console.log(`\n### Large trees on PostgreSQL: build\n\n${tree.tileLayoutCheck}.\n`);
    console.log(buildTable(tree));
    console.log(`\n### Proof latency (${QUERIES} random queries of each kind, one at a time; every answer verified)\n`);
    console.log(proofTable(tree));
    console.log("\n### Where the proof time goes (in-process)\n");
    console.log(computeTable(tree));
  }
  if (merkle) {
    console.log("\n### Core tree code vs merkletreejs (same leaf hashes, same process)\n");
    console.log(merkleTable(merkle));
    console.log(`\nChecks: ${merkle.checks.join("; ")}.`);
  }
  console.log(`\nTotal ${result.totalSeconds} s. JSON: bench/results/log.json`);
}

main().catch(async (err) => {
  // After Ctrl-C, requests cut short by the cleanup fail: not worth a stack trace.
  if (!interrupted) console.error(err);
  await cleanup();
  process.exit(1);
});
