import type { Condition } from "@concordia/core";

/** The operators of a condition leaf, each a translated phrase ("includes", "is true"…). */
export type LeafOperator = "isTrue" | "isFalse" | "includes" | "includesAny" | "gte" | "gt" | "lt" | "inJurisdiction";

export interface ConditionWords {
  and: string;
  or: string;
  not: string;
  op: (operator: LeafOperator) => string;
  /** How a jurisdiction code reads (for inJurisdiction); the code itself by default. */
  place?: (code: string) => string;
  /** How a number reads (thresholds such as 10^25 FLOP); String() by default. */
  number?: (n: number) => string;
  /** Joins several values ("a, b or c"). */
  list?: (values: string[]) => string;
}

export type Leaf = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>;

/** A leaf's operator and the values it tests, ready to display. */
export function leafParts(
  c: Leaf,
  words: Pick<ConditionWords, "place" | "number">,
): { operator: LeafOperator; values: string[] } {
  const num = words.number ?? String;
  if ("is" in c) return { operator: c.is ? "isTrue" : "isFalse", values: [] };
  if ("includes" in c) return { operator: "includes", values: [c.includes] };
  if ("includesAny" in c) return { operator: "includesAny", values: c.includesAny };
  if ("gte" in c) return { operator: "gte", values: [num(c.gte)] };
  if ("gt" in c) return { operator: "gt", values: [num(c.gt)] };
  if ("lt" in c) return { operator: "lt", values: [num(c.lt)] };
  const place = words.place ? words.place(c.inJurisdiction) : c.inJurisdiction;
  return { operator: "inJurisdiction", values: [place] };
}

/** Whether a value is a well-formed condition (the API hands applicability over as unknown). */
export function isCondition(value: unknown): value is Condition {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.all)) return v.all.every(isCondition);
  if (Array.isArray(v.any)) return v.any.every(isCondition);
  if ("not" in v) return isCondition(v.not);
  return typeof v.fact === "string";
}

/**
 * A condition as one line of text, e.g.
 * "functions includes emotion-recognition AND contexts includes workplace".
 * Nested groups are put in parentheses.
 */
export function conditionText(c: Condition, words: ConditionWords, nested = false): string {
  const list = words.list ?? ((values: string[]) => values.join(", "));
  if ("all" in c || "any" in c) {
    const parts = "all" in c ? c.all : c.any;
    const joiner = ` ${"all" in c ? words.and : words.or} `;
    if (parts.length === 1 && parts[0]) return conditionText(parts[0], words, nested);
    const text = parts.map((p) => conditionText(p, words, true)).join(joiner);
    return nested ? `(${text})` : text;
  }
  if ("not" in c) return `${words.not} ${conditionText(c.not, words, true)}`;
  const { operator, values } = leafParts(c, words);
  const op = words.op(operator);
  return values.length === 0 ? `${c.fact} ${op}` : `${c.fact} ${op} ${list(values)}`;
}
