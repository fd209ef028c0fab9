import { SEARCH_COUNT_LIMIT, SEARCH_RANK_LIMIT, SEARCH_RESULT_WINDOW } from "@concordia/contracts";
import {
  canRead,
  csvLine,
  DEFAULT_VISIBILITY,
  ensure,
  invalid,
  isSecretariat,
  registryPolicy,
  searchTokens,
  unauthenticated,
  viewerLevel,
} from "@concordia/core";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import type { RequestContext } from "../../platform/context.js";
import { logIndexSql } from "../log/queries.js";
import { organizationNameSql } from "../members/queries.js";
import { registrySystems } from "./tables.js";

export interface SearchInput {
  q?: string;
  jurisdiction?: string;
  category?: string;
  sector?: string;
  provider?: string;
  kind?: string;
  status?: string;
  mine?: boolean;
  sort: "relevance" | "name" | "published" | "updated";
}

/**
 * A text search sorted by relevance is ranked when it has at most SEARCH_RANK_LIMIT matches (else
 * listed newest first: ranking every match of a common word reads each one's text). Totals are
 * counted up to SEARCH_COUNT_LIMIT when the planner expects no more, else they are its estimate. Only
 * the first SEARCH_RESULT_WINDOW results can be paged through. Decision 0007.
 */
const RANK_LIMIT = SEARCH_RANK_LIMIT;
const COUNT_LIMIT = SEARCH_COUNT_LIMIT;
const RESULT_WINDOW = SEARCH_RESULT_WINDOW;

