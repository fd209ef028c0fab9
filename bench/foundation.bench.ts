/**
 * Foundation benchmark: cold start, HTTP throughput and memory of the Concordia
 * server (on PGlite and on PostgreSQL) against a bare Fastify server started the
 * same way. Run with `npm run bench` (or `node --import tsx bench/foundation.bench.ts`).
 * Writes bench/results/foundation.json and prints Markdown tables.
 *
 * Settings (environment): BENCH_DURATION (s per measured run, 10), BENCH_WARMUP (s, 2),
 * BENCH_ROUNDS (interleaved rounds, 2), BENCH_CONNECTIONS (50), BENCH_COLD_REPS (3),
 * BENCH_LOG_LEVEL (server LOG_LEVEL, "warn": no per-request log lines).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import {
  type RunningPostgres as BenchPostgres,
  startPostgres as startBenchPostgres,
} from "../packages/server/test/postgres-server.js";
import { freePort, ROOT, type Server, spawnServer, status } from "./lib/proc.js";
import {
  type ColdStart,
  coldStartTable,
  type Memory,
  median,
  memoryTable,
  type Throughput,
  throughputTable,
} from "./lib/report.js";
import { createDatabase, seed, serverEnv } from "./lib/seed.js";

function setting(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}
const DURATION = setting("BENCH_DURATION", 10);
const WARMUP = setting("BENCH_WARMUP", 2);
const ROUNDS = Math.min(setting("BENCH_ROUNDS", 2), 10);
const CONNECTIONS = setting("BENCH_CONNECTIONS", 50);
const COLD_REPS = Math.min(setting("BENCH_COLD_REPS", 3), 10);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? "warn";
const ORGS = 50;
const CONCORDIA = "packages/server/src/main.ts";
const BARE = "bench/bare-server.ts";
const ORGS_PATH = "/api/v1/members/organizations";

const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

// Cleanup runs once, newest first, on success, error or Ctrl-C.
const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error("cleanup failed:", err);
      }
    }
  })();
  return cleaning;
}
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping servers and PostgreSQL`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function start(name: string, script: string, env: Record<string, string>, healthPath: string, sample = false) {
  const server = await spawnServer({ name, script, env, port: await freePort(), healthPath, sample });
  cleanups.push(() => server.stop());
  return server;
}

/** Spawns, waits for the first 200, stops: the time to healthy. */
async function coldStart(name: string, script: string, env: Record<string, string>, healthPath: string) {
  const server = await spawnServer({ name, script, env, port: await freePort(), healthPath });
  await server.stop();
  return server.readyMs;
}

async function measureColdStarts(tmp: string, postgres: BenchPostgres): Promise<ColdStart[]> {
  let n = 0;
  const pgliteEnv = () => serverEnv({ dataDir: join(tmp, `cold-${n++}`) }, LOG_LEVEL);
  const postgresEnv = async () =>
    serverEnv({ databaseUrl: await createDatabase(postgres.url, `cold_${n++}`) }, LOG_LEVEL);
  // One untimed start of each script first: tsx's compile cache and the OS file cache get warm.
  log("cold start: warming the tsx cache");
  await coldStart("bare", BARE, {}, "/bare");
  await coldStart("concordia", CONCORDIA, pgliteEnv(), "/api/health");
  const runs: Record<string, number[]> = { bare: [], pglite: [], postgres: [] };
  for (let i = 0; i < COLD_REPS; i++) {
    log(`cold start: round ${i + 1}/${COLD_REPS}`);
    runs.bare!.push(await coldStart("bare", BARE, {}, "/bare"));
    runs.pglite!.push(await coldStart("concordia (PGlite)", CONCORDIA, pgliteEnv(), "/api/health"));
    runs.postgres!.push(await coldStart("concordia (PostgreSQL)", CONCORDIA, await postgresEnv(), "/api/health"));
  }
  const bare = median(runs.bare!);
  const names = {
    bare: "Bare Fastify (`bench/bare-server.ts`)",
    pglite: "Concordia, fresh PGlite data dir",
    postgres: "Concordia, fresh PostgreSQL database",
  };
  return Object.entries(runs).map(([k, v]) => ({
    name: names[k as keyof typeof names],
    runsMs: v,
    medianMs: median(v),
    vsBare: median(v) / bare,
  }));
}

interface Target {
  target: string;
  database: string;
  server: Server;
  path: string;
  headers?: Record<string, string>;
}

