import type { RouteBody, RouteResponse } from "@concordia/contracts";
import { type RiskLevel, type RiskStatus, type RiskTaxonomy, riskScore } from "@concordia/core";

/** The risk register's pure parts: the 5 × 5 matrix, the risk form, taxonomy groups, history changes. */

export type Risk = RouteResponse<"listRisks">["items"][number];
export type RiskInput = RouteBody<"createRisk">;
export type Taxonomies = RouteResponse<"riskTaxonomies">["taxonomies"];

export const SCALE = [1, 2, 3, 4, 5] as const;

/** Mantine colours of the levels; the level is always written out too, never shown by colour alone. */
export const LEVEL_COLORS: Record<RiskLevel, string> = {
  low: "green",
  medium: "yellow",
  high: "orange",
  critical: "red",
};

export function levelOf(likelihood: number, impact: number): RiskLevel {
  return riskScore(likelihood, impact).level;
}

/**
 * Counts per cell of the 5 × 5 matrix: `counts[impact - 1][likelihood - 1]`. Closed risks are left
 * out; "residual" places a risk by its residual rating, falling back to the inherent one.
 */
export function matrixCounts(
  risks: readonly Pick<Risk, "likelihood" | "impact" | "residualLikelihood" | "residualImpact" | "status">[],
  which: "inherent" | "residual",
): number[][] {
  const counts = SCALE.map(() => SCALE.map(() => 0));
  for (const r of risks) {
    if (r.status === "closed") continue;
    const l = which === "residual" ? (r.residualLikelihood ?? r.likelihood) : r.likelihood;
    const i = which === "residual" ? (r.residualImpact ?? r.impact) : r.impact;
    const row = counts[i - 1];
    if (row && l >= 1 && l <= 5) row[l - 1]! += 1;
  }
  return counts;
}

/** The form of a risk: numbers as select values ("" for no residual rating). */
export interface RiskForm {
  taxonomy: RiskTaxonomy;
  categoryCode: string;
  title: string;
  description: string;
  likelihood: string;
  impact: string;
  owner: string;
  mitigations: string[];
  residualLikelihood: string;
  residualImpact: string;
  reviewDate: string;
  status: RiskStatus;
}

/** A date `days` after `from`, as YYYY-MM-DD (the default review date is in 90 days). */
export function isoDateAfter(from: Date, days: number): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

export function emptyRiskForm(today = new Date()): RiskForm {
  return {
    taxonomy: "mit-ai-risk-repository",
    categoryCode: "",
    title: "",
    description: "",
    likelihood: "3",
    impact: "3",
    owner: "",
    mitigations: [],
    residualLikelihood: "",
    residualImpact: "",
    reviewDate: isoDateAfter(today, 90),
    status: "open",
  };
}

export function riskToForm(r: Risk): RiskForm {
  return {
    taxonomy: r.taxonomy,
    categoryCode: r.categoryCode,
    title: r.title,
    description: r.description,
    likelihood: String(r.likelihood),
    impact: String(r.impact),
    owner: r.owner,
    mitigations: [...r.mitigations],
    residualLikelihood: r.residualLikelihood === null ? "" : String(r.residualLikelihood),
    residualImpact: r.residualImpact === null ? "" : String(r.residualImpact),
    reviewDate: r.reviewDate.slice(0, 10),
    status: r.status,
  };
}

/** The request body of the form; blank mitigations are dropped, the rows sent recorded for error paths. */
export function formToRiskInput(f: RiskForm): { body: RiskInput; mitigationRows: number[] } {
  const mitigationRows: number[] = [];
  const mitigations: string[] = [];
  f.mitigations.forEach((m, i) => {
    if (m.trim()) {
      mitigations.push(m.trim());
      mitigationRows.push(i);
    }
  });
  const num = (s: string) => (s === "" ? null : Number(s));
  return {
    body: {
      taxonomy: f.taxonomy,
      categoryCode: f.categoryCode,
      title: f.title.trim(),
      description: f.description.trim(),
      likelihood: Number(f.likelihood),
      impact: Number(f.impact),
      owner: f.owner.trim(),
      mitigations,
      residualLikelihood: num(f.residualLikelihood),
      residualImpact: num(f.residualImpact),
      reviewDate: f.reviewDate,
      status: f.status,
    },
    mitigationRows,
  };
}

