import {
  betterRelation,
  type CrosswalkGraph,
  type InferredRelation,
  inferFrom,
  type RequirementKey,
  requirementKey,
} from "./crosswalk.js";
import type { Evaluation, ObligationResult } from "./engine.js";
import type { Instrument, Relation, Requirement } from "./types.js";

export type Coverage = "full" | "partial" | "none";

/** What complying with `a` (a <relation> b) does for b. */
export function coverageOf(relation: Relation): Exclude<Coverage, "none"> {
  return relation === "equal" || relation === "superset-of" ? "full" : "partial";
}

export interface GapItem {
  requirementId: string;
  ref: string;
  title: string;
  coverage: Coverage;
  /** How the coverage comes about: the best relation per covering requirement, best first. */
  via: (InferredRelation & { from: RequirementKey })[];
  /** Set when the coverage is inherited from an ancestor or summed up from children. */
  derived?: "from-parent" | "from-children";
}

export interface GapAnalysis {
  covering: string;
  target: string;
  maxHops: number;
  items: GapItem[];
  summary: { full: number; partial: number; none: number; total: number };
}

function flatten(
  reqs: readonly Requirement[],
  parent: Requirement | null,
  out: { r: Requirement; parent: Requirement | null }[],
) {
  for (const r of reqs) {
    out.push({ r, parent });
    if (r.children) flatten(r.children, r, out);
  }
  return out;
}

/**
 * Which requirements of `target` are fully, partly or not covered by complying with `covering`.
 * A requirement without mappings of its own takes full coverage from a fully covered ancestor,
 * or from its children (full when all are full, partial when any is covered).
 */
export function gapAnalysis(
  graph: CrosswalkGraph,
  covering: Instrument,
  target: Instrument,
  maxHops = 3,
  /** Searches already done (same graph and maxHops), shared across calls by coverageMatrix. */
  searches: Map<RequirementKey, Map<RequirementKey, InferredRelation>> = new Map(),
): GapAnalysis {
  const coveringIds = new Set(
    flatten(covering.requirements, null, []).map(({ r }) => requirementKey(covering.id, r.id)),
  );
  const nodes = flatten(target.requirements, null, []);
  const direct = new Map<string, GapItem>();
  for (const { r } of nodes) {
    const key = requirementKey(target.id, r.id);
    let reachable = searches.get(key);
    if (!reachable) {
      reachable = inferFrom(graph, key, maxHops);
      searches.set(key, reachable);
    }
    const via = [...reachable.values()]
      .filter((x) => coveringIds.has(x.to))
      // inferFrom gives target→covering; the covering requirement's relation to the target is the inverse.
      .map((x) => ({ ...x, relation: invert(x.relation), from: x.to, to: key }))
      .sort((a, b) => (betterRelation(a, b) ? -1 : betterRelation(b, a) ? 1 : 0));
    const coverage: Coverage = via.length === 0 ? "none" : coverageOf(via[0]!.relation);
    direct.set(r.id, { requirementId: r.id, ref: r.ref, title: r.title, coverage, via });
  }
  const resolved = new Map<string, GapItem>();
  // Bottom-up: a requirement with no coverage of its own sums up its children.
  const fromChildren = (r: Requirement): GapItem => {
    const item = { ...direct.get(r.id)! };
    const kids = (r.children ?? []).map(fromChildren);
    if (item.coverage === "none" && kids.length > 0) {
      if (kids.every((k) => k.coverage === "full")) item.coverage = "full";
      else if (kids.some((k) => k.coverage !== "none")) item.coverage = "partial";
      if (item.coverage !== "none") item.derived = "from-children";
    }
    resolved.set(r.id, item);
    return item;
  };
  target.requirements.forEach(fromChildren);
  // Top-down (nodes are in pre-order): what a fully covered requirement covers, its parts are.
  for (const { r, parent } of nodes) {
    const item = resolved.get(r.id)!;
    if (item.coverage !== "full" && parent && resolved.get(parent.id)!.coverage === "full") {
      item.coverage = "full";
      item.derived = "from-parent";
    }
  }
  const items = nodes.map(({ r }) => resolved.get(r.id)!);
  const summary = { full: 0, partial: 0, none: 0, total: items.length };
  for (const item of items) summary[item.coverage]++;
  return { covering: covering.id, target: target.id, maxHops, items, summary };
}

function invert(r: Relation): Relation {
  return r === "subset-of" ? "superset-of" : r === "superset-of" ? "subset-of" : r;
}

export interface CoverageCell {
  covering: string;
  target: string;
  full: number;
  partial: number;
  total: number;
}

