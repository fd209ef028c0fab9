/**
 * Part (b): search latency over a large register on PostgreSQL (the database: search-fill.ts).
 *
 * Concordia (`packages/server/src/main.ts`, a child, pool of 10) answers
 * GET /api/v1/registry/systems for a mix of query shapes at `concurrency` clients; a bare Fastify
 * child (bare-search-server.ts, pool of 10) sends the SAME statements, captured from searchSystems
 * with drizzle's query logger, for the same shapes, as Concordia sends them once the planner's
 * estimate is cached (search.service.ts): the one statement of count and page (two when the estimate
 * was too high). Rounds alternate between the two. Then each shape one client at a time, and
 * EXPLAIN (ANALYZE, BUFFERS) of every statement of a first call (the estimate's EXPLAIN included).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { SystemSearchQuery } from "../../packages/contracts/src/index.js";
import type { Db } from "../../packages/server/src/db/connection.js";
import type { Call } from "../../packages/server/src/deps.js";
import { searchSystems } from "../../packages/server/src/modules/registry/search.service.js";
import { SYSTEM_CONTEXT } from "../../packages/server/src/platform/context.js";
import { freePort, type Server, spawnServer } from "../lib/proc.js";
import { serverEnv } from "../lib/seed.js";
import { type Latency, latency, log, onCleanup } from "./common.js";
import { QUERY_WORDS } from "./generate.js";
import { runLoad, sequential, type Target } from "./load.js";
import { buildSearchDatabase, type Fill } from "./search-fill.js";

export interface Shape {
  name: string;
  query: Record<string, string>;
}

/** The two servers measured: Concordia and the baseline (same SQL behind a bare route). */
export const TARGETS = ["concordia", "bare"] as const;
export type TargetName = (typeof TARGETS)[number];

