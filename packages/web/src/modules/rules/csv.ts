import { csvField } from "@concordia/core";
import type { Evaluation, FactTrace, GapAnalysis, InstrumentResult, Obligation } from "./obligationTypes";

export { csvField };

/** CSV (RFC 4180) of results, built in the browser. Codes stay in English so files compare across languages. */

export type Cell = string | number | boolean | null | undefined;

/** Rows joined with CRLF, ending with one. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(csvField).join(","))
    .join("\r\n")
    .concat("\r\n");
}

/** A profile value in a reason: lists comma-separated, everything else as JSON. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** "places.used within EU [DE, FR] → true; gpai.users ≥ 1000 [?] → unknown" */
export function traceText(trace: readonly FactTrace[]): string {
  return trace
    .map((t) => `${t.fact} ${t.test} [${t.value === undefined ? "?" : valueText(t.value)}] → ${t.result}`)
    .join("; ");
}

export const EVALUATION_HEADER = [
  "jurisdiction",
  "instrument",
  "instrumentId",
  "binding",
  "category",
  "possibleCategories",
  "requirementRef",
  "requirementId",
  "title",
  "status",
  "appliesFrom",
  "inEffect",
  "reasons",
] as const;

export function obligationRow(jurisdiction: string, inst: InstrumentResult, o: Obligation): Cell[] {
  return [
    jurisdiction,
    inst.shortTitle,
    inst.instrumentId,
    inst.binding,
    inst.category?.label ?? "",
    inst.possibleCategories.map((c) => c.label).join("; "),
    o.ref,
    o.requirementId,
    o.title,
    o.status,
    o.appliesFrom ?? "",
    o.inEffect,
    traceText(o.trace),
  ];
}

/** One row per obligation of the (possibly filtered) evaluation. */
export function evaluationCsv(evaluation: Evaluation): string {
  const rows = evaluation.jurisdictions.flatMap((j) =>
    j.instruments.flatMap((inst) => inst.obligations.map((o) => obligationRow(j.jurisdiction, inst, o))),
  );
  return toCsv(EVALUATION_HEADER, rows);
}

export const GAP_HEADER = [
  "covering",
  "target",
  "requirementRef",
  "requirementId",
  "title",
  "coverage",
  "derived",
  "coveredBy",
] as const;

/** One row per requirement of the target; "coveredBy" lists covering requirements with their relation. */
export function gapCsv(gap: GapAnalysis): string {
  const rows = gap.items.map((item) => [
    gap.covering,
    gap.target,
    item.ref,
    item.requirementId,
    item.title,
    item.coverage,
    item.derived ?? "",
    item.via
      .map((v) => `${v.from.shortTitle} ${v.from.ref} (${v.relation}, ${v.hops} hop${v.hops === 1 ? "" : "s"})`)
      .join("; "),
  ]);
  return toCsv(GAP_HEADER, rows);
}
