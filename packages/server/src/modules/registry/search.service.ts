import { canRead, csvLine, DEFAULT_VISIBILITY, isSecretariat, searchTokens, viewerLevel } from "@concordia/core";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../platform/context.js";
import { unauthenticated } from "../../platform/http/problem.js";
import { organizations } from "../members/tables.js";
import { logIndexOf } from "./systems.service.js";
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

const COUNT_CAP = 10_000;

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

function ordering(input: SearchInput, query: string | null) {
  switch (input.sort) {
    case "name":
      return [asc(sql`lower(${registrySystems.name})`), asc(registrySystems.id)];
    case "updated":
      return [desc(registrySystems.updatedAt), asc(registrySystems.id)];
    case "published":
      return [sql`${registrySystems.publishedAt} desc nulls last`, asc(registrySystems.id)];
    default:
      return query
        ? [
            desc(sql`ts_rank(${registrySystems.search}, to_tsquery('simple', ${query}))`),
            desc(registrySystems.updatedAt),
            asc(registrySystems.id),
          ]
        : [
            sql`${registrySystems.publishedAt} desc nulls last`,
            desc(registrySystems.updatedAt),
            asc(registrySystems.id),
          ];
  }
}

async function select(db: Db, ctx: RequestContext, input: SearchInput, limit: number, offset: number) {
  const query = tsQueryOf(input.q);
  const where = and(...scope(ctx, input), ...filters(input, query));
  const rows = await db
    .select({
      id: registrySystems.id,
      organizationId: registrySystems.organizationId,
      providerName: organizations.name,
      name: registrySystems.name,
      kind: registrySystems.kind,
      status: registrySystems.status,
      versionLabel: sql<string>`${registrySystems.document}->>'versionLabel'`,
      intendedPurpose: sql<string>`${registrySystems.document}->>'intendedPurpose'`,
      descriptionVisibility: sql<string | null>`${registrySystems.document}->'visibility'->>'description'`,
      categories: registrySystems.categories,
      jurisdictions: registrySystems.jurisdictions,
      sectors: registrySystems.sectors,
      publishedAt: registrySystems.publishedAt,
      updatedAt: registrySystems.updatedAt,
      logSeq: registrySystems.logSeq,
    })
    .from(registrySystems)
    .innerJoin(organizations, eq(organizations.id, registrySystems.organizationId))
    .where(where)
    .orderBy(...ordering(input, query))
    .limit(limit)
    .offset(offset);
  return { rows, where };
}

async function toSummary(db: Db, ctx: RequestContext, r: Awaited<ReturnType<typeof select>>["rows"][number]) {
  const level = viewerLevel(ctx.actor, r.organizationId);
  const visibility = (r.descriptionVisibility ?? DEFAULT_VISIBILITY.description) as
    | "public"
    | "members"
    | "secretariat";
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as "system" | "gpai-model",
    versionLabel: r.versionLabel,
    status: r.status,
    provider: { id: r.organizationId, name: r.providerName },
    intendedPurpose: canRead(level, visibility) ? r.intendedPurpose : null,
    categories: r.categories,
    jurisdictions: r.jurisdictions,
    sectors: r.sectors,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    logIndex: await logIndexOf(db, r.logSeq),
  };
}

export async function searchSystems(
  db: Db,
  ctx: RequestContext,
  input: SearchInput & { page: number; pageSize: number },
) {
  const { rows, where } = await select(db, ctx, input, input.pageSize, (input.page - 1) * input.pageSize);
  const [counted] = await db
    .execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${registrySystems} where ${where} limit ${COUNT_CAP + 1}) t`,
    )
    .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
  const n = counted?.n ?? 0;
  const items = [];
  for (const r of rows) items.push(await toSummary(db, ctx, r));
  return {
    items,
    total: Math.min(n, COUNT_CAP),
    totalIsEstimate: n > COUNT_CAP,
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

export async function exportSystems(db: Db, ctx: RequestContext, input: SearchInput, format: "csv" | "json") {
  const { rows } = await select(db, ctx, input, COUNT_CAP, 0);
  const items = [];
  for (const r of rows) items.push(await toSummary(db, ctx, r));
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
export async function registryStats(db: Db) {
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
