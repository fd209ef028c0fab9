import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkDataStyle, checkTextStyle } from "./data-style.js";

const rules = (text: string) => checkTextStyle(text).map((f) => `${f.rule}:${f.match}`);

describe("house style of the reference data", () => {
  it("accepts dates written as '22 January 2026', 'January 2026' or a year", () => {
    expect(rules("Applies from 22 January 2026; adopted in January 2025, amended in 2026.")).toEqual([]);
    expect(rules("May 2026 and 1 May 2026 and 31 December 2027")).toEqual([]);
  });

  it("rejects abbreviated months, month-first, ordinal and numeric dates", () => {
    expect(rules("effective 22 Jan 2026")).toEqual(["date:22 Jan 2026"]);
    expect(rules("effective 1 Sept. 2025")).toEqual(["date:1 Sept. 2025"]);
    expect(rules("effective Jan 22, 2026")).toEqual(["date:Jan 22, 2026"]);
    expect(rules("effective January 22, 2026")).toEqual(["date:January 22, 2026"]);
    expect(rules("effective 22nd January 2026")).toEqual(["date:22nd January 2026"]);
    expect(rules("effective 05 January 2026")).toEqual(["date:05 January 2026"]);
    expect(rules("effective 2026-1-5")).toEqual(["date:2026-1-5"]);
    expect(rules("Reviewed 2026-11-26.")).toEqual(["date:2026-11-26"]);
    expect(rules("effective 1/22/2026")).toEqual(["date:1/22/2026"]);
    expect(rules("OJ L, 2024/1689, 12.7.2024")).toEqual(["date:12.7.2024"]);
    expect(rules("published 2023-12")).toEqual(["date:2023-12"]);
  });

  it("does not read numbers that are not dates as dates", () => {
    expect(rules("6/5/4/4 categories, 19/18/22/13 subcategories")).toEqual([]);
    expect(rules("Clause 6.1.2 and control A.6.2.8; GB 45438-2025; Regulation (EU) 2024/1689")).toEqual([]);
    expect(rules("see https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm")).toEqual([]);
  });

  it("accepts ranges written with 'to'", () => {
    expect(rules("Arts. 9 to 15, Art. 7(2) to (5), clauses 8.2 to 8.4, RMB 10,000 to 100,000")).toEqual([]);
  });

  it("rejects ranges written with a hyphen or a dash", () => {
    expect(rules("Arts. 9-15")).toEqual(["range:9-15"]);
    expect(rules("Arts. 9–15")).toEqual(["range:9–15"]);
    expect(rules("Art. 7(2)-(5)")).toEqual(["range:)-("]);
    expect(rules("points (a)–(d)")).toEqual(["range:)–("]);
    expect(rules("clauses 8.2-8.4; strength (1-10); RMB 10,000-100,000")).toEqual([
      "range:8.2-8.4",
      "range:1-10",
      "range:10,000-100,000",
    ]);
    expect(rules("Arts. 4, 7(1), 9-15")).toEqual(["range:9-15"]);
    expect(rules("the 2025-26 session")).toEqual(["range:2025-26"]);
  });

  it("reads hyphenated numbers after a designation as names, not ranges", () => {
    expect(
      rules(
        "NYC Admin. Code §§ 20-870 to 20-874; 6 RCNY §§ 5-301, 5-303, 5-304; C.R.S. § 6-1-1702(1); SB 24-205; " +
          "NIST AI 100-1 and NIST AI 600-1; GB 45438-2025; Art. 22-3; Int. 1894-2020; a 24-hour deadline",
      ),
    ).toEqual([]);
  });

  it("wants chapter numbers in Roman numerals", () => {
    expect(rules("Chapter III (Arts. 9 to 15); Chapters III and IV")).toEqual([]);
    expect(rules("Chapter 3 (AI Basic Plan)")).toEqual(["chapter:Chapter 3"]);
    expect(rules("Stats. 2025, ch. 138")).toEqual([]);
  });

  it("checks the text fields of a file with their paths, not ids, addresses, machine dates or official titles", () => {
    const file = {
      id: "art-9-15",
      lastReviewed: "2026-11-26",
      titles: { en: "Act of 22 Jan 2026", official: { lang: "ko", text: "법률 제21311호 2025-1-21" } },
      sources: [{ label: "Text", url: "https://example.org/2023-07/1-4" }],
      requirements: [{ id: "a", ref: "Arts. 1-4", summary: "Applies from 2026-01-22." }],
    };
    expect(checkDataStyle(file).map((i) => `${i.path.join(".")} ${i.rule}`)).toEqual([
      "titles.en date",
      "requirements.0.ref range",
      "requirements.0.summary date",
    ]);
  });

  it("finds nothing in the repository's reference data", () => {
    const root = new URL("../../../../data/", import.meta.url);
    for (const dir of ["frameworks", "crosswalks", "scenarios"]) {
      const base = new URL(`${dir}/`, root);
      for (const f of readdirSync(base).filter((n) => n.endsWith(".json"))) {
        const issues = checkDataStyle(JSON.parse(readFileSync(new URL(f, base), "utf8")));
        expect(
          issues.map((i) => `${i.path.join(".")}: ${i.match}`),
          `${dir}/${f}`,
        ).toEqual([]);
      }
    }
  });
});
