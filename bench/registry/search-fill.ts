/**
 * The database of the search benchmark: prepared like a server's first start (migrations, the 20
 * reference instruments, providers), the 40 generated profiles classified with the real compiled
 * rules (their summaries stored as `classify` does), then `rows` systems: `distinct` generated in
 * this process with the real `derivedColumns` (so the tsvector is what the service would store),
 * INSERTed 5,000 at a time, the rest copied in SQL; the secondary indexes dropped during the fill and
 * rebuilt after it, then ANALYZE. Published and withdrawn systems point at log records (INSERTed
 * with generate_series), as the log index in every search answer reads them.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { loadConfig } from "../../packages/server/src/config.js";
import { insertOrganization } from "../../packages/server/src/modules/members/directory.service.js";
import { classify } from "../../packages/server/src/modules/registry/classify.service.js";
import { derivedColumns } from "../../packages/server/src/modules/registry/systems.service.js";
import { createCatalogCache } from "../../packages/server/src/modules/rules/catalog.js";
import { prepare } from "../../packages/server/src/server.js";
import { createDatabase, serverEnv } from "../lib/seed.js";
import { log, now, onCleanup } from "./common.js";
import { makeSystem, PROFILES, providerOf, providers } from "./generate.js";

const CHUNK = 5_000;
const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface Fill {
  distinct: number;
  generatedSeconds: number;
  copySeconds: number;
  generateAndInsertSeconds: number;
  logEntriesSeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  tableMiB: number;
  indexesMiB: number;
  statuses: Record<string, number>;
}

export interface Prepared {
  url: string;
  revision: number;
  orgIds: string[];
  orgNames: string[];
  profiles: { hash: string; categories: string[]; jurisdictions: string[] }[];
}

async function prepareSearchDatabase(adminUrl: string, providerCount: number): Promise<Prepared> {
  const url = await createDatabase(adminUrl, "registry_search");
  const started = await prepare(loadConfig(serverEnv({ databaseUrl: url }, "warn")), { logger: false });
  try {
    const db = started.deps.database.db;
    const list = providers(providerCount);
    const orgIds: string[] = [];
    for (const p of list) {
      orgIds.push(
        await insertOrganization(db, {
          name: p.name,
          type: p.type,
          countryCode: p.countryCode,
          status: "member",
          website: null,
          description: "",
        }),
      );
    }
    const catalog = await createCatalogCache([])(db);
    const profiles = [];
    for (const profile of PROFILES) {
      const { hash, summary } = await classify(db, catalog, { profile } as never);
      profiles.push({ hash, categories: summary.categories, jurisdictions: summary.jurisdictions });
    }
    return { url, revision: catalog.revision, orgIds, orgNames: list.map((p) => p.name), profiles };
  } finally {
    await started.close();
  }
}

/** Status of the n-th system: 90 % published, 4 % draft, 3 % submitted, 3 % withdrawn (same formula in SQL below). */
const FRACTION_SQL = "((n::bigint * 2654435761) % 4294967296) / 4294967296.0";
const STATUS_SQL = `case when ${FRACTION_SQL} < 0.9 then 'published' when ${FRACTION_SQL} < 0.94 then 'draft'
  when ${FRACTION_SQL} < 0.97 then 'submitted' else 'withdrawn' end`;
function status(n: number): "published" | "draft" | "submitted" | "withdrawn" {
  const r = ((n * 2654435761) % 4294967296) / 4294967296;
  if (r < 0.9) return "published";
  if (r < 0.94) return "draft";
  if (r < 0.97) return "submitted";
  return "withdrawn";
}

/**
 * Fills registry_systems with `rows` systems: `distinct` generated in this process (5,000 per
 * statement, one JSON parameter each), then copied in SQL until `rows` (new id, status, dates and
 * log record per copy: the n-th system gets the log seq logBase + n + 1 when published or withdrawn).
 */
