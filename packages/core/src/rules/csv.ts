import type { Evaluation } from "./engine.js";

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, line break or edge space (quotes
 * doubled). Text a spreadsheet would run as a formula (= + - @ tab or CR first, but not a plain
 * negative number) gets a leading apostrophe (OWASP CSV injection guidance).
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+@\t\r-]/.test(s) && !/^-\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(",");
}

export const EVALUATION_CSV_HEADER = [
  "jurisdiction",
  "instrument",
  "instrument_title",
  "binding",
  "category",
  "requirement",
  "ref",
  "title",
  "addressees",
  "status",
  "applies_from",
  "in_effect",
  "reasons",
] as const;

/** One row per listed obligation, CRLF line ends (RFC 4180), reasons as "fact test: result" joined by "; ". */
export function evaluationToCsv(evaluation: Evaluation): string {
  const lines = [csvLine(EVALUATION_CSV_HEADER)];
  for (const j of evaluation.jurisdictions) {
    for (const i of j.instruments) {
      for (const o of i.obligations) {
        lines.push(
          csvLine([
            j.jurisdiction,
            i.instrumentId,
            i.shortTitle,
            i.binding,
            i.category?.id ?? "",
            o.requirementId,
            o.ref,
            o.title,
            o.addressees.join(" "),
            o.status,
            o.appliesFrom,
            o.inEffect,
            o.trace.map((t) => `${t.fact} ${t.test}: ${t.result}`).join("; "),
          ]),
        );
      }
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