export type RiskProblem = "required" | "residualPair";

export function validateRiskForm(f: RiskForm): Record<string, RiskProblem> {
  const out: Record<string, RiskProblem> = {};
  if (!f.categoryCode) out.categoryCode = "required";
  if (!f.title.trim()) out.title = "required";
  if (!f.owner.trim()) out.owner = "required";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.reviewDate)) out.reviewDate = "required";
  if ((f.residualLikelihood === "") !== (f.residualImpact === "")) {
    out[f.residualLikelihood === "" ? "residualLikelihood" : "residualImpact"] = "residualPair";
  }
  return out;
}

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * A taxonomy's categories for a select, grouped by domain (a category without parent); a domain
 * can be chosen itself, as the first item of its group. Flat taxonomies make one group.
 */
export function categoryGroups(
  categories: readonly { code: string; label: string; parent: string | null }[],
  fallbackGroup: string,
): OptionGroup[] {
  const option = (c: { code: string; label: string }) => ({ value: c.code, label: `${c.code} · ${c.label}` });
  const hasChildren = new Set(categories.map((c) => c.parent).filter((p): p is string => p !== null));
  const domains = categories.filter((c) => c.parent === null && hasChildren.has(c.code));
  const flat = categories.filter((c) => c.parent === null && !hasChildren.has(c.code));
  const groups: OptionGroup[] = domains.map((d) => ({
    group: `${d.code} · ${d.label}`,
    items: [option(d), ...categories.filter((c) => c.parent === d.code).map(option)],
  }));
  // Children of a parent that is not listed (should not happen) still appear.
  const known = new Set(categories.map((c) => c.code));
  const orphans = categories.filter((c) => c.parent !== null && !known.has(c.parent));
  if (flat.length || orphans.length) groups.push({ group: fallbackGroup, items: [...flat, ...orphans].map(option) });
  return groups;
}

/** Fields of a risk compared between states, in the order shown. */
export const TRACKED_FIELDS = [
  "title",
  "description",
  "taxonomy",
  "categoryCode",
  "likelihood",
  "impact",
  "residualLikelihood",
  "residualImpact",
  "owner",
  "mitigations",
  "reviewDate",
  "status",
] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A stored snapshot with camelCase keys (stored rows may use snake_case). */
export function normalizeSnapshot(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [camel(k), v]));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const dateOnly = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : v);

export interface HistoryChange {
  field: TrackedField;
  before: unknown;
  after: unknown;
}

export interface HistoryStep {
  changedAt: string;
  changedBy: string | null;
  /** The first state: the risk as it was recorded. */
  created: boolean;
  changes: HistoryChange[];
}

/**
 * What each save did. Every history item is the state of the risk *after* a save (the first one
 * its creation), so each is compared with the one before it. Newest first.
 */
export function historySteps(
  items: readonly { changedAt: string; changedBy: string | null; snapshot: Record<string, unknown> }[],
): HistoryStep[] {
  const sorted = [...items].sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  const value = (s: Record<string, unknown>, f: TrackedField) => (f === "reviewDate" ? dateOnly(s[f]) : s[f]);
  const steps = sorted.map((item, i) => {
    const after = normalizeSnapshot(item.snapshot);
    if (i === 0) return { changedAt: item.changedAt, changedBy: item.changedBy, created: true, changes: [] };
    const before = normalizeSnapshot(sorted[i - 1]!.snapshot);
    const changes = TRACKED_FIELDS.filter((f) => f in before || f in after)
      .map((field) => ({ field, before: value(before, field), after: value(after, field) }))
      .filter((c) => !same(c.before, c.after));
    return { changedAt: item.changedAt, changedBy: item.changedBy, created: false, changes };
  });
  return steps.reverse();
}

/** Whether a review date (YYYY-MM-DD) has passed, seen from `today`. */
export function isOverdue(reviewDate: string, status: RiskStatus, today = new Date()): boolean {
  return status !== "closed" && reviewDate.slice(0, 10) < today.toISOString().slice(0, 10);
}