async function fill(p: Prepared, rows: number, distinct: number, pool: pg.Pool, logBase: number) {
  const pickProvider = providerOf(p.orgIds.length);
  const nowMs = Date.now();
  const insert = `
    insert into registry_systems (id, organization_id, status, version, kind, name, version_label, intended_purpose,
      description_visibility, document, search, categories, jurisdictions, sectors, classification_hash,
      classified_revision, classified_at, created_at, updated_at, published_at, log_seq)
    select r.id, r.org, r.st, r.ver, r.kind, r.name, r.vl, r.ip, r.dv, r.doc, to_tsvector('simple', r.txt), r.cat,
      r.jur, r.sec, r.hash, $2, r.upd, r.cre, r.upd, r.pub, r.lseq
    from jsonb_to_recordset($1::jsonb) as r(id uuid, org uuid, st text, ver int, kind text, name text, vl text,
      ip text, dv text, doc jsonb,
      txt text, cat text[], jur text[], sec text[], hash text, cre timestamptz, upd timestamptz, pub timestamptz,
      lseq bigint)`;
  await pool.query("create unlogged table bench_base (id uuid primary key, j int not null)");
  const inFlight: Promise<unknown>[] = [];
  let done = 0;
  let lastLog = now();
  const t0 = now();
  for (let start = 0; start < distinct; start += CHUNK) {
    const batch = [];
    for (let n = start; n < Math.min(distinct, start + CHUNK); n++) {
      const g = makeSystem(n, p.orgIds.length, pickProvider);
      const cls = p.profiles[g.profileIndex]!;
      const { searchText, sectors, listed } = derivedColumns(g.document, p.orgNames[g.provider]!);
      const st = status(n);
      const published = nowMs - (((n * 7919) % 1000) * (3 * YEAR_MS)) / 1000;
      const hasLog = st === "published" || st === "withdrawn";
      batch.push({
        id: randomUUID(),
        org: p.orgIds[g.provider],
        st,
        ver: 1 + (n % 3),
        kind: listed.kind,
        name: listed.name,
        vl: listed.versionLabel,
        ip: listed.intendedPurpose,
        dv: listed.descriptionVisibility,
        doc: g.document,
        txt: searchText,
        cat: cls.categories,
        jur: cls.jurisdictions,
        sec: sectors,
        hash: cls.hash,
        cre: new Date(published - ((n * 31) % 60) * 86_400_000).toISOString(),
        upd: new Date(Math.min(nowMs, published + ((n * 17) % 90) * 86_400_000)).toISOString(),
        pub: hasLog ? new Date(published).toISOString() : null,
        lseq: hasLog ? logBase + n + 1 : null,
      });
    }
    const ids = `{${batch.map((b) => b.id).join(",")}}`;
    const from = start;
    if (inFlight.length >= 2) await inFlight.shift();
    inFlight.push(
      pool
        .query(insert, [JSON.stringify(batch), p.revision])
        .then(() =>
          pool.query(
            "insert into bench_base select id, $2::int + o - 1 from unnest($1::uuid[]) with ordinality as u(id, o)",
            [ids, from],
          ),
        )
        .then(() => {
          done += batch.length;
          if (now() - lastLog > 15_000 || done === distinct) {
            lastLog = now();
            log(
              `search fill: ${done}/${distinct} distinct systems generated (${Math.round(done / ((now() - t0) / 1000))}/s)`,
            );
          }
        }),
    );
  }
  await Promise.all(inFlight);
  const generatedSeconds = (now() - t0) / 1000;

  // Copies: the n-th system (n = k × distinct + j) is a copy of the j-th.
  const t1 = now();
  for (let k = 1; k * distinct < rows; k++) {
    await pool.query(
      `insert into registry_systems (id, organization_id, status, version, kind, name, version_label, intended_purpose,
         description_visibility, document, search, categories, jurisdictions, sectors, classification_hash,
         classified_revision, classified_at, created_at, updated_at, published_at, log_seq)
       select gen_random_uuid(), s.organization_id, c.st, s.version, s.kind, s.name, s.version_label,
         s.intended_purpose, s.description_visibility, s.document, s.search, s.categories,
         s.jurisdictions, s.sectors, s.classification_hash, s.classified_revision, c.upd, c.cre, c.upd,
         case when c.st in ('published', 'withdrawn') then c.pub end,
         case when c.st in ('published', 'withdrawn') then $2::bigint + c.n + 1 end
       from registry_systems s join bench_base b on b.id = s.id
       cross join lateral (select ${STATUS_SQL} as st, x.n, x.pub, x.pub - ((x.n * 31) % 60) * interval '1 day' as cre,
           least(now(), x.pub + ((x.n * 17) % 90) * interval '1 day') as upd
         from (select $1::bigint * ${distinct} + b.j as n,
           now() - ((($1::bigint * ${distinct} + b.j) * 7919) % 1000) * interval '1 day' * 365 * 3 / 1000 as pub) x) c
       where c.n < $3`,
      [k, logBase, rows],
    );
    log(
      `search fill: copy ${k}: ${Math.min(rows, (k + 1) * distinct)}/${rows} systems (${fmtRate((k * distinct) / ((now() - t1) / 1000))}/s)`,
    );
  }
  await pool.query("drop table bench_base");
  const statuses = Object.fromEntries(
    (await pool.query("select status, count(*)::int as n from registry_systems group by 1 order by 2 desc")).rows.map(
      (r: { status: string; n: number }) => [r.status, r.n],
    ),
  );
  return { statuses, generatedSeconds, copySeconds: (now() - t1) / 1000 };
}
const fmtRate = (x: number) => String(Math.round(x));

