/**
 * Append throughput of the transparency log, against plain single-row INSERTs in the
 * same database with the same concurrency:
 *  - in-process through the service (appendRecord in a transaction, then awaitIndex),
 *    on the `prepare()`d server dependencies, exactly as the notarize route does it;
 *  - over HTTP (POST /api/v1/log/notarizations, Bearer token of the secretariat admin)
 *    against a child server on the same database;
 *  - baseline: `insert into bench_plain(data) values ($1)` (autocommit), and the same
 *    INSERT inside BEGIN/COMMIT (what appendRecord's transaction costs without the log).
 */
import { createHash } from "node:crypto";
import { Agent, request } from "node:http";
import {
  base64Decode,
  bytesEqual,
  ed25519NoteVerifier,
  leafHash,
  openCheckpoint,
  parseVerifierKey,
  verifyInclusion,
} from "@concordia/core";
import { eq, type SQL, sql } from "drizzle-orm";
import { loadConfig } from "../../packages/server/src/config.js";
import type { Db } from "../../packages/server/src/db/connection.js";
import { appendRecord } from "../../packages/server/src/modules/log/records.js";
import { createApiToken } from "../../packages/server/src/modules/members/accounts.service.js";
import { users } from "../../packages/server/src/platform/auth/tables.js";
import { SYSTEM_CONTEXT } from "../../packages/server/src/platform/context.js";
import { prepare, type Started } from "../../packages/server/src/server.js";
import { freePort, spawnServer } from "../lib/proc.js";
import { ADMIN, serverEnv } from "../lib/seed.js";
import { type LatencySummary, log, now, onCleanup, runConcurrent, summarize } from "./common.js";

export const LOG_ORIGIN = "bench.concordia.invalid/log";

export interface AppendSettings {
  records: number;
  concurrency: number;
  maxSeconds: number;
  rounds: number;
  warmup: number;
  logLevel: string;
}

export interface Rate {
  done: number;
  seconds: number;
  perSecond: number;
  truncated: boolean;
}

export interface AppendResults {
  database: "PGlite" | "PostgreSQL";
  /** Per round, in the order run. */
  rounds: { plain: Rate; plainTx: Rate; service: Rate }[];
  plainPerSecond: number;
  plainTxPerSecond: number;
  servicePerSecond: number;
  /** Client side: from the resolved COMMIT of the record's transaction to awaitIndex returning its leaf index (ms). */
  commitToIndex: LatencySummary;
  /** Client side: from the start of the transaction to the leaf index (ms). */
  submitToIndex: LatencySummary;
  /** Server side, from the rows: integrated_at − submitted_at (submitted_at = start of the record's transaction). */
  dbIntegrationLag: { p50: number; p99: number };
  /** Records per signed checkpoint during the measured service runs (= mean sequencer batch). */
  recordsPerCheckpoint: number;
  integrity: { entries: number; pending: number; distinctIdx: number; maxIdx: number };
  http: Rate & { latency: LatencySummary; non201: number; receiptsVerified: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const rate = (r: { done: number; seconds: number; truncated: boolean }): Rate => ({
  ...r,
  perSecond: r.done / r.seconds,
});
const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");

async function plainInserts(db: Db, s: AppendSettings, n: number, inTx: boolean, tag: string) {
  return runConcurrent(n, s.concurrency, s.maxSeconds, async (i) => {
    const data = `${tag}-${i}-${sha256Hex(`${tag}${i}`)}`;
    if (inTx) await db.transaction((tx) => tx.execute(sql`insert into bench_plain (data) values (${data})`));
    else await db.execute(sql`insert into bench_plain (data) values (${data})`);
  });
}

async function serviceAppends(
  started: Started,
  s: AppendSettings,
  n: number,
  tag: string,
  lat?: { commit: number[]; submit: number[] },
) {
  const db = started.deps.database.db;
  const logService = started.deps.log;
  return runConcurrent(n, s.concurrency, s.maxSeconds, async (i) => {
    const t0 = now();
    const seq = await db.transaction((tx) =>
      appendRecord(tx, "bench", { title: `bench ${tag} ${i}`, sha256: sha256Hex(`${tag}${i}`) }),
    );
    const t1 = now();
    await logService.awaitIndex(seq);
    const t2 = now();
    lat?.commit.push(t2 - t1);
    lat?.submit.push(t2 - t0);
  });
}

/** The admin's API token (the first admin is created by prepare() from CONCORDIA_ADMIN_*). */
async function adminToken(db: Db): Promise<string> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN.email));
  if (!admin) throw new Error("the secretariat admin was not created");
  return (await createApiToken(db, SYSTEM_CONTEXT, { userId: admin.id, name: "log benchmark" })).token;
}

