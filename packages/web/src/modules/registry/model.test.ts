import { describe, expect, it } from "vitest";
import {
  byJurisdiction,
  type ClassifiedInstrument,
  categoryParts,
  exportFileName,
  exportUrl,
  fieldStatusCounts,
  isFiltered,
  localizedTexts,
  obligationCounts,
  obligationRequirement,
  parseFieldSet,
  roughly,
  type SystemDocument,
  searchQuery,
  translationLanguages,
  valueLines,
} from "./model";

describe("register filters", () => {
  it("drop empty values and the default sort, and send mine as the API's boolean string", () => {
    expect(searchQuery({ q: "chat", sort: "relevance", mine: "true", kind: undefined })).toEqual({
      q: "chat",
      mine: "true",
    });
    expect(searchQuery({ sort: "name", category: "eu-ai-act:high-risk" })).toEqual({
      sort: "name",
      category: "eu-ai-act:high-risk",
    });
  });

  it("count as filtered when anything but the sort order narrows the list", () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ sort: "name" })).toBe(false);
    expect(isFiltered({ sector: "employment" })).toBe(true);
  });

  it("build the export URL with the same filters and the format", () => {
    const url = exportUrl("csv", { q: "人工智能", jurisdiction: "EU", sort: "published" });
    const parsed = new URL(url, "http://x");
    expect(parsed.pathname).toBe("/api/v1/registry/export");
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      q: "人工智能",
      jurisdiction: "EU",
      sort: "published",
      format: "csv",
    });
  });

  it("name export files by date", () => {
    expect(exportFileName("registry", new Date("2026-08-02T23:00:00Z"), "csv")).toBe(
      "concordia-registry-2026-08-02.csv",
    );
  });
});

describe("categories", () => {
  it("split into instrument and category", () => {
    expect(categoryParts("eu-ai-act:high-risk")).toEqual({ instrumentId: "eu-ai-act", categoryId: "high-risk" });
    expect(categoryParts("plain")).toEqual({ instrumentId: "plain", categoryId: "" });
  });
});

describe("translations of a system's texts", () => {
  const doc: SystemDocument = {
    name: "Hiring assistant",
    intendedPurpose: "Ranks applications",
    description: "Long text",
    translations: { fr: { name: "Assistant de recrutement", intendedPurpose: "Classe les candidatures" }, es: {} },
  };

  it("show the reader's language where the provider translated, the original elsewhere", () => {
    expect(localizedTexts(doc, "fr")).toEqual({
      name: "Assistant de recrutement",
      intendedPurpose: "Classe les candidatures",
      description: "Long text",
      translatedTo: "fr",
    });
    expect(localizedTexts(doc, "es").translatedTo).toBeNull();
    expect(localizedTexts(doc, "ar").name).toBe("Hiring assistant");
    expect(localizedTexts(doc, "fr", true).name).toBe("Hiring assistant");
  });

  it("list only languages with some translated text", () => {
    expect(translationLanguages(doc)).toEqual(["fr"]);
  });
});

describe("classification", () => {
  const inst = (over: Partial<ClassifiedInstrument>): ClassifiedInstrument => ({
    instrumentId: "x",
    version: "1",
    shortTitle: "X",
    jurisdiction: "EU",
    binding: true,
    status: "applies",
    category: null,
    possibleCategories: [],
    obligations: [],
    ...over,
  });

  it("counts stored obligations by status", () => {
    expect(obligationCounts(["art-9 applies", "art-10 may-apply", "art 11 applies"])).toEqual({
      applies: 2,
      mayApply: 1,
    });
    expect(obligationRequirement("art-9 applies")).toBe("art-9");
  });

  it("groups by jurisdiction, binding applying instruments first", () => {
    const groups = byJurisdiction([
      inst({ instrumentId: "oecd", jurisdiction: "INT", binding: false, shortTitle: "OECD" }),
      inst({ instrumentId: "gdpr-like", jurisdiction: "EU", status: "may-apply", shortTitle: "B" }),
      inst({ instrumentId: "ai-act", jurisdiction: "EU", shortTitle: "A" }),
    ]);
    expect(groups.map(([j, list]) => [j, list.map((i) => i.instrumentId)])).toEqual([
      ["EU", ["ai-act", "gdpr-like"]],
      ["INT", ["oecd"]],
    ]);
  });
});

describe("field sets", () => {
  it("are read defensively", () => {
    expect(parseFieldSet(null)).toBeNull();
    expect(parseFieldSet({ fields: "no" })).toBeNull();
    const set = parseFieldSet({
      standard: "EU AI Act, Annex VIII",
      applicability: { applies: true, note: "high-risk" },
      fields: [
        { key: "1", label: "Provider", section: "A", value: { name: "Org" }, from: "provider.name", status: "mapped" },
        { key: "2", label: "Submitter", section: "A", value: null, from: null, status: "not-recorded" },
        { key: "1.contact", label: "Contact", section: "A", value: null, from: "contact", status: "withheld" },
        { key: "x", label: "Odd", section: "A", status: "strange" },
        "junk",
      ],
    });
    expect(set?.applicability).toEqual({ applies: true, note: "high-risk" });
    expect(set?.fields.map((f) => f.status)).toEqual(["mapped", "not-recorded", "withheld", "not-recorded"]);
    expect(fieldStatusCounts(set?.fields ?? [])).toEqual({ mapped: 1, "not-recorded": 2, withheld: 1 });
  });

  it("show values as lines", () => {
    expect(valueLines("a")).toEqual(["a"]);
    expect(valueLines(["a", "b"])).toEqual(["a", "b"]);
    expect(valueLines({ name: "Org", url: "https://x" })).toEqual(["name: Org", "url: https://x"]);
    expect(valueLines(null)).toEqual([]);
  });
});

describe("roughly", () => {
  it("keeps two significant digits of an estimated total", () => {
    expect(roughly(54_173)).toBe(54_000);
    expect(roughly(895_955)).toBe(900_000);
    expect(roughly(201)).toBe(200);
    expect(roughly(1_150)).toBe(1_200);
    expect(roughly(99)).toBe(99);
  });
});