export interface Mixed extends Latency {
  perSecond: number;
  non200: number;
  errors: number;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface ShapeResult {
  shape: string;
  url: string;
  /** The total as the API reports it, and whether it is the planner's estimate. */
  total: number;
  totalIsEstimate: boolean;
  rankedByRelevance: boolean;
  /** Statements Concordia sends for one request: at first, then with the estimate cached (as measured). */
  coldStatements: number;
  statements: number;
  /** Under load, per target. */
  load: Record<TargetName, Latency>;
  /** One client at a time, per target. */
  alone: Record<TargetName, Latency>;
  /** EXPLAIN (ANALYZE, BUFFERS) of each statement, in order. */
  explain: { ms: number; plan: string }[];
}

export interface SearchResults {
  rows: number;
  fill: Fill;
  providers: number;
  concurrency: number;
  seconds: number;
  rounds: number;
  postgresSettings: Record<string, string>;
  mixed: Record<TargetName, Mixed>;
  perRound: { target: TargetName; round: number; perSecond: number; p50: number; p95: number; p99: number }[];
  shapes: ShapeResult[];
}

/**
 * Runs searchSystems twice with a logging drizzle instance: the statements of the first call (the
 * planner's estimate not cached yet) and of the second (as in steady state), in order.
 */
async function captureSql(pool: pg.Pool, query: Record<string, string>) {
  let statements: Statement[] = [];
  const db = drizzle(pool, {
    logger: { logQuery: (sql, params) => statements.push({ sql, params }) },
  }) as unknown as Db;
  // The search reads only the database of its call.
  const call = { deps: { database: { db } }, ctx: SYSTEM_CONTEXT } as unknown as Call;
  await searchSystems(call, SystemSearchQuery.parse(query));
  const cold = statements;
  statements = [];
  const page = await searchSystems(call, SystemSearchQuery.parse(query));
  return { cold, statements, page };
}

async function explain(pool: pg.Pool, s: Statement) {
  const r = await pool.query(`explain (analyze, buffers) ${s.sql}`, s.params);
  const plan = r.rows.map((x: Record<string, string>) => x["QUERY PLAN"]).join("\n");
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
  return { ms, plan };
}

export async function measureSearch(o: {
  adminUrl: string;
  tmp: string;
  rows: number;
  distinct: number;
  providers: number;
  concurrency: number;
  seconds: number;
  warmup: number;
  rounds: number;
  sequentialReps: number;
  postgresSettings: Record<string, string>;
}): Promise<SearchResults> {
  const db = await buildSearchDatabase(o);
  const { pool } = db;
  // The query mix. The provider is the largest one; category and jurisdiction are checked to exist.
  const category = "eu-ai-act:high-risk";
  if (!db.profiles.some((x) => x.categories.includes(category) && x.jurisdictions.includes("EU"))) {
    throw new Error(`no generated profile is classified ${category} in the EU`);
  }
  const shapes: Shape[] = [
    { name: "front page (no filter)", query: {} },
    { name: "common word", query: { q: QUERY_WORDS.common } },
    { name: "rare word", query: { q: QUERY_WORDS.rare } },
    { name: "Chinese bigram", query: { q: QUERY_WORDS.chinese } },
    { name: "text + jurisdiction", query: { q: QUERY_WORDS.withJurisdiction, jurisdiction: "EU" } },
    { name: "category + sector", query: { category, sector: "employment" } },
    { name: "provider", query: { provider: db.orgIds[0]! } },
    { name: "sort=name", query: { sort: "name" } },
    { name: "common word, page 5", query: { q: QUERY_WORDS.common, page: "5" } },
  ];
  const captured = new Map<string, Awaited<ReturnType<typeof captureSql>>>();
  for (const s of shapes) captured.set(s.name, await captureSql(pool, s.query));
  const shapesFile = join(o.tmp, "shapes.json");
  writeFileSync(shapesFile, JSON.stringify(Object.fromEntries([...captured].map(([k, v]) => [k, v.statements]))));

  log("search: starting Concordia and the bare server");
  const start = async (name: string, script: string, env: Record<string, string>, health: string) => {
    const server = await spawnServer({
      name,
      script,
      env,
      port: await freePort(),
      healthPath: health,
      timeoutMs: 120_000,
    });
    onCleanup(() => server.stop());
    return server;
  };
  const concordia: Server = await start(
    "concordia",
    "packages/server/src/main.ts",
    serverEnv({ databaseUrl: db.url }, "warn"),
    "/api/health",
  );
  const bare: Server = await start(
    "bare search",
    "bench/registry/bare-search-server.ts",
    { DATABASE_URL: db.url, BENCH_SHAPES_FILE: shapesFile },
    "/bare",
  );
  const targetsOf: Record<TargetName, Target[]> = {
    concordia: shapes.map((s) => ({
      shape: s.name,
      url: `${concordia.url}/api/v1/registry/systems?${new URLSearchParams(s.query)}`,
    })),
    bare: shapes.map((s) => ({ shape: s.name, url: `${bare.url}/bare/search/${encodeURIComponent(s.name)}` })),
  };

  // Both answer every shape with the same systems in the same order.
  const json = async (url: string) => JSON.parse(await (await fetch(url)).text());
  for (let i = 0; i < shapes.length; i++) {
    const a = await json(targetsOf.concordia[i]!.url);
    const b = await json(targetsOf.bare[i]!.url);
    const ids = (x: { items: { id: string }[] }) => x.items.map((r) => r.id).join();
    if (ids(a) !== ids(b) || a.items.length !== b.items.length) {
      throw new Error(
        `${shapes[i]!.name}: Concordia ${a.items?.length} systems, bare ${b.items?.length}, not the same`,
      );
    }
  }

  const all: Record<TargetName, number[]> = { concordia: [], bare: [] };
  const byShape: Record<TargetName, Map<string, number[]>> = { concordia: new Map(), bare: new Map() };
  const counts = Object.fromEntries(
    TARGETS.map((t) => [t, { requests: 0, seconds: 0, non200: 0, errors: 0 }]),
  ) as Record<TargetName, { requests: number; seconds: number; non200: number; errors: number }>;
  const alone = {} as Record<TargetName, Map<string, number[]>>;
  const perRound: SearchResults["perRound"] = [];
  for (const target of TARGETS) {
    log(`search: ${target}, one client at a time, ${o.sequentialReps} requests per shape`);
    alone[target] = await sequential(targetsOf[target], o.sequentialReps);
  }
  for (let round = 0; round < o.rounds; round++) {
    // Interleaved, each round starting at the other target.
    const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]!);
    for (const target of order) {
      log(
        `search round ${round + 1}/${o.rounds}: ${target}, ${o.concurrency} clients, ${o.warmup} s warm-up + ${o.seconds} s`,
      );
      if (o.warmup > 0) await runLoad(targetsOf[target], o.concurrency, o.warmup);
      const r = await runLoad(targetsOf[target], o.concurrency, o.seconds);
      all[target].push(...r.all);
      for (const [k, v] of r.byShape) byShape[target].set(k, [...(byShape[target].get(k) ?? []), ...v]);
      counts[target].requests += r.requests;
      counts[target].seconds += r.seconds;
      counts[target].non200 += r.non200;
      counts[target].errors += r.errors;
      const l = latency(r.all);
      perRound.push({ target, round: round + 1, perSecond: r.perSecond, p50: l.p50, p95: l.p95, p99: l.p99 });
    }
  }
  await concordia.stop();
  await bare.stop();

  log("search: EXPLAIN (ANALYZE, BUFFERS) of the statements");
  const results: ShapeResult[] = [];
  for (const s of shapes) {
    const cap = captured.get(s.name)!;
    const plans = [];
    for (const st of cap.cold) {
      if (/^explain /i.test(st.sql)) plans.push({ ms: Number.NaN, plan: "(the planner's estimate: planning only)" });
      else plans.push(await explain(pool, st));
    }
    results.push({
      shape: s.name,
      url: `/api/v1/registry/systems?${new URLSearchParams(s.query)}`,
      total: cap.page.total,
      totalIsEstimate: cap.page.totalIsEstimate,
      rankedByRelevance: cap.page.rankedByRelevance,
      coldStatements: cap.cold.length,
      statements: cap.statements.length,
      load: { concordia: latency(byShape.concordia.get(s.name) ?? []), bare: latency(byShape.bare.get(s.name) ?? []) },
      alone: {
        concordia: latency(alone.concordia.get(s.name) ?? []),
        bare: latency(alone.bare.get(s.name) ?? []),
      },
      explain: plans,
    });
  }
  const mixed = Object.fromEntries(
    TARGETS.map((k) => [
      k,
      {
        ...latency(all[k]),
        perSecond: counts[k].requests / counts[k].seconds,
        non200: counts[k].non200,
        errors: counts[k].errors,
      },
    ]),
  ) as Record<TargetName, Mixed>;
  return {
    rows: o.rows,
    fill: db.fill,
    providers: o.providers,
    concurrency: o.concurrency,
    seconds: o.seconds,
    rounds: o.rounds,
    postgresSettings: o.postgresSettings,
    mixed,
    perRound,
    shapes: results,
  };
}
