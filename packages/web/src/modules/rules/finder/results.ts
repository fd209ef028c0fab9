import {
  APPLICABILITIES,
  type Applicability,
  type ChecklistItem,
  type Evaluation,
  type InstrumentResult,
} from "../obligationTypes";

/** Filters of the results view, applied in the browser to one evaluation. */
export interface ResultFilters {
  statuses: Applicability[];
  bindingOnly: boolean;
  /** A jurisdiction of the results, or null for all. */
  jurisdiction: string | null;
}

export const DEFAULT_FILTERS: ResultFilters = {
  statuses: ["applies", "may-apply"],
  bindingOnly: false,
  jurisdiction: null,
};

/**
 * The evaluation narrowed to the filters: obligations of the chosen statuses, instruments that
 * still have one (or whose own status is chosen), jurisdictions that still have an instrument.
 */
export function filterEvaluation(evaluation: Evaluation, filters: ResultFilters): Evaluation {
  const statuses = new Set(filters.statuses);
  const jurisdictions = evaluation.jurisdictions
    .filter((j) => filters.jurisdiction === null || j.jurisdiction === filters.jurisdiction)
    .map((j) => ({
      ...j,
      instruments: j.instruments
        .filter((inst) => !filters.bindingOnly || inst.binding)
        .map((inst) => ({ ...inst, obligations: inst.obligations.filter((o) => statuses.has(o.status)) }))
        .filter((inst) => inst.obligations.length > 0 || statuses.has(inst.status)),
    }))
    .filter((j) => j.instruments.length > 0);
  return { ...evaluation, jurisdictions };
}

/** Obligations per status across an evaluation. */
export function countByStatus(evaluation: Evaluation): Record<Applicability, number> {
  const counts = Object.fromEntries(APPLICABILITIES.map((s) => [s, 0])) as Record<Applicability, number>;
  for (const j of evaluation.jurisdictions) {
    for (const inst of j.instruments) for (const o of inst.obligations) counts[o.status]++;
  }
  return counts;
}

/** Instruments per status (the instrument's own scope status). */
export function instrumentsByStatus(evaluation: Evaluation): Record<Applicability, number> {
  const counts = Object.fromEntries(APPLICABILITIES.map((s) => [s, 0])) as Record<Applicability, number>;
  for (const j of evaluation.jurisdictions) for (const inst of j.instruments) counts[inst.status]++;
  return counts;
}

/** Instruments in scope first (applies, then may apply), binding before voluntary, then by title. */
export function sortInstruments(list: readonly InstrumentResult[]): InstrumentResult[] {
  const rank = (s: Applicability) => APPLICABILITIES.indexOf(s);
  return [...list].sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      Number(b.binding) - Number(a.binding) ||
      a.shortTitle.localeCompare(b.shortTitle),
  );
}

/**
 * Jurisdictions with binding instruments that apply (or may) first, then the others; the
 * server's order (by code) otherwise.
 */
export function sortJurisdictions(evaluation: Evaluation): Evaluation["jurisdictions"] {
  const weight = (j: Evaluation["jurisdictions"][number]) =>
    j.instruments.some((i) => i.binding && i.status !== "does-not-apply" && i.obligations.length > 0) ? 0 : 1;
  return evaluation.jurisdictions
    .map((j, index) => ({ j, index }))
    .sort((a, b) => weight(a.j) - weight(b.j) || a.index - b.index)
    .map(({ j }) => j);
}

/** A file name for exports: concordia-obligations-2026-08-02.csv */
export function exportFileName(kind: string, asOf: string, ext: string): string {
  return `concordia-${kind}-${asOf}.${ext}`;
}

export interface ChecklistFilters {
  /** Only items that also satisfy an obligation elsewhere. */
  sharedOnly: boolean;
  /** Only items that involve a binding obligation (the anchor or one it satisfies). */
  bindingOnly: boolean;
}

export function filterChecklist(items: readonly ChecklistItem[], filters: ChecklistFilters): ChecklistItem[] {
  return items.filter(
    (item) =>
      (!filters.sharedOnly || item.satisfies.length > 0) &&
      (!filters.bindingOnly || item.anchor.binding || item.satisfies.some((s) => s.binding)),
  );
}
