import { describe, expect, it } from "vitest";
import { modelAct } from "../../test/rules-fixture.js";
import { csvField, evaluationToCsv } from "./csv.js";
import { compileRules } from "./engine.js";

describe("CSV export", () => {
  it("quotes fields per RFC 4180", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField(null)).toBe("");
    expect(csvField(true)).toBe("true");
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-12.5")).toBe("-12.5");
    expect(csvField(-3)).toBe("-3");
  });

  it("writes one row per obligation with its reasons", () => {
    const evaluation = compileRules([modelAct()]).evaluate(
      {
        profileVersion: "1",
        roles: ["deployer"],
        places: { used: ["XA"] },
        purposes: ["employment"],
        derogation: { preparatoryTask: false },
      },
      { asOf: "2026-11-26" },
    );
    const rows = evaluationToCsv(evaluation).trimEnd().split("\r\n");
    expect(rows[0]).toBe(
      "jurisdiction,instrument,instrument_title,binding,category,requirement,ref,title,addressees,status,applies_from,in_effect,reasons",
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(
      /^XA,test-model-act,Model Act,true,high-risk,art-2-2,Art\. 2\(2\),Human oversight by deployers,deployer,applies,2026-06-01,true,purposes includes employment: true/,
    );
    expect(rows[1]).toContain("roles includes any of deployer: true");
  });
});