async function load(t: Target, seconds: number) {
  const r = await autocannon({
    url: t.server.url + t.path,
    connections: CONNECTIONS,
    duration: seconds,
    headers: t.headers,
  });
  return {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

async function measureThroughput(tmp: string, postgres: BenchPostgres) {
  log(`throughput: seeding ${ORGS} organizations, a person and an API token (PGlite, PostgreSQL)`);
  const pgliteDb = { dataDir: join(tmp, "load-pglite") };
  const postgresDb = { databaseUrl: await createDatabase(postgres.url, "load_postgres") };
  const pgliteToken = await seed(pgliteDb, ORGS);
  const postgresToken = await seed(postgresDb, ORGS);

  log("throughput: starting the servers");
  const bare = await start("bare", BARE, {}, "/bare", true);
  const pglite = await start("concordia (PGlite)", CONCORDIA, serverEnv(pgliteDb, LOG_LEVEL), "/api/health", true);
  const pgServer = await start(
    "concordia (PostgreSQL)",
    CONCORDIA,
    serverEnv(postgresDb, LOG_LEVEL),
    "/api/health",
    true,
  );
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const targets: Target[] = [
    { target: "bare", database: "–", server: bare, path: "/bare" },
    { target: "health", database: "PGlite", server: pglite, path: "/api/health" },
    { target: "orgs+token", database: "PGlite", server: pglite, path: ORGS_PATH, headers: auth(pgliteToken) },
    { target: "health", database: "PostgreSQL", server: pgServer, path: "/api/health" },
    { target: "orgs+token", database: "PostgreSQL", server: pgServer, path: ORGS_PATH, headers: auth(postgresToken) },
  ];
  for (const t of targets) {
    const code = await status(t.server.url + t.path, t.headers);
    if (code !== 200) throw new Error(`${t.server.name} ${t.path} answered ${code}, expected 200`);
  }
  const servers = [bare, pglite, pgServer];
  const idle = new Map(servers.map((s) => [s, s.memory()?.rss ?? Number.NaN]));
  for (const s of servers) s.resetPeak();

  const results = new Map<Target, Throughput["rounds"]>(targets.map((t) => [t, []]));
  for (let r = 0; r < ROUNDS; r++) {
    // Interleaved, and each round starts at a different target, so drift on a shared machine spreads out.
    const order = targets.map((_, i) => targets[(i + r) % targets.length]!);
    for (const t of order) {
      log(`throughput round ${r + 1}/${ROUNDS}: ${t.database} ${t.path} (${WARMUP} s warm-up + ${DURATION} s)`);
      await load(t, WARMUP);
      results.get(t)!.push(await load(t, DURATION));
    }
  }

  const bareRps = median(results.get(targets[0]!)!.map((x) => x.reqPerSec));
  const throughput: Throughput[] = targets.map((t) => {
    const rounds = results.get(t)!;
    const rps = median(rounds.map((x) => x.reqPerSec));
    return {
      target: t.target,
      database: t.database,
      path: t.path,
      rounds,
      reqPerSec: rps,
      p50: median(rounds.map((x) => x.p50)),
      p99: median(rounds.map((x) => x.p99)),
      vsBare: rps / bareRps,
    };
  });
  const names = [
    "Bare Fastify",
    "Concordia on PGlite (database inside the process)",
    "Concordia on PostgreSQL (server not counted)",
  ];
  const memory: Memory[] = servers.map((s, i) => ({
    name: names[i]!,
    idleRssMiB: idle.get(s)!,
    peakRssUnderLoadMiB: s.peakRss(),
    vmHwmMiB: s.memory()?.hwm ?? Number.NaN,
  }));
  return { throughput, memory };
}

async function main() {
  const began = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), "concordia-bench-"));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  log("starting a throw-away PostgreSQL");
  const postgres = await startBenchPostgres();
  cleanups.push(() => postgres.stop());

  const coldStarts = await measureColdStarts(tmp, postgres);
  const { throughput, memory } = await measureThroughput(tmp, postgres);
  await cleanup();

  const cpu = cpus();
  const result = {
    benchmark: "foundation",
    date: new Date().toISOString(),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    settings: {
      durationS: DURATION,
      warmupS: WARMUP,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      coldReps: COLD_REPS,
      logLevel: LOG_LEVEL,
      organizations: ORGS,
    },
    coldStart: coldStarts,
    throughput,
    memory,
    totalSeconds: Math.round((Date.now() - began) / 1000),
  };
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(join(ROOT, "bench/results/foundation.json"), `${JSON.stringify(result, null, 2)}\n`);

  console.log(`## Foundation benchmark, ${result.date.slice(0, 10)}`);
  console.log(
    `\n${result.machine.cpus} × ${result.machine.cpuModel}, Node ${result.machine.node}; ${ROUNDS} interleaved rounds of ${WARMUP} s warm-up + ${DURATION} s, ${CONNECTIONS} connections; LOG_LEVEL=${LOG_LEVEL}.\n`,
  );
  console.log("### Cold start to healthy (median)\n");
  console.log(coldStartTable(coldStarts));
  console.log("\n### Throughput (median of rounds)\n");
  console.log(throughputTable(throughput));
  console.log("\n### Memory of the server process\n");
  console.log(memoryTable(memory));
  console.log(`\nTotal ${result.totalSeconds} s. JSON: bench/results/foundation.json`);
}

main().catch(async (err) => {
  console.error(err);
  await cleanup();
  process.exit(1);
});