interface HttpAnswer {
  status: number;
  body: string;
}
function post(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        timeout: 30_000,
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("request timed out after 30 s")));
    req.on("error", reject);
    req.end(body);
  });
}

interface Receipt {
  index: number;
  record: string;
  leafHash: string;
  treeSize: number;
  inclusionProof: string[];
  checkpoint: string;
  verifierKey: string;
}

/** Checks a notarization receipt end to end: leaf hash of the record, signed checkpoint, inclusion proof. */
export function verifyReceipt(r: Receipt) {
  const leaf = leafHash(new TextEncoder().encode(r.record));
  if (!bytesEqual(leaf, base64Decode(r.leafHash))) throw new Error(`receipt ${r.index}: leaf hash does not match`);
  const { checkpoint } = openCheckpoint(r.checkpoint, [ed25519NoteVerifier(parseVerifierKey(r.verifierKey))], {
    origin: LOG_ORIGIN,
  });
  if (checkpoint.size !== r.treeSize) throw new Error(`receipt ${r.index}: checkpoint size ${checkpoint.size}`);
  verifyInclusion(leaf, r.index, r.treeSize, r.inclusionProof.map(base64Decode), checkpoint.rootHash);
}

async function httpAppends(url: string, token: string, s: AppendSettings, n: number, tag: string, keep?: Receipt[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: s.concurrency });
  const latencies: number[] = [];
  let non201 = 0;
  let firstError = "";
  try {
    const r = await runConcurrent(n, s.concurrency, s.maxSeconds, async (i) => {
      const body = JSON.stringify({ title: `bench ${tag} ${i}`, sha256: sha256Hex(`${tag}${i}`) });
      const t0 = now();
      const res = await post(agent, `${url}/api/v1/log/notarizations`, { authorization: `Bearer ${token}` }, body);
      latencies.push(now() - t0);
      if (res.status !== 201) {
        non201++;
        firstError ||= `${res.status} ${res.body.slice(0, 300)}`;
        if (non201 > 20) throw new Error(`too many failed notarizations, first: ${firstError}`);
        return;
      }
      if (keep && keep.length < 20 && i % 50 === 0) keep.push(JSON.parse(res.body) as Receipt);
    });
    if (firstError) log(`  ${non201} notarizations failed, first: ${firstError}`);
    return { ...r, latencies, non201 };
  } finally {
    agent.destroy();
  }
}

