import type { CrosswalkFile } from "@concordia/contracts";
import {
  buildCrosswalkGraph,
  type CompiledRules,
  type CoverageCell,
  type CrosswalkGraph,
  compileRules,
  coverageMatrix,
  type Instrument,
  type Requirement,
} from "@concordia/core";
import { desc, max, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import type { Call } from "../../deps.js";
import { instrumentVersions } from "./tables.js";

export interface CurrentInstrument {
  instrument: Instrument;
  seq: number;
  publishedAt: Date;
  logSeq: number | null;
  /** Lower-cased, NFKC-normalized text of the instrument's own fields, for search. */
  text: string;
  requirements: { requirement: Requirement; text: string }[];
}

/** The current version of every instrument, compiled, with the crosswalk graph over them. */
export interface Catalog {
  revision: number;
  instruments: CurrentInstrument[];
  byId: Map<string, CurrentInstrument>;
  rules: CompiledRules;
  graph: CrosswalkGraph;
  crosswalks: CrosswalkFile[];
  coverage(maxHops: number): CoverageCell[];
}

export const normalizeText = (s: string) => s.normalize("NFKC").toLocaleLowerCase("und");

function flatten(reqs: readonly Requirement[], out: Requirement[] = []): Requirement[] {
  for (const r of reqs) {
    out.push(r);
    if (r.children) flatten(r.children, out);
  }
  return out;
}

function build(
  revision: number,
  rows: (typeof instrumentVersions.$inferSelect)[],
  crosswalks: CrosswalkFile[],
): Catalog {
  const instruments = rows.map((row) => {
    const i = row.document;
    return {
      instrument: i,
      seq: row.seq,
      publishedAt: row.publishedAt,
      logSeq: row.logSeq,
      text: normalizeText(
        [i.id, i.shortTitle, i.titles.en, i.titles.official?.text ?? "", i.issuingBody, i.summary].join("\n"),
      ),
      requirements: flatten(i.requirements).map((r) => ({
        requirement: r,
        text: normalizeText([r.ref, r.title, r.summary, ...(r.evidence ?? [])].join("\n")),
      })),
    };
  });
  const list = instruments.map((c) => c.instrument);
  const graph = buildCrosswalkGraph(crosswalks, list);
  const coverageMemo = new Map<number, CoverageCell[]>();
  return {
    revision,
    instruments,
    byId: new Map(instruments.map((c) => [c.instrument.id, c])),
    rules: compileRules(list),
    graph,
    crosswalks,
    coverage(maxHops) {
      let cells = coverageMemo.get(maxHops);
      if (!cells) {
        cells = coverageMatrix(graph, list, maxHops);
        coverageMemo.set(maxHops, cells);
      }
      return cells;
    },
  };
}

/**
 * Keeps the catalog of this process in step with the database: one cheap query (the latest
 * publication's seq) per use, a rebuild only when another instance or request published.
 */
export function createCatalogCache(crosswalks: CrosswalkFile[]) {
  let cached: Catalog | null = null;
  let building: Promise<Catalog> | null = null;
  return async function catalog(db: Db): Promise<Catalog> {
    const [row] = await db.select({ revision: max(instrumentVersions.seq) }).from(instrumentVersions);
    const revision = row?.revision ?? 0;
    if (cached && cached.revision === revision) return cached;
    if (!building) {
      building = (async () => {
        const rows = await db
          .selectDistinctOn([instrumentVersions.instrumentId])
          .from(instrumentVersions)
          .where(sql`${instrumentVersions.seq} <= ${revision}`)
          .orderBy(instrumentVersions.instrumentId, desc(instrumentVersions.seq));
        return build(revision, rows, crosswalks);
      })().finally(() => {
        building = null;
      });
    }
    const next = await building;
    if (!cached || next.revision >= cached.revision) cached = next;
    // A build for an older revision was under way: build again for ours.
    return next.revision < revision ? catalog(db) : next;
  };
}
export type CatalogCache = ReturnType<typeof createCatalogCache>;

/** The current catalog of a service call. */
export const catalogOf = (call: Call): Promise<Catalog> => call.deps.catalog(call.deps.database.db);
