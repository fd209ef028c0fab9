import {
  complyOnce,
  type EvaluateOptions,
  ensure,
  gapAnalysis,
  inferFrom,
  instrumentPolicy,
  invalid,
  notFound,
  type Requirement,
  type RequirementKey,
  requirementKey,
  type SystemProfile,
  splitKey,
} from "@concordia/core";
import type { Call } from "../../deps.js";
import { type Catalog, catalogOf } from "./catalog.js";

/** Every analysis reads the public catalog: the one access check, then the current catalog. */
async function readCatalog(call: Call): Promise<Catalog> {
  ensure(instrumentPolicy, "read", call.ctx.actor);
  return catalogOf(call);
}

export interface EvaluateInput {
  profile: SystemProfile;
  asOf?: string;
  jurisdictions?: string[];
  includeNotApplicable?: boolean;
  traces?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

function options(input: EvaluateInput): EvaluateOptions {
  return {
    asOf: input.asOf ?? today(),
    ...(input.jurisdictions ? { jurisdictions: input.jurisdictions } : {}),
    ...(input.includeNotApplicable ? { includeNotApplicable: true } : {}),
    ...(input.traces === false ? { traces: false } : {}),
  };
}

export async function evaluate(call: Call, input: EvaluateInput) {
  const catalog = await readCatalog(call);
  return catalog.rules.evaluate(input.profile, options(input));
}

export async function checklist(call: Call, input: EvaluateInput) {
  const catalog = await readCatalog(call);
  const evaluation = catalog.rules.evaluate(input.profile, {
    ...options(input),
    includeNotApplicable: false,
    traces: false,
  });
  return { asOf: evaluation.asOf, items: complyOnce(catalog.graph, evaluation) };
}

function findRequirement(
  reqs: readonly Requirement[],
  id: string,
  trail: Requirement[] = [],
): { r: Requirement; trail: Requirement[] } | null {
  for (const r of reqs) {
    if (r.id === id) return { r, trail };
    if (r.children) {
      const found = findRequirement(r.children, id, [...trail, r]);
      if (found) return found;
    }
  }
  return null;
}

/** The public description of a requirement key, for mapping and gap views. */
export function describeKey(catalog: Catalog, key: RequirementKey) {
  const { instrumentId, requirementId } = splitKey(key);
  const c = catalog.byId.get(instrumentId);
  const found = c ? findRequirement(c.instrument.requirements, requirementId) : null;
  return {
    instrumentId,
    shortTitle: c?.instrument.shortTitle ?? instrumentId,
    jurisdiction: c?.instrument.jurisdiction ?? "",
    requirementId,
    ref: found?.r.ref ?? requirementId,
    title: found?.r.title ?? requirementId,
  };
}

function appliesFromOf(catalog: Catalog, instrumentId: string, trail: Requirement[], r: Requirement): string | null {
  const i = catalog.byId.get(instrumentId)!.instrument;
  for (const node of [r, ...[...trail].reverse()]) {
    if (node.appliesFrom) return i.applicationDates.find((d) => d.id === node.appliesFrom)?.date ?? null;
  }
  return i.dates.entryIntoForce ?? null;
}

export async function requirementView(
  call: Call,
  { id: instrumentId, requirementId }: { id: string; requirementId: string },
) {
  const catalog = await readCatalog(call);
  const c = catalog.byId.get(instrumentId);
  if (!c) throw notFound(`Instrument ${instrumentId}`);
  const found = findRequirement(c.instrument.requirements, requirementId);
  if (!found) throw notFound(`Requirement ${requirementId} of ${instrumentId}`);
  const { r, trail } = found;
  const key = requirementKey(instrumentId, requirementId);
  const directEdges = catalog.graph.edges.get(key) ?? [];
  const mappings = [...inferFrom(catalog.graph, key, 2).values()]
    .filter((m) => splitKey(m.to).instrumentId !== instrumentId)
    .map((m) => {
      const edge = m.hops === 1 ? directEdges.find((e) => e.to === m.to && e.relation === m.relation) : undefined;
      return {
        other: describeKey(catalog, m.to),
        relation: m.relation,
        strength: m.strength,
        hops: m.hops,
        direct: m.hops === 1,
        rationale: edge?.rationale ?? null,
        path: m.path,
      };
    })
    .sort(
      (a, b) => a.hops - b.hops || b.strength - a.strength || a.other.instrumentId.localeCompare(b.other.instrumentId),
    );
  return {
    instrumentId,
    version: c.instrument.version,
    shortTitle: c.instrument.shortTitle,
    jurisdiction: c.instrument.jurisdiction,
    lastReviewed: r.lastReviewed ?? c.instrument.lastReviewed,
    appliesFrom: appliesFromOf(catalog, instrumentId, trail, r),
    requirement: {
      id: r.id,
      ref: r.ref,
      title: r.title,
      summary: r.summary,
      addressees: r.addressees ?? [],
      category: r.category ?? null,
      applicability: r.applicability ?? null,
      evidence: r.evidence ?? [],
      sourceUrl: r.sourceUrl ?? null,
      lastReviewed: r.lastReviewed ?? null,
      verify: r.verify ?? false,
      note: r.note ?? null,
    },
    ancestors: trail.map((a) => ({ id: a.id, ref: a.ref, title: a.title })),
    children: (r.children ?? []).map((ch) => ({ id: ch.id, ref: ch.ref, title: ch.title })),
    mappings,
  };
}

export async function searchRequirements(
  call: Call,
  q: { q: string; instrument?: string; jurisdiction?: string; page: number; pageSize: number },
) {
  const catalog = await readCatalog(call);
  const words = q.q.normalize("NFKC").toLocaleLowerCase("und").split(/\s+/).filter(Boolean);
  const hits = catalog.instruments
    .filter((c) => !q.instrument || c.instrument.id === q.instrument)
    .filter(
      (c) =>
        !q.jurisdiction ||
        c.instrument.jurisdiction === q.jurisdiction ||
        c.instrument.jurisdiction.startsWith(`${q.jurisdiction}-`),
    )
    .flatMap((c) =>
      c.requirements
        .filter((r) => words.every((w) => r.text.includes(w)))
        .map(({ requirement: r }) => ({
          instrumentId: c.instrument.id,
          shortTitle: c.instrument.shortTitle,
          jurisdiction: c.instrument.jurisdiction,
          requirementId: r.id,
          ref: r.ref,
          title: r.title,
          summary: r.summary,
        })),
    );
  return {
    items: hits.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: hits.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

function requireInstrument(catalog: Catalog, id: string, field: string) {
  const c = catalog.byId.get(id);
  if (!c) throw invalid(field, `no instrument "${id}"`);
  return c.instrument;
}

export async function listCrosswalks(call: Call) {
  const catalog = await readCatalog(call);
  return {
    items: catalog.crosswalks.map((cw) => ({
      id: cw.id,
      source: cw.source,
      target: cw.target,
      title: cw.title,
      method: cw.method,
      lastReviewed: cw.lastReviewed,
      mappingCount: cw.mappings.length,
      verifyCount: cw.mappings.filter((m) => m.verify).length,
    })),
    dangling: catalog.graph.dangling,
  };
}

export async function coverage(call: Call, { maxHops }: { maxHops: number }) {
  const catalog = await readCatalog(call);
  return {
    maxHops,
    instruments: catalog.instruments.map((c) => ({
      id: c.instrument.id,
      shortTitle: c.instrument.shortTitle,
      jurisdiction: c.instrument.jurisdiction,
      requirementCount: c.requirements.length,
    })),
    cells: catalog.coverage(maxHops),
  };
}

export async function pairs(call: Call, q: { source: string; target: string; maxHops: number }) {
  const catalog = await readCatalog(call);
  const source = requireInstrument(catalog, q.source, "querystring.source");
  requireInstrument(catalog, q.target, "querystring.target");
  const out = [];
  for (const { requirement } of catalog.byId.get(source.id)!.requirements) {
    const from = requirementKey(source.id, requirement.id);
    const direct = catalog.graph.edges.get(from) ?? [];
    for (const m of inferFrom(catalog.graph, from, q.maxHops).values()) {
      if (splitKey(m.to).instrumentId !== q.target) continue;
      const edge = m.hops === 1 ? direct.find((e) => e.to === m.to && e.relation === m.relation) : undefined;
      out.push({
        source: describeKey(catalog, from),
        target: describeKey(catalog, m.to),
        relation: m.relation,
        strength: m.strength,
        hops: m.hops,
        direct: m.hops === 1,
        rationale: edge?.rationale ?? null,
        path: m.path,
      });
    }
  }
  return { source: q.source, target: q.target, maxHops: q.maxHops, pairs: out };
}

export async function gap(call: Call, q: { covering: string; target: string; maxHops: number }) {
  const catalog = await readCatalog(call);
  const covering = requireInstrument(catalog, q.covering, "querystring.covering");
  const target = requireInstrument(catalog, q.target, "querystring.target");
  const result = gapAnalysis(catalog.graph, covering, target, q.maxHops);
  return {
    ...result,
    items: result.items.map((item) => ({
      ...item,
      via: item.via.map((v) => ({
        from: describeKey(catalog, v.from),
        relation: v.relation,
        strength: v.strength,
        hops: v.hops,
        path: v.path,
      })),
    })),
  };
}