export async function measureAppends(
  database: AppendResults["database"],
  target: { dataDir?: string; databaseUrl?: string },
  s: AppendSettings,
): Promise<AppendResults> {
  const env = { ...serverEnv(target, s.logLevel), CONCORDIA_LOG_ORIGIN: LOG_ORIGIN };
  log(`${database}: prepare() (migrations, first admin, log identity)`);
  const started = await prepare(loadConfig(env), { logger: false });
  let open = true;
  const close = async () => {
    if (open) {
      open = false;
      await started.close();
    }
  };
  onCleanup(close);
  const db = started.deps.database.db;
  const token = await adminToken(db);
  await db.execute(sql`create table bench_plain (id bigserial primary key, data text not null)`);

  log(`${database}: warm-up (${s.warmup} plain inserts, ${s.warmup} service appends)`);
  await plainInserts(db, s, s.warmup, false, "warm");
  await serviceAppends(started, s, s.warmup, "warm");

  const checkpoints = async () =>
    (await q<{ n: number }>(db, sql`select count(*)::int as n from log_checkpoints`))[0]!.n;
  const cp0 = await checkpoints();
  const lat = { commit: [] as number[], submit: [] as number[] };
  const measured: AppendResults["rounds"] = [];
  let serviceRecords = 0;
  for (let r = 0; r < s.rounds; r++) {
    // Each round in a different order, so drift on a shared machine spreads out.
    const steps = [
      ["plain", () => plainInserts(db, s, s.records, false, `p${r}`)],
      ["plainTx", () => plainInserts(db, s, s.records, true, `t${r}`)],
      ["service", () => serviceAppends(started, s, s.records, `s${r}`, lat)],
    ] as const;
    const round: Partial<AppendResults["rounds"][number]> = {};
    for (let k = 0; k < steps.length; k++) {
      const [name, run] = steps[(k + r) % steps.length]!;
      log(`${database} round ${r + 1}/${s.rounds}: ${name} (${s.records} × ${s.concurrency} concurrent)`);
      const res = rate(await run());
      if (name === "service") serviceRecords += res.done;
      round[name] = res;
      log(`  ${Math.round(res.perSecond)} /s (${res.done} in ${res.seconds.toFixed(2)} s)`);
    }
    measured.push(round as AppendResults["rounds"][number]);
  }
  const cp1 = await checkpoints();
  const [lag] = await q<{ p50: number; p99: number }>(
    db,
    sql`
      select percentile_cont(0.5) within group (order by ms) as p50, percentile_cont(0.99) within group (order by ms) as p99
      from (select extract(epoch from integrated_at - submitted_at) * 1000 as ms from log_entries
            where record_type = 'bench' and record not like '%bench warm%') x`,
  );
  const [integrity] = await q<AppendResults["integrity"]>(
    db,
    sql`
      select count(*)::int as entries, count(*) filter (where idx is null)::int as pending,
             count(distinct idx)::int as "distinctIdx", coalesce(max(idx), -1)::int as "maxIdx" from log_entries`,
  );
  if (
    integrity!.pending !== 0 ||
    integrity!.distinctIdx !== integrity!.entries ||
    integrity!.maxIdx + 1 !== integrity!.entries
  )
    throw new Error(`${database}: log entries are not a gap-free sequence: ${JSON.stringify(integrity)}`);
  await close();

  log(`${database}: HTTP, child server on the same database`);
  const server = await spawnServer({
    name: `concordia (${database})`,
    script: "packages/server/src/main.ts",
    env,
    port: await freePort(),
    healthPath: "/api/health",
  });
  onCleanup(() => server.stop());
  const receipts: Receipt[] = [];
  let http: Awaited<ReturnType<typeof httpAppends>>;
  try {
    await httpAppends(server.url, token, s, s.warmup, "hwarm");
    log(`${database}: HTTP notarizations (${s.records} × ${s.concurrency} concurrent)`);
    http = await httpAppends(server.url, token, s, s.records, "http", receipts);
  } finally {
    await server.stop();
  }
  for (const r of receipts) verifyReceipt(r);
  const httpRate = rate({ done: http.done - http.non201, seconds: http.seconds, truncated: http.truncated });
  log(`  ${Math.round(httpRate.perSecond)} /s; ${receipts.length} receipts verified`);

  return {
    database,
    rounds: measured,
    plainPerSecond: median(measured.map((m) => m.plain.perSecond)),
    plainTxPerSecond: median(measured.map((m) => m.plainTx.perSecond)),
    servicePerSecond: median(measured.map((m) => m.service.perSecond)),
    commitToIndex: summarize(lat.commit),
    submitToIndex: summarize(lat.submit),
    dbIntegrationLag: { p50: Number(lag!.p50), p99: Number(lag!.p99) },
    recordsPerCheckpoint: serviceRecords / (cp1 - cp0),
    integrity: integrity!,
    http: { ...httpRate, latency: summarize(http.latencies), non201: http.non201, receiptsVerified: receipts.length },
  };
}

/** Rows of a raw query, whichever driver (node-postgres and PGlite both return `{ rows }`). */
export async function q<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
