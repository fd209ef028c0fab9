import { describe, expect, it } from "vitest";
import type { ChecklistEntry, ChecklistItem } from "../obligationTypes";
import {
  countByStatus,
  DEFAULT_FILTERS,
  filterChecklist,
  filterEvaluation,
  instrumentsByStatus,
  sortInstruments,
  sortJurisdictions,
} from "./results";
import { evaluation } from "./testData";

const ids = (e: typeof evaluation) =>
  e.jurisdictions.flatMap((j) =>
    j.instruments.map((i) => `${i.instrumentId}:${i.obligations.map((o) => o.requirementId)}`),
  );

describe("filterEvaluation", () => {
  it("shows what applies or may apply by default", () => {
    expect(ids(filterEvaluation(evaluation, DEFAULT_FILTERS))).toEqual([
      "eu-ai-act:art-26-1,art-50-3",
      "nist-ai-rmf:govern-1",
    ]);
  });

  it("keeps instruments whose own status is chosen even without obligations", () => {
    const out = filterEvaluation(evaluation, { ...DEFAULT_FILTERS, statuses: ["does-not-apply"] });
    expect(ids(out)).toEqual(["eu-ai-act:art-16", "us-co-sb24-205:"]);
  });

  it("filters binding instruments and one jurisdiction", () => {
    expect(ids(filterEvaluation(evaluation, { ...DEFAULT_FILTERS, bindingOnly: true }))).toEqual([
      "eu-ai-act:art-26-1,art-50-3",
    ]);
    expect(ids(filterEvaluation(evaluation, { ...DEFAULT_FILTERS, jurisdiction: "US" }))).toEqual([
      "nist-ai-rmf:govern-1",
    ]);
    expect(filterEvaluation(evaluation, { ...DEFAULT_FILTERS, statuses: [] }).jurisdictions).toEqual([]);
  });

  it("does not change the evaluation it filters", () => {
    const before = JSON.stringify(evaluation);
    filterEvaluation(evaluation, { statuses: ["applies"], bindingOnly: true, jurisdiction: "EU" });
    expect(JSON.stringify(evaluation)).toBe(before);
  });
});

describe("counts and order", () => {
  it("counts obligations and instruments per status", () => {
    expect(countByStatus(evaluation)).toEqual({ applies: 2, "may-apply": 1, "does-not-apply": 1 });
    expect(instrumentsByStatus(evaluation)).toEqual({ applies: 2, "may-apply": 0, "does-not-apply": 1 });
  });

  it("puts applying binding instruments first", () => {
    const all = evaluation.jurisdictions.flatMap((j) => j.instruments);
    expect(sortInstruments([...all].reverse()).map((i) => i.instrumentId)).toEqual([
      "eu-ai-act",
      "nist-ai-rmf",
      "us-co-sb24-205",
    ]);
  });
});

describe("sortJurisdictions", () => {
  it("puts jurisdictions with applying binding instruments first, keeping the order otherwise", () => {
    const reordered = { ...evaluation, jurisdictions: [...evaluation.jurisdictions].reverse() };
    expect(sortJurisdictions(reordered).map((j) => j.jurisdiction)).toEqual(["EU", "US-CO", "US"]);
  });
});

describe("filterChecklist", () => {
  const entry = (instrumentId: string, binding: boolean): ChecklistEntry => ({
    instrumentId,
    jurisdiction: "EU",
    requirementId: "r",
    ref: "R",
    title: "T",
    status: "applies",
    binding,
    coverage: "full",
    relation: "equal",
  });
  const items: ChecklistItem[] = [
    { anchor: entry("a", false), satisfies: [entry("b", true)], jurisdictions: ["EU", "INT"] },
    { anchor: entry("c", false), satisfies: [], jurisdictions: ["INT"] },
    { anchor: entry("d", true), satisfies: [], jurisdictions: ["EU"] },
  ];
  it("keeps shared items, binding items, or both", () => {
    const ids = (list: ChecklistItem[]) => list.map((i) => i.anchor.instrumentId);
    expect(ids(filterChecklist(items, { sharedOnly: false, bindingOnly: false }))).toEqual(["a", "c", "d"]);
    expect(ids(filterChecklist(items, { sharedOnly: true, bindingOnly: false }))).toEqual(["a"]);
    expect(ids(filterChecklist(items, { sharedOnly: false, bindingOnly: true }))).toEqual(["a", "d"]);
    expect(ids(filterChecklist(items, { sharedOnly: true, bindingOnly: true }))).toEqual(["a"]);
  });
});
