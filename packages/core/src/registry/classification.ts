import type { Evaluation } from "../rules/engine.js";

/** What the register keeps of an evaluation: per instrument the status, category and obligations. */
export interface ClassificationSummary {
  asOf: string;
  instruments: {
    instrumentId: string;
    version: string;
    shortTitle: string;
    jurisdiction: string;
    binding: boolean;
    status: "applies" | "may-apply" | "does-not-apply";
    category: { id: string; label: string } | null;
    possibleCategories: string[];
    /** "<requirementId> <status>" of every obligation that applies or may apply. */
    obligations: string[];
  }[];
  /** Jurisdictions where a binding instrument applies. */
  jurisdictions: string[];
  /** "<instrumentId>:<categoryId>" of every instrument in scope. */
  categories: string[];
}

export function summarizeEvaluation(e: Evaluation): ClassificationSummary {
  const instruments = e.jurisdictions.flatMap((j) =>
    j.instruments.map((i) => ({
      instrumentId: i.instrumentId,
      version: i.version,
      shortTitle: i.shortTitle,
      jurisdiction: i.jurisdiction,
      binding: i.binding,
      status: i.status,
      category: i.category ? { id: i.category.id, label: i.category.label } : null,
      possibleCategories: i.possibleCategories.map((c) => c.id),
      obligations: i.obligations.map((o) => `${o.requirementId} ${o.status}`),
    })),
  );
  const applying = instruments.filter((i) => i.status === "applies");
  return {
    asOf: e.asOf,
    instruments,
    jurisdictions: [...new Set(applying.filter((i) => i.binding).map((i) => i.jurisdiction))].sort(),
    categories: applying
      .filter((i) => i.category)
      .map((i) => `${i.instrumentId}:${i.category!.id}`)
      .sort(),
  };
}

export interface ClassificationChange {
  instrumentId: string;
  shortTitle: string;
  kind: "added" | "removed" | "status" | "category" | "obligations" | "version";
  before: string | null;
  after: string | null;
  /** For "obligations": requirement ids that now apply (or may apply) and that no longer do. */
  gained?: string[];
  lost?: string[];
}

/** What changed between two classifications of the same system (instrument by instrument). */
export function diffClassifications(
  before: ClassificationSummary | null,
  after: ClassificationSummary,
): ClassificationChange[] {
  if (!before) return [];
  const prev = new Map(before.instruments.map((i) => [i.instrumentId, i]));
  const changes: ClassificationChange[] = [];
  for (const i of after.instruments) {
    const p = prev.get(i.instrumentId);
    prev.delete(i.instrumentId);
    const base = { instrumentId: i.instrumentId, shortTitle: i.shortTitle };
    if (!p) {
      changes.push({ ...base, kind: "added", before: null, after: i.status });
      continue;
    }
    if (p.version !== i.version) changes.push({ ...base, kind: "version", before: p.version, after: i.version });
    if (p.status !== i.status) changes.push({ ...base, kind: "status", before: p.status, after: i.status });
    if ((p.category?.id ?? null) !== (i.category?.id ?? null)) {
      changes.push({ ...base, kind: "category", before: p.category?.label ?? null, after: i.category?.label ?? null });
    }
    const was = new Set(p.obligations);
    const now = new Set(i.obligations);
    const gained = i.obligations.filter((o) => !was.has(o));
    const lost = p.obligations.filter((o) => !now.has(o));
    if (gained.length || lost.length) {
      changes.push({
        ...base,
        kind: "obligations",
        before: String(p.obligations.length),
        after: String(i.obligations.length),
        gained,
        lost,
      });
    }
  }
  for (const p of prev.values()) {
    changes.push({
      instrumentId: p.instrumentId,
      shortTitle: p.shortTitle,
      kind: "removed",
      before: p.status,
      after: null,
    });
  }
  return changes;
}
