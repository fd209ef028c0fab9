import type { Crosswalk, Instrument, Relation, Requirement } from "./types.js";

/**
 * Crosswalk inference (NIST OLIR set-theory relationships). A mapping says the source element is
 * <relation> the target element. Relations invert (subset-of ↔ superset-of) and compose along
 * paths, keeping the weakest: equal > subset-of / superset-of > intersects-with. A path that
 * turns from subset to superset (or back) only supports intersects-with, and so does any path
 * through an intersection; inferred relations carry the path and the minimum strength on it.
 */

/** "<instrumentId>:<requirementId>" */
export type RequirementKey = string;

export const requirementKey = (instrumentId: string, requirementId: string): RequirementKey =>
  `${instrumentId}:${requirementId}`;

export function splitKey(key: RequirementKey): { instrumentId: string; requirementId: string } {
  const i = key.indexOf(":");
  return { instrumentId: key.slice(0, i), requirementId: key.slice(i + 1) };
}

const RANK: Record<Relation, number> = { equal: 3, "subset-of": 2, "superset-of": 2, "intersects-with": 1 };
const RELATION_INDEX: Record<Relation, number> = { equal: 0, "subset-of": 1, "superset-of": 2, "intersects-with": 3 };
const BY_INDEX: readonly Relation[] = ["equal", "subset-of", "superset-of", "intersects-with"];

export function inverseRelation(r: Relation): Relation {
  return r === "subset-of" ? "superset-of" : r === "superset-of" ? "subset-of" : r;
}

/** The relation of a to c, given a <first> b and b <second> c. */
export function composeRelations(first: Relation, second: Relation): Relation {
  if (first === "equal") return second;
  if (second === "equal") return first;
  if (first === second && first !== "intersects-with") return first;
  return "intersects-with";
}

export interface Edge {
  to: RequirementKey;
  relation: Relation;
  strength: number;
  crosswalkId: string;
  rationale: string;
}

export interface CrosswalkGraph {
  edges: ReadonlyMap<RequirementKey, readonly Edge[]>;
  /** Mappings naming a requirement that does not exist in the given instruments. */
  dangling: { crosswalkId: string; index: number; key: RequirementKey }[];
}

export function requirementKeys(instrument: Instrument): RequirementKey[] {
  const keys: RequirementKey[] = [];
  const walk = (reqs: readonly Requirement[]) => {
    for (const r of reqs) {
      keys.push(requirementKey(instrument.id, r.id));
      if (r.children) walk(r.children);
    }
  };
  walk(instrument.requirements);
  return keys;
}

/** Builds the undirected-with-inverses mapping graph; mappings to unknown requirements are set aside. */
export function buildCrosswalkGraph(
  crosswalks: readonly Crosswalk[],
  instruments: readonly Instrument[],
): CrosswalkGraph {
  const known = new Set(instruments.flatMap(requirementKeys));
  const edges = new Map<RequirementKey, Edge[]>();
  const dangling: CrosswalkGraph["dangling"] = [];
  const add = (from: RequirementKey, edge: Edge) => {
    const list = edges.get(from);
    if (list) list.push(edge);
    else edges.set(from, [edge]);
  };
  for (const cw of crosswalks) {
    cw.mappings.forEach((m, index) => {
      const a = requirementKey(cw.source, m.source);
      const b = requirementKey(cw.target, m.target);
      for (const key of [a, b]) if (!known.has(key)) dangling.push({ crosswalkId: cw.id, index, key });
      if (!known.has(a) || !known.has(b)) return;
      add(a, { to: b, relation: m.relation, strength: m.strength, crosswalkId: cw.id, rationale: m.rationale });
      add(b, {
        to: a,
        relation: inverseRelation(m.relation),
        strength: m.strength,
        crosswalkId: cw.id,
        rationale: m.rationale,
      });
    });
  }
  return { edges, dangling };
}

export interface InferredRelation {
  to: RequirementKey;
  relation: Relation;
  strength: number;
  hops: number;
  /** Requirement keys from the start (excluded) to `to` (included). */
  path: RequirementKey[];
}

interface Label {
  strength: number;
  hops: number;
  path: RequirementKey[];
}

/** Compares two inferred relations: stronger relation first, then strength, then fewer hops. */
export function betterRelation(
  a: Omit<InferredRelation, "to" | "path">,
  b: Omit<InferredRelation, "to" | "path">,
): boolean {
  if (RANK[a.relation] !== RANK[b.relation]) return RANK[a.relation] > RANK[b.relation];
  if (a.strength !== b.strength) return a.strength > b.strength;
  return a.hops < b.hops;
}

/**
 * Every requirement reachable from `start` within `maxHops` mappings, with the best relation
 * found. Keeps the best strength per (requirement, relation), which is exact because strength is
 * a minimum along the path and the relation of a path depends only on its relations.
 */
export function inferFrom(
  graph: CrosswalkGraph,
  start: RequirementKey,
  maxHops = 3,
): Map<RequirementKey, InferredRelation> {
  const best = new Map<RequirementKey, (Label | undefined)[]>();
  let frontier: { key: RequirementKey; relation: Relation; label: Label }[] = [
    { key: start, relation: "equal", label: { strength: 10, hops: 0, path: [] } },
  ];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const next: typeof frontier = [];
    for (const { key, relation, label } of frontier) {
      for (const edge of graph.edges.get(key) ?? []) {
        if (edge.to === start) continue;
        const r = composeRelations(relation, edge.relation);
        const strength = Math.min(label.strength, edge.strength);
        const slots = best.get(edge.to) ?? [undefined, undefined, undefined, undefined];
        const ri = RELATION_INDEX[r];
        const current = slots[ri];
        if (current && current.strength >= strength) continue;
        const nextLabel = { strength, hops: hop, path: [...label.path, edge.to] };
        slots[ri] = nextLabel;
        best.set(edge.to, slots);
        next.push({ key: edge.to, relation: r, label: nextLabel });
      }
    }
    frontier = next;
  }
  const out = new Map<RequirementKey, InferredRelation>();
  for (const [to, slots] of best) {
    let chosen: InferredRelation | null = null;
    slots.forEach((label, i) => {
      if (!label) return;
      const candidate = { to, relation: BY_INDEX[i]!, ...label };
      if (!chosen || betterRelation(candidate, chosen)) chosen = candidate;
    });
    if (chosen) out.set(to, chosen);
  }
  return out;
}
