import { describe, expect, it } from "vitest";
import {
  answeredCount,
  emptyForm,
  formToProfile,
  numberProblem,
  numberText,
  parseNumber,
  profileToForm,
  scientific,
} from "./profileForm";

describe("parseNumber", () => {
  it("reads plain, grouped and scientific forms", () => {
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("  ")).toBeNull();
    expect(parseNumber("42")).toBe(42);
    expect(parseNumber("0.5")).toBe(0.5);
    expect(parseNumber("1 000 000")).toBe(1_000_000);
    expect(parseNumber("1\u202f000")).toBe(1000);
    expect(parseNumber("1,000,000")).toBe(1_000_000);
    expect(parseNumber("1_000")).toBe(1000);
    expect(parseNumber("1e25")).toBe(1e25);
    expect(parseNumber("1.2E+25")).toBe(1.2e25);
    expect(parseNumber("10^25")).toBe(1e25);
    expect(parseNumber("1.2×10^25")).toBe(1.2e25);
    expect(parseNumber("1.2 x 10^25")).toBe(1.2e25);
    expect(parseNumber("3*10**24")).toBe(3e24);
    expect(parseNumber("1.2·10²⁵")).toBe(1.2e25);
    expect(parseNumber("10⁻³")).toBe(0.001);
  });

  it("rejects anything else", () => {
    for (const bad of ["abc", "1e", "1,5", "1..2", "--1", "10^", "e5", "1,00"]) {
      expect(parseNumber(bad), bad).toBeNaN();
    }
  });
});

describe("numberProblem", () => {
  it("flags invalid text, negatives and fractions where whole numbers are needed", () => {
    expect(numberProblem("gpai.trainingComputeFlop", "")).toBeNull();
    expect(numberProblem("gpai.trainingComputeFlop", "1e25")).toBeNull();
    expect(numberProblem("gpai.trainingComputeFlop", "lots")).toBe("invalid");
    expect(numberProblem("gpai.trainingComputeFlop", "-5")).toBe("invalid");
    expect(numberProblem("organization.employees", "12.5")).toBe("notInteger");
    expect(numberProblem("organization.employees", "250")).toBeNull();
    expect(numberProblem("organization.annualRevenueUsd", "1.5e6")).toBeNull();
  });
});

describe("number display", () => {
  it("gives back text that parses to the same number", () => {
    for (const n of [0, 7, 250, 999_999, 1e6, 1e25, 1.2345e26, 3.5e23]) {
      expect(parseNumber(numberText(n))).toBe(n);
    }
    expect(numberText(1e25)).toBe("1e25");
  });

  it("writes scientific notation with superscripts", () => {
    expect(scientific(1e25)).toBe("1 × 10²⁵");
    expect(scientific(1.2e25)).toBe("1.2 × 10²⁵");
    expect(scientific(0.001)).toBe("1 × 10⁻³");
    expect(scientific(5)).toBe("5");
    expect(scientific(0)).toBe("0");
  });
});

describe("form and profile", () => {
  it("leaves unknown facts out of the profile", () => {
    expect(formToProfile(emptyForm())).toEqual({ profileVersion: "1" });
  });

  it("keeps 'none' (empty list) apart from 'not answered' (absent) and 'no' apart from 'don't know'", () => {
    const form = emptyForm();
    form.lists.functions = { mode: "none", values: [] };
    form.lists.roles = { mode: "some", values: ["deployer", "deployer"] };
    form.lists.contexts = { mode: "unknown", values: ["workplace"] };
    form.booleans["generative.deepfakes"] = "no";
    form.booleans.interactsWithPeople = "yes";
    const profile = formToProfile(form);
    expect(profile).toEqual({
      profileVersion: "1",
      roles: ["deployer"],
      functions: [],
      interactsWithPeople: true,
      generative: { deepfakes: false },
    });
    expect("contexts" in profile).toBe(false);
  });

  it("puts nested facts in their groups and drops invalid numbers", () => {
    const form = emptyForm();
    form.name = "  CV screener  ";
    form.lists["places.used"] = { mode: "some", values: ["DE", "US-CO"] };
    form.numbers["gpai.trainingComputeFlop"] = "1e25";
    form.numbers["organization.employees"] = "12.5";
    form.numbers["gpai.users"] = "oops";
    expect(formToProfile(form)).toEqual({
      profileVersion: "1",
      name: "CV screener",
      places: { used: ["DE", "US-CO"] },
      gpai: { trainingComputeFlop: 1e25 },
    });
  });

  it("round-trips a full profile, with keys in a stable order", () => {
    const profile = {
      profileVersion: "1" as const,
      name: "Hiring assistant",
      roles: ["deployer" as const],
      places: { establishment: ["DE"], used: ["DE", "FR"], outputsUsed: [] },
      purposes: ["employment" as const],
      functions: [],
      contexts: ["workplace" as const],
      interactsWithPeople: false,
      consequentialDecision: true,
      generative: { modalities: ["text" as const], deepfakes: false },
      safetyComponent: { annexIProduct: false },
      derogation: { narrowProceduralTask: false, preparatoryTask: true },
      gpai: { isGeneralPurposeModel: false, trainingComputeFlop: 3e24, users: 1200 },
      organization: { employees: 5000, annualRevenueUsd: 2.5e9 },
      exclusions: { scientificResearchOnly: false },
    };
    const back = formToProfile(profileToForm(profile));
    expect(back).toEqual(profile);
    expect(JSON.stringify(back)).toBe(JSON.stringify(formToProfile(profileToForm(back))));
    expect(answeredCount(profile)).toBe(20);
  });
});