/** A tsquery matching every token of the text (the last one as a prefix, for search-as-you-type). */
export function tsQueryOf(q: string | undefined): string | null {
  const tokens = searchTokens(q ?? "")
    .map((t) => t.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
  if (tokens.length === 0) return null;
  return tokens.map((t, i) => (i === tokens.length - 1 ? `${t}:*` : t)).join(" & ");
}

/** Which rows the caller may list: published ones; their own organizations' in any status; everything for the secretariat. */
function scope(ctx: RequestContext, input: SearchInput): SQL[] {
  const own = [...new Set(ctx.actor.grants.map((g) => g.organizationId))];
  const secretariat = isSecretariat(ctx.actor);
  const conditions: SQL[] = [];
  if (input.mine) {
    if (ctx.actor.userId === null) throw unauthenticated("Sign in to list your organization's systems.");
    conditions.push(own.length ? inArray(registrySystems.organizationId, own) : sql`false`);
    if (input.status) conditions.push(eq(registrySystems.status, input.status as never));
  } else if (!input.status || input.status === "published") {
    conditions.push(eq(registrySystems.status, "published"));
  } else {
    if (ctx.actor.userId === null) throw unauthenticated(`Sign in to list ${input.status} systems.`);
    conditions.push(eq(registrySystems.status, input.status as never));
    if (!secretariat) conditions.push(own.length ? inArray(registrySystems.organizationId, own) : sql`false`);
  }
  return conditions;
}

function filters(input: SearchInput, query: string | null): SQL[] {
  const f: SQL[] = [];
  if (query) f.push(sql`${registrySystems.search} @@ to_tsquery('simple', ${query})`);
  if (input.jurisdiction) f.push(sql`${registrySystems.jurisdictions} @> array[${input.jurisdiction}]::text[]`);
  if (input.category) f.push(sql`${registrySystems.categories} @> array[${input.category}]::text[]`);
  if (input.sector) f.push(sql`${registrySystems.sectors} @> array[${input.sector}]::text[]`);
  if (input.provider) f.push(eq(registrySystems.organizationId, input.provider));
  if (input.kind) f.push(eq(registrySystems.kind, input.kind));
  return f;
}

/**
 * The order of the results, as `inner` (on the table: each has its index, migration 0004) and `outer`
 * (on the candidates `m` of searchStatement). By relevance, the candidates are ranked when they are
 * all the matches (else their rank is null), then newest first like the default order.
 */
function ordering(sort: SearchInput["sort"]): { inner: SQL; outer: SQL } {
  const s = registrySystems;
  switch (sort) {
    case "name":
      return { inner: sql`lower(${s.name}), ${s.id}`, outer: sql`m.name_key, m.id` };
    case "updated":
      return { inner: sql`${s.updatedAt} desc nulls last, ${s.id}`, outer: sql`m.updated_at desc nulls last, m.id` };
    default:
      return {
        inner: sql`${s.publishedAt} desc nulls last, ${s.updatedAt} desc nulls last, ${s.id}`,
        outer: sql`${sort === "relevance" ? sql`m.rank desc nulls last, ` : sql``}m.published_at desc nulls last, m.updated_at desc nulls last, m.id`,
      };
  }
}

interface PageRow {
  /** Candidates read: all the matches when fewer than the candidates asked for. */
  matched: number;
  /** Matches counted (up to the count limit), when asked for; else the candidates read. */
  counted: number;
  id: string | null;
  organization_id: string;
  provider_name: string;
  name: string;
  kind: string;
  status: string;
  version_label: string;
  intended_purpose: string;
  description_visibility: string | null;
  categories: string[];
  jurisdictions: string[];
  sectors: string[];
  published_at: Date | string | null;
  updated_at: Date | string;
  log_index: number | string | null;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

interface StatementOptions {
  sort: SearchInput["sort"];
  tsQuery: string | null;
  /** How many matches to read in index order: at least rankLimit + 1 and offset + limit. */
  candidates: number;
  rankLimit: number;
  /** Count the matches up to this many (a separate scan that stops there), or not at all. */
  countLimit: number | null;
  limit: number;
  offset: number;
}

/**
 * One statement for the count and the page: the first `candidates` matches in index order, on the
 * narrow columns (`m0`), counted (`n`, with all the matches up to `countLimit` when asked), ranked
 * when by relevance and they are all the matches (`m`), then only the page's rows read whole, with
 * their provider's name and log index from the members' and the log's query faces (one index lookup
 * per page row). One row with a null id when the page is empty.
 */
function searchStatement(where: SQL | undefined, o: StatementOptions) {
  const s = registrySystems;
  const order = ordering(o.sort);
  const ranked = o.sort === "relevance" && o.tsQuery !== null;
  const rank = ranked
    ? sql`case when n.matched <= ${o.rankLimit} then ts_rank(m0.search, to_tsquery('simple', ${o.tsQuery})) end`
    : sql`null::real`;
  return sql`
    with m0 as materialized (
      select ${s.id} as id, ${s.publishedAt} as published_at, ${s.updatedAt} as updated_at,
        lower(${s.name}) as name_key${ranked ? sql`, ${s.search} as search` : sql``}
      from ${s} where ${where} order by ${order.inner} limit ${o.candidates}
    ),
    n as (
      select count(*)::int as matched, ${
        o.countLimit === null
          ? sql`count(*)::int`
          : sql`(select count(*)::int from (select 1 from ${s} where ${where} limit ${o.countLimit + 1}) c)`
      } as counted from m0
    ),
    m as (
      select m0.id, m0.published_at, m0.updated_at, m0.name_key, ${rank} as rank from m0, n
    ),
    page as (
      select m.id, row_number() over (order by ${order.outer}) as position
      from m order by ${order.outer} limit ${o.limit} offset ${o.offset}
    )
    select n.matched, n.counted, r.id, r.organization_id,
      ${organizationNameSql(sql`r.organization_id`)} as provider_name, r.name, r.kind, r.status,
      r.version_label, r.intended_purpose, r.description_visibility, r.categories, r.jurisdictions,
      r.sectors, r.published_at, r.updated_at, ${logIndexSql(sql`r.log_seq`)} as log_index
    from n
    left join (page
      join ${s} r on r.id = page.id) on true
    order by page.position`;
}

/**
 * PostgreSQL's estimate of the matches, from the planner (EXPLAIN, no execution). It only changes
 * when the table's statistics do (ANALYZE), so it is kept a minute per query and instance.
 */
const ESTIMATE_TTL_MS = 60_000;
const ESTIMATE_CACHE_SIZE = 1_000;
const estimates = new Map<string, { at: number; rows: number }>();

async function estimate(db: Db, where: SQL | undefined, key: string): Promise<number> {
  const hit = estimates.get(key);
  if (hit && Date.now() - hit.at < ESTIMATE_TTL_MS) return hit.rows;
  const [plan] = rowsOf<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    await db.execute(sql`explain (format json) select 1 from ${registrySystems} where ${where}`),
  );
  const rows = Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
  estimates.delete(key);
  estimates.set(key, { at: Date.now(), rows });
  if (estimates.size > ESTIMATE_CACHE_SIZE) estimates.delete(estimates.keys().next().value!);
  return rows;
}

interface Found {
  rows: (PageRow & { id: string })[];
  total: number;
  totalIsEstimate: boolean;
  rankedByRelevance: boolean;
}

/**
 * The page and the total of a search in one statement, after the planner's estimate (cached): when
 * it is over the count limit, only the page's rows are read (newest first when by relevance) and the
 * total is the estimate; else the matches are counted up to the count limit and, by relevance,
 * ranked when at most the rank limit.
 */
async function find(
  db: Db,
  ctx: RequestContext,
  input: SearchInput,
  o: { rankLimit: number; countLimit: number; limit: number; offset: number },
): Promise<Found> {
  const tsQuery = tsQueryOf(input.q);
  const scoped = scope(ctx, input);
  const where = and(...scoped, ...filters(input, tsQuery));
  // What decides the matches (not the order or the page); the caller's grants decide the scope.
  const { q, jurisdiction, category, sector, provider, kind, status, mine } = input;
  const key = JSON.stringify([q, jurisdiction, category, sector, provider, kind, status, mine, ctx.actor.grants]);
  const estimated = await estimate(db, where, key);
  const run = async (candidates: number, sort: SearchInput["sort"], countLimit: number | null) => {
    const result = rowsOf<PageRow>(
      await db.execute(searchStatement(where, { ...o, sort, tsQuery, candidates, countLimit })),
    );
    return {
      matched: result[0]?.matched ?? 0,
      counted: result[0]?.counted ?? 0,
      rows: result.filter((r): r is PageRow & { id: string } => r.id !== null),
    };
  };
  if (estimated > o.countLimit) {
    const wanted = o.offset + o.limit;
    const page = await run(wanted, input.sort === "relevance" ? "published" : input.sort, null);
    if (page.matched === wanted) {
      return { rows: page.rows, total: Math.max(estimated, wanted), totalIsEstimate: true, rankedByRelevance: false };
    }
    // The page shows the end of the results: the estimate was too high; count them.
  }
  const found = await run(Math.max(o.rankLimit + 1, o.offset + o.limit), input.sort, o.countLimit);
  const exact = found.counted <= o.countLimit;
  return {
    rows: found.rows,
    total: exact ? found.counted : Math.max(found.counted, estimated),
    totalIsEstimate: !exact,
    rankedByRelevance: tsQuery !== null && input.sort === "relevance" && found.matched <= o.rankLimit,
  };
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

function toSummary(ctx: RequestContext, r: PageRow & { id: string }) {
  const level = viewerLevel(ctx.actor, r.organization_id);
  const visibility = (r.description_visibility ?? DEFAULT_VISIBILITY.description) as
    | "public"
    | "members"
    | "secretariat";
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as "system" | "gpai-model",
    versionLabel: r.version_label,
    status: r.status as (typeof registrySystems.$inferSelect)["status"],
    provider: { id: r.organization_id, name: r.provider_name },
    intendedPurpose: canRead(level, visibility) ? r.intended_purpose : null,
    categories: r.categories,
    jurisdictions: r.jurisdictions,
    sectors: r.sectors,
    publishedAt: r.published_at === null ? null : iso(r.published_at),
    updatedAt: iso(r.updated_at),
    logIndex: r.log_index === null ? null : Number(r.log_index),
  };
}

function beyondWindow(offset: number, limit: number) {
  if (offset + limit <= RESULT_WINDOW) return;
  throw invalid(
    "querystring.page",
    `page × pageSize must be at most ${RESULT_WINDOW}: only the first ${RESULT_WINDOW} results can be paged through; add words or filters`,
  );
}

export async function searchSystems(
  call: Call,
  input: SearchInput & { page: number; pageSize: number },
  options: { rankLimit?: number; countLimit?: number } = {},
) {
  const { ctx } = call;
  ensure(registryPolicy, "list", ctx.actor);
  const db = call.deps.database.db;
  const offset = (input.page - 1) * input.pageSize;
  beyondWindow(offset, input.pageSize);
  const found = await find(db, ctx, input, {
    rankLimit: options.rankLimit ?? RANK_LIMIT,
    countLimit: options.countLimit ?? COUNT_LIMIT,
    limit: input.pageSize,
    offset,
  });
  return {
    items: found.rows.map((r) => toSummary(ctx, r)),
    total: found.total,
    totalIsEstimate: found.totalIsEstimate,
    rankedByRelevance: found.rankedByRelevance,
    page: input.page,
    pageSize: input.pageSize,
  };
}

const EXPORT_HEADER = [
  "id",
  "name",
  "kind",
  "version",
  "status",
  "provider",
  "intended_purpose",
  "categories",
  "jurisdictions",
  "sectors",
  "published_at",
  "log_index",
];

export async function exportSystems(
  call: Call,
  { format, ...input }: SearchInput & { format: "csv" | "json" },
  options: { rankLimit?: number; countLimit?: number } = {},
) {
  const { ctx } = call;
  ensure(registryPolicy, "list", ctx.actor);
  const db = call.deps.database.db;
  const found = await find(db, ctx, input, {
    rankLimit: options.rankLimit ?? RANK_LIMIT,
    countLimit: options.countLimit ?? COUNT_LIMIT,
    limit: RESULT_WINDOW,
    offset: 0,
  });
  const items = found.rows.map((r) => toSummary(ctx, r));
  if (format === "json") return JSON.stringify(items, null, 2);
  const lines = [csvLine(EXPORT_HEADER)];
  for (const s of items) {
    lines.push(
      csvLine([
        s.id,
        s.name,
        s.kind,
        s.versionLabel,
        s.status,
        s.provider.name,
        s.intendedPurpose,
        s.categories.join(" "),
        s.jurisdictions.join(" "),
        s.sectors.join(" "),
        s.publishedAt,
        s.logIndex,
      ]),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

let statsCache: { at: number; value: unknown } | null = null;

/** Published systems by category, jurisdiction and kind (recomputed at most every 30 s per instance). */
export async function registryStats(call: Call) {
  ensure(registryPolicy, "list", call.ctx.actor);
  const db = call.deps.database.db;
  if (statsCache && Date.now() - statsCache.at < 30_000)
    return statsCache.value as Awaited<ReturnType<typeof computeStats>>;
  const value = await computeStats(db);
  statsCache = { at: Date.now(), value };
  return value;
}

export function resetStatsCache() {
  statsCache = null;
}

async function computeStats(db: Db) {
  const rows = (q: SQL) => db.execute(q).then((r) => (r as unknown as { rows: { key: string; count: number }[] }).rows);
  const published = sql`${registrySystems.status} = 'published'`;
  const [total] = await rows(
    sql`select 'total' as key, count(*)::int as count from ${registrySystems} where ${published}`,
  );
  const byCategory = await rows(
    sql`select c as key, count(*)::int as count from ${registrySystems}, unnest(${registrySystems.categories}) c where ${published} group by c order by count desc, c`,
  );
  const byJurisdiction = await rows(
    sql`select j as key, count(*)::int as count from ${registrySystems}, unnest(${registrySystems.jurisdictions}) j where ${published} group by j order by count desc, j`,
  );
  const byKind = await rows(
    sql`select ${registrySystems.kind} as key, count(*)::int as count from ${registrySystems} where ${published} group by 1 order by 1`,
  );
  return {
    total: total?.count ?? 0,
    byCategory: byCategory.map((r) => ({ category: r.key, count: r.count })),
    byJurisdiction: byJurisdiction.map((r) => ({ jurisdiction: r.key, count: r.count })),
    byKind: byKind.map((r) => ({ kind: r.key, count: r.count })),
  };
}