/** Coverage of every instrument by every other (the heatmap of the crosswalk explorer). */
export function coverageMatrix(graph: CrosswalkGraph, instruments: readonly Instrument[], maxHops = 3): CoverageCell[] {
  const cells: CoverageCell[] = [];
  const searches = new Map<RequirementKey, Map<RequirementKey, InferredRelation>>();
  for (const covering of instruments) {
    for (const target of instruments) {
      if (covering.id === target.id) continue;
      const { summary } = gapAnalysis(graph, covering, target, maxHops, searches);
      cells.push({
        covering: covering.id,
        target: target.id,
        full: summary.full,
        partial: summary.partial,
        total: summary.total,
      });
    }
  }
  return cells;
}

export interface ChecklistEntry {
  instrumentId: string;
  jurisdiction: string;
  requirementId: string;
  ref: string;
  title: string;
  status: ObligationResult["status"];
  binding: boolean;
  /** How doing the item's anchor satisfies this obligation. */
  coverage: Exclude<Coverage, "none">;
  relation: Relation;
}

export interface ChecklistItem {
  anchor: ChecklistEntry;
  satisfies: ChecklistEntry[];
  jurisdictions: string[];
}

/**
 * One deduplicated "comply once" checklist for an evaluation: obligations that crosswalks relate
 * by equal, subset or superset (within maxHops) are grouped; each group is led by the obligation
 * that covers most of the others (binding first), and lists what doing it satisfies elsewhere.
 */
export function complyOnce(graph: CrosswalkGraph, evaluation: Evaluation, maxHops = 2): ChecklistItem[] {
  const entries = new Map<RequirementKey, Omit<ChecklistEntry, "coverage" | "relation">>();
  for (const j of evaluation.jurisdictions) {
    for (const inst of j.instruments) {
      for (const o of inst.obligations) {
        if (o.status === "does-not-apply") continue;
        entries.set(requirementKey(inst.instrumentId, o.requirementId), {
          instrumentId: inst.instrumentId,
          jurisdiction: j.jurisdiction,
          requirementId: o.requirementId,
          ref: o.ref,
          title: o.title,
          status: o.status,
          binding: inst.binding,
        });
      }
    }
  }
  const keys = [...entries.keys()];
  const relations = new Map<RequirementKey, Map<RequirementKey, InferredRelation>>();
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: RequirementKey): RequirementKey => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  for (const key of keys) {
    const reachable = new Map<RequirementKey, InferredRelation>();
    for (const [to, rel] of inferFrom(graph, key, maxHops)) {
      if (!entries.has(to) || rel.relation === "intersects-with") continue;
      reachable.set(to, rel);
      parent.set(find(key), find(to));
    }
    relations.set(key, reachable);
  }
  const groups = new Map<RequirementKey, RequirementKey[]>();
  for (const key of keys) {
    const root = find(key);
    const list = groups.get(root);
    if (list) list.push(key);
    else groups.set(root, [key]);
  }
  const items: ChecklistItem[] = [];
  for (const members of groups.values()) {
    // How many others each member fully covers, computed once (not inside the sort).
    const scores = new Map(
      members.map((k) => [
        k,
        members.filter((m) => {
          const rel = m !== k ? relations.get(k)?.get(m) : undefined;
          return rel !== undefined && coverageOf(rel.relation) === "full";
        }).length,
      ]),
    );
    const score = (k: RequirementKey) => scores.get(k)!;
    const anchorKey = [...members].sort(
      (a, b) =>
        score(b) - score(a) || Number(entries.get(b)!.binding) - Number(entries.get(a)!.binding) || a.localeCompare(b),
    )[0]!;
    const anchor: ChecklistEntry = { ...entries.get(anchorKey)!, coverage: "full", relation: "equal" };
    const satisfies = members
      .filter((m) => m !== anchorKey)
      .map((m) => {
        const rel = relations.get(anchorKey)?.get(m)?.relation ?? "intersects-with";
        return { ...entries.get(m)!, relation: rel, coverage: coverageOf(rel) };
      })
      .sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.instrumentId.localeCompare(b.instrumentId));
    const jurisdictions = [...new Set([anchor.jurisdiction, ...satisfies.map((s) => s.jurisdiction)])].sort();
    items.push({ anchor, satisfies, jurisdictions });
  }
  return items.sort(
    (a, b) =>
      b.jurisdictions.length - a.jurisdictions.length ||
      b.satisfies.length - a.satisfies.length ||
      a.anchor.instrumentId.localeCompare(b.anchor.instrumentId) ||
      a.anchor.requirementId.localeCompare(b.anchor.requirementId),
  );
}
