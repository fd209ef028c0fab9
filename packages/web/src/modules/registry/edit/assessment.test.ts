import { describe, expect, it } from "vitest";
import { allAnswered, answerBody, draftOf, groupQuestions, isDirty, percent, withEvidence } from "./assessment";

const q = (id: string, group: string) => ({ id, group, ref: id, text: `Question ${id}`, source: `nist:${id}` });
const ev = (sha: string) => ({
  sha256: sha.repeat(64).slice(0, 64),
  fileName: `${sha}.pdf`,
  size: 10,
  mediaType: "application/pdf",
});

describe("assessment helpers", () => {
  const assessment = {
    questions: [q("g1", "GOVERN"), q("m1", "MAP"), q("g2", "GOVERN")],
    answers: [{ questionId: "g1", answer: "yes" as const, note: "", evidence: [], answeredAt: "2025-01-01T00:00:00Z" }],
    score: {
      answered: 1,
      total: 3,
      score: 100,
      groups: [
        { group: "GOVERN", answered: 1, total: 2, score: 100 },
        { group: "MAP", answered: 0, total: 1, score: null },
      ],
    },
  };

  it("groups questions in order with progress and score", () => {
    const groups = groupQuestions(assessment);
    expect(groups.map((g) => [g.group, g.questions.map((x) => x.id), g.answered, g.total, g.score])).toEqual([
      ["GOVERN", ["g1", "g2"], 1, 2, 100],
      ["MAP", ["m1"], 0, 1, null],
    ]);
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(allAnswered(assessment)).toBe(false);
    expect(allAnswered({ score: { ...assessment.score, answered: 3 } })).toBe(true);
  });

  it("sends nothing before an answer is chosen and notices changes", () => {
    const empty = draftOf(undefined);
    expect(answerBody({ ...empty, note: "draft" })).toBeNull();
    expect(isDirty({ ...empty, note: "draft" }, undefined)).toBe(false);
    const stored = assessment.answers[0];
    const d = draftOf(stored);
    expect(isDirty(d, stored)).toBe(false);
    expect(isDirty({ ...d, note: "  " }, stored)).toBe(false);
    const withFile = withEvidence(d, ev("a"));
    expect(withEvidence(withFile, ev("a")).evidence).toHaveLength(1);
    expect(isDirty(withFile, stored)).toBe(true);
    expect(answerBody(withFile)).toEqual({ answer: "yes", note: "", evidence: [ev("a").sha256] });
  });
});

describe("formatting", () => {
  it("formats scores as percentages and splits sources", async () => {
    const { formatScore, sourceParts } = await import("./assessment");
    expect(formatScore(83.3, "en")).toBe("83.3%");
    expect(formatScore(100, "fr")).toMatch(/^100\s%$/);
    expect(sourceParts("nist-ai-rmf:GOVERN-1.1")).toEqual({ id: "nist-ai-rmf", requirementId: "GOVERN-1.1" });
    expect(sourceParts("nothing")).toBeNull();
  });
});
