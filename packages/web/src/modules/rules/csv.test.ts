import { describe, expect, it } from "vitest";
import { csvField, evaluationCsv, gapCsv, toCsv, traceText } from "./csv";
import { evaluation, gap } from "./finder/testData";

/** A small RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("csvField", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(true)).toBe("true");
    expect(csvField(3.5)).toBe("3.5");
  });

  it("defuses spreadsheet formulas but keeps negative numbers", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("-x")).toBe("'-x");
    expect(csvField("-12.5")).toBe("-12.5");
    expect(csvField(-3)).toBe("-3");
  });
});

describe("toCsv", () => {
  it("ends every line with CRLF and reads back", () => {
    const text = toCsv(
      ["a", "b"],
      [
        ["x,y", 'q"q'],
        ["multi\nline", null],
      ],
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual([
      ["a", "b"],
      ["x,y", 'q"q'],
      ["multi\nline", ""],
    ]);
  });
});

describe("evaluationCsv", () => {
  it("writes one row per obligation with its reasons", () => {
    const rows = parseCsv(evaluationCsv(evaluation));
    expect(rows[0]).toEqual([
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
    ]);
    expect(rows).toHaveLength(1 + 4);
    expect(rows[1]).toEqual([
      "EU",
      "EU AI Act",
      "eu-ai-act",
      "true",
      "High-risk AI system",
      "",
      "Art. 26(1)",
      "art-26-1",
      'Use in accordance with the instructions, "as intended"',
      "applies",
      "2026-08-02",
      "true",
      "roles includes any of deployer [deployer] → true; purposes includes employment [employment] → true",
    ]);
    expect(rows[2]?.[12]).toBe("functions includes emotion-recognition [?] → unknown");
    expect(rows[4]?.slice(0, 3)).toEqual(["US", "NIST AI RMF", "nist-ai-rmf"]);
    expect(rows[4]?.[10]).toBe("");
  });

  it("has only the header for an empty evaluation", () => {
    expect(parseCsv(evaluationCsv({ asOf: "2026-01-01", jurisdictions: [] }))).toHaveLength(1);
  });
});

describe("traceText", () => {
  it("shows numbers and booleans as JSON", () => {
    expect(
      traceText([
        { fact: "gpai.trainingComputeFlop", test: "> 1e+25", value: 3e25, result: "true" },
        { fact: "publicFacing", test: "is true", value: false, result: "false" },
      ]),
    ).toBe("gpai.trainingComputeFlop > 1e+25 [3e+25] → true; publicFacing is true [false] → false");
  });
});

describe("gapCsv", () => {
  it("writes one row per target requirement with what covers it", () => {
    const rows = parseCsv(gapCsv(gap));
    expect(rows[0]).toEqual([
      "covering",
      "target",
      "requirementRef",
      "requirementId",
      "title",
      "coverage",
      "derived",
      "coveredBy",
    ]);
    expect(rows[1]).toEqual([
      "iso-42001",
      "eu-ai-act",
      "Art. 9",
      "art-9",
      "Risk management system",
      "full",
      "",
      "ISO-42001 6.1 (superset-of, 1 hop)",
    ]);
    expect(rows[2]?.[6]).toBe("from-children");
    expect(rows).toHaveLength(4);
  });
});
