import { describe, expect, it } from "vitest";
import {
  categoryGroups,
  emptyRiskForm,
  formToRiskInput,
  historySteps,
  isOverdue,
  isoDateAfter,
  levelOf,
  matrixCounts,
  type Risk,
  riskToForm,
  validateRiskForm,
} from "./risks";

const risk = (over: Partial<Risk> = {}): Risk => ({
  id: "r1",
  systemId: "s1",
  taxonomy: "nist-ai-600-1",
  categoryCode: "2.4",
  categoryLabel: "Confabulation",
  title: "Made-up citations",
  description: "",
  likelihood: 4,
  impact: 3,
  score: 12,
  level: "high",
  owner: "Lead",
  mitigations: ["Retrieval"],
  residualLikelihood: 2,
  residualImpact: 3,
  residualScore: 6,
  residualLevel: "medium",
  reviewDate: "2030-01-01",
  overdue: false,
  status: "open",
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2025-01-01T00:00:00Z",
  ...over,
});

describe("5 × 5 matrix", () => {
  it("counts risks per impact row and likelihood column, without closed ones", () => {
    const risks = [
      risk(),
      risk({ id: "r2" }),
      risk({ id: "r3", status: "closed" }),
      risk({ id: "r4", likelihood: 5, impact: 5, residualLikelihood: null, residualImpact: null }),
    ];
    const inherent = matrixCounts(risks, "inherent");
    expect(inherent[2]![3]).toBe(2);
    expect(inherent[4]![4]).toBe(1);
    expect(inherent.flat().reduce((a, b) => a + b)).toBe(3);
    const residual = matrixCounts(risks, "residual");
    expect(residual[2]![1]).toBe(2);
    expect(residual[4]![4]).toBe(1); // falls back to the inherent rating
  });

  it("bands scores into levels", () => {
    expect([levelOf(1, 4), levelOf(1, 5), levelOf(2, 5), levelOf(4, 5)]).toEqual(["low", "medium", "high", "critical"]);
  });
});

describe("risk form", () => {
  it("round-trips a risk and drops blank mitigations", () => {
    const form = riskToForm(risk());
    form.mitigations = ["", "Human review", " "];
    const { body, mitigationRows } = formToRiskInput(form);
    expect(body).toMatchObject({ likelihood: 4, impact: 3, residualLikelihood: 2, mitigations: ["Human review"] });
    expect(mitigationRows).toEqual([1]);
    expect(formToRiskInput({ ...form, residualImpact: "", residualLikelihood: "" }).body.residualImpact).toBeNull();
  });

  it("requires a category, title, owner, date and both residual ratings or none", () => {
    const form = { ...emptyRiskForm(new Date("2025-03-01T12:00:00Z")), residualImpact: "2" };
    expect(form.reviewDate).toBe("2025-05-30");
    expect(validateRiskForm(form)).toEqual({
      categoryCode: "required",
      title: "required",
      owner: "required",
      residualLikelihood: "residualPair",
    });
  });

  it("computes dates and overdue reviews", () => {
    expect(isoDateAfter(new Date("2024-12-31T23:00:00Z"), 1)).toBe("2025-01-01");
    const today = new Date("2025-06-01T10:00:00Z");
    expect(isOverdue("2025-05-31", "open", today)).toBe(true);
    expect(isOverdue("2025-06-01", "open", today)).toBe(false);
    expect(isOverdue("2025-05-31", "closed", today)).toBe(false);
  });
});

describe("taxonomy groups", () => {
  it("groups subdomains under their domain, flat categories in one group", () => {
    const groups = categoryGroups(
      [
        { code: "1", label: "Discrimination", parent: null },
        { code: "1.1", label: "Unfair discrimination", parent: "1" },
        { code: "2", label: "Privacy", parent: null },
        { code: "2.1", label: "Leaks", parent: "2" },
        { code: "X", label: "Standalone", parent: null },
      ],
      "Other",
    );
    expect(groups.map((g) => g.group)).toEqual(["1 · Discrimination", "2 · Privacy", "Other"]);
    expect(groups[0]!.items.map((i) => i.value)).toEqual(["1", "1.1"]);
    expect(groups[2]!.items.map((i) => i.value)).toEqual(["X"]);
  });
});

describe("history", () => {
  it("shows what each save changed, newest first, the first being the creation", () => {
    const steps = historySteps([
      {
        changedAt: "2025-03-01T00:00:00Z",
        changedBy: "C",
        snapshot: { likelihood: 4, impact: 3, status: "mitigating", review_date: "2030-01-01" },
      },
      {
        changedAt: "2025-02-01T00:00:00Z",
        changedBy: "B",
        snapshot: { likelihood: 5, impact: 3, status: "open", review_date: "2030-01-01" },
      },
      {
        changedAt: "2025-01-01T00:00:00Z",
        changedBy: "A",
        snapshot: { likelihood: 5, impact: 4, status: "open", review_date: "2030-01-01T00:00:00Z" },
      },
    ]);
    expect(steps.map((s) => [s.changedBy, s.created])).toEqual([
      ["C", false],
      ["B", false],
      ["A", true],
    ]);
    expect(steps[0]!.changes).toEqual([
      { field: "likelihood", before: 5, after: 4 },
      { field: "status", before: "open", after: "mitigating" },
    ]);
    expect(steps[1]!.changes).toEqual([{ field: "impact", before: 4, after: 3 }]);
    expect(steps[2]!.changes).toEqual([]);
  });
});
