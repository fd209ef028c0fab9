import type { Instrument, Requirement } from "./types.js";

/**
 * Reviews of reference data that are overdue. Policy (data/README.md, "Review dates"): an
 * instrument's review date is its `lastReviewed`; a requirement's is its own `lastReviewed`, else
 * the instrument's. A review is overdue when that date is more than `maxAgeDays` (default 365)
 * days before `asOf`. The schema has no next-review date, so age is the only test.
 */
export interface OverdueReview {
  instrumentId: string;
  /** Absent for the instrument itself. */
  requirementId?: string;
  ref?: string;
  title: string;
  /** The date the review rests on (the requirement's own, or inherited from the instrument). */
  lastReviewed: string;
  /** True when a requirement has no date of its own and takes the instrument's. */
  inherited: boolean;
  ageDays: number;
}

export interface OverdueOptions {
  /** ISO date (YYYY-MM-DD) the ages are counted to. */
  asOf: string;
  /** Reviews older than this many days are overdue. Default 365. */
  maxAgeDays?: number;
}

export const DEFAULT_REVIEW_MAX_AGE_DAYS = 365;

const DAY_MS = 86_400_000;
function dayNumber(iso: string): number {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(t)) throw new RangeError(`not an ISO date: "${iso}"`);
  return t / DAY_MS;
}

/** Instruments and requirements whose review is overdue, oldest first (then by instrument and position). */
export function overdueReviews(instruments: readonly Instrument[], options: OverdueOptions): OverdueReview[] {
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_REVIEW_MAX_AGE_DAYS;
  if (!Number.isFinite(maxAgeDays) || maxAgeDays < 0) throw new RangeError("maxAgeDays must be 0 or more");
  const today = dayNumber(options.asOf);
  const out: OverdueReview[] = [];
  for (const inst of instruments) {
    const instAge = today - dayNumber(inst.lastReviewed);
    if (instAge > maxAgeDays) {
      out.push({
        instrumentId: inst.id,
        title: inst.shortTitle,
        lastReviewed: inst.lastReviewed,
        inherited: false,
        ageDays: instAge,
      });
    }
    const walk = (reqs: readonly Requirement[]) => {
      for (const r of reqs) {
        const date = r.lastReviewed ?? inst.lastReviewed;
        const age = today - dayNumber(date);
        if (age > maxAgeDays) {
          out.push({
            instrumentId: inst.id,
            requirementId: r.id,
            ref: r.ref,
            title: r.title,
            lastReviewed: date,
            inherited: r.lastReviewed === undefined,
            ageDays: age,
          });
        }
        if (r.children) walk(r.children);
      }
    };
    walk(inst.requirements);
  }
  // Stable sort: oldest review first, document order within the same date.
  return out.sort((a, b) => b.ageDays - a.ageDays);
}