export interface SearchDatabase extends Prepared {
  pool: pg.Pool;
  fill: Fill;
}

/** Prepares and fills the search database; returns it with a small pool on it. */
export async function buildSearchDatabase(o: {
  adminUrl: string;
  rows: number;
  distinct: number;
  providers: number;
}): Promise<SearchDatabase> {
  log(`search: preparing the database (migrations, instruments, ${o.providers} providers, 40 profiles classified)`);
  const p = await prepareSearchDatabase(o.adminUrl, o.providers);
  const pool = new pg.Pool({ connectionString: p.url, max: 3 });
  pool.on("error", () => {}); // idle clients cut off when PostgreSQL stops at the end
  // The fill skips the organization foreign-key trigger (the ids come from the table itself).
  const fillPool = new pg.Pool({ connectionString: p.url, max: 3, options: "-c session_replication_role=replica" });
  fillPool.on("error", () => {});
  onCleanup(() => fillPool.end().catch(() => {}));
  onCleanup(() => pool.end());
  const one = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await pool.query(text, params)).rows[0] as T;

  // Secondary indexes go during the fill and come back after it (the primary key stays).
  const indexes = (
    await pool.query(
      "select indexname, indexdef from pg_indexes where tablename = 'registry_systems' and indexname <> 'registry_systems_pkey'",
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const ix of indexes) await pool.query(`drop index ${ix.indexname}`);
  const logState = await one<{ seq: string | null; size: string | null }>(
    "select max(seq) as seq, max(idx) + 1 as size from log_entries",
  );
  const logBase = Number(logState.seq ?? 0);
  const treeSize = Number(logState.size ?? 0);

  log(`search fill: generating and inserting ${o.rows} systems, ${CHUNK} per statement`);
  let t = now();
  const { statuses, generatedSeconds, copySeconds } = await fill(p, o.rows, o.distinct, fillPool, logBase);
  const generateAndInsertSeconds = (now() - t) / 1000;
  const logCount = o.rows;

  t = now();
  await pool.query(
    `insert into log_entries (seq, idx, record_type, record, leaf_hash, submitted_at, integrated_at)
     select $1::bigint + g, $2::bigint + g - 1, 'registry.system.published', '{"bench":' || g || '}',
            sha256(convert_to(g::text, 'UTF8')), now(), now()
     from generate_series(1, $3::bigint) g`,
    [logBase, treeSize, logCount],
  );
  await pool.query("select setval(pg_get_serial_sequence('log_entries', 'seq'), $1)", [logBase + logCount]);
  const logEntriesSeconds = (now() - t) / 1000;

  log(`search fill: rebuilding ${indexes.length} indexes`);
  t = now();
  const c = await pool.connect();
  try {
    await c.query("set maintenance_work_mem = '1GB'");
    for (const ix of indexes) await c.query(ix.indexdef);
  } finally {
    c.release();
  }
  const indexSeconds = (now() - t) / 1000;
  t = now();
  await pool.query("analyze registry_systems");
  await pool.query("analyze log_entries");
  await pool.query("analyze organizations");
  const analyzeSeconds = (now() - t) / 1000;
  const sizes = await one<{ table: string; indexes: string }>(
    "select pg_table_size('registry_systems') as table, pg_indexes_size('registry_systems') as indexes",
  );
  log(
    `search fill: ${generateAndInsertSeconds.toFixed(0)} s rows, ${logEntriesSeconds.toFixed(0)} s log entries, ${indexSeconds.toFixed(0)} s indexes, ${analyzeSeconds.toFixed(0)} s analyze`,
  );

  await fillPool.end();
  return {
    ...p,
    pool,
    fill: {
      distinct: o.distinct,
      generatedSeconds,
      copySeconds,
      generateAndInsertSeconds,
      logEntriesSeconds,
      indexSeconds,
      analyzeSeconds,
      tableMiB: Number(sizes.table) / 2 ** 20,
      indexesMiB: Number(sizes.indexes) / 2 ** 20,
      statuses,
    },
  };
}
