import type { CoverageMatrix } from "../obligationTypes";

/** The crosswalk coverage matrix laid out as a table, with colour buckets named in the legend. */

export type MatrixInstrument = CoverageMatrix["instruments"][number];
export type MatrixCell = CoverageMatrix["cells"][number];

export interface HeatCell extends MatrixCell {
  /** Whole percentages of the target's requirements, rounded down (100 only when all are). */
  fullPct: number;
  partialPct: number;
  bucket: number;
}

export interface CoverageGrid {
  rows: MatrixInstrument[];
  columns: MatrixInstrument[];
  cell: (covering: string, target: string) => HeatCell | null;
}

/** Share of `part` in `total` as a whole percentage, never rounded up to 100. */
export function percent(part: number, total: number): number {
  if (total <= 0 || part <= 0) return 0;
  if (part >= total) return 100;
  return Math.floor((part * 100) / total);
}

/** Upper bounds (inclusive) of the colour buckets, by fully covered percentage. */
export const BUCKET_LIMITS = [0, 24, 49, 74, 99, 100] as const;

/** Bucket of a cell: 0 nothing fully covered, …, 5 everything. */
export function bucketOf(fullPct: number): number {
  const i = BUCKET_LIMITS.findIndex((limit) => fullPct <= limit);
  return i < 0 ? BUCKET_LIMITS.length - 1 : i;
}

/** Background and text colours of each bucket (text contrast at least 4.5:1). */
export const BUCKET_COLOURS: readonly { bg: string; fg: string }[] = [
  { bg: "var(--mantine-color-gray-1)", fg: "var(--mantine-color-gray-9)" },
  { bg: "var(--mantine-color-blue-1)", fg: "var(--mantine-color-gray-9)" },
  { bg: "var(--mantine-color-blue-3)", fg: "var(--mantine-color-gray-9)" },
  { bg: "var(--mantine-color-blue-5)", fg: "var(--mantine-color-gray-9)" },
  { bg: "var(--mantine-color-blue-8)", fg: "#fff" },
  { bg: "var(--mantine-color-blue-9)", fg: "#fff" },
];

/** "0", "1–24", …, "100": the range of each bucket, for the legend. */
export function bucketRanges(): [number, number][] {
  return BUCKET_LIMITS.map((limit, i) => [i === 0 ? 0 : BUCKET_LIMITS[i - 1]! + 1, limit]);
}

/**
 * Rows are the instruments that cover something of another one, columns the instruments that
 * something covers; with `all`, every instrument on both axes.
 */
export function coverageGrid(matrix: CoverageMatrix, all = false): CoverageGrid {
  const cells = new Map<string, HeatCell>();
  const covering = new Set<string>();
  const covered = new Set<string>();
  for (const c of matrix.cells) {
    const fullPct = percent(c.full, c.total);
    cells.set(`${c.covering}\n${c.target}`, {
      ...c,
      fullPct,
      partialPct: percent(c.partial, c.total),
      // Something fully covered is never shown in the colour of nothing, even below 1%.
      bucket: c.full > 0 ? Math.max(1, bucketOf(fullPct)) : 0,
    });
    if (c.full + c.partial > 0) {
      covering.add(c.covering);
      covered.add(c.target);
    }
  }
  const byTitle = [...matrix.instruments].sort(
    (a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.shortTitle.localeCompare(b.shortTitle),
  );
  return {
    rows: all ? byTitle : byTitle.filter((i) => covering.has(i.id)),
    columns: all ? byTitle : byTitle.filter((i) => covered.has(i.id)),
    cell: (a, b) => cells.get(`${a}\n${b}`) ?? null,
  };
}

/** "eu-ai-act:art-26" → its two parts (a path element of an inferred mapping). */
export function splitRequirementKey(key: string): { instrumentId: string; requirementId: string } {
  const i = key.indexOf(":");
  return i < 0
    ? { instrumentId: key, requirementId: "" }
    : { instrumentId: key.slice(0, i), requirementId: key.slice(i + 1) };
}
