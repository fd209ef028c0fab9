import type { RouteResponse } from "@concordia/contracts";
import type { Answer } from "@concordia/core";

/** The assessment page's pure parts: questions grouped, answers by question, what a save sends. */

export type Assessment = RouteResponse<"getAssessment">;
export type Question = Assessment["questions"][number];
export type StoredAnswer = Assessment["answers"][number];
export type Evidence = StoredAnswer["evidence"][number];

export interface QuestionGroup {
  group: string;
  questions: Question[];
  answered: number;
  total: number;
  score: number | null;
}

/** Questions by group, in the order they first appear, with each group's progress and score. */
export function groupQuestions(a: Pick<Assessment, "questions" | "answers" | "score">): QuestionGroup[] {
  const answered = new Set(a.answers.map((x) => x.questionId));
  const scores = new Map(a.score.groups.map((g) => [g.group, g.score]));
  const groups = new Map<string, QuestionGroup>();
  for (const q of a.questions) {
    let g = groups.get(q.group);
    if (!g) {
      g = { group: q.group, questions: [], answered: 0, total: 0, score: scores.get(q.group) ?? null };
      groups.set(q.group, g);
    }
    g.questions.push(q);
    g.total++;
    if (answered.has(q.id)) g.answered++;
  }
  return [...groups.values()];
}

export function answersById(a: Pick<Assessment, "answers">): Map<string, StoredAnswer> {
  return new Map(a.answers.map((x) => [x.questionId, x]));
}

/** Percentage for a progress bar (0 when there is nothing to do). */
export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 100);
}

export function allAnswered(a: Pick<Assessment, "score">): boolean {
  return a.score.total > 0 && a.score.answered === a.score.total;
}

/** A question's answer being edited: the choice, the note, and evidence files by SHA-256. */
export interface Draft {
  answer: Answer | null;
  note: string;
  evidence: Evidence[];
}

export function draftOf(stored: StoredAnswer | undefined): Draft {
  return stored
    ? { answer: stored.answer, note: stored.note, evidence: [...stored.evidence] }
    : { answer: null, note: "", evidence: [] };
}

/** The request body of a draft, or null while no answer is chosen (the server needs one). */
export function answerBody(d: Draft): { answer: Answer; note: string; evidence: string[] } | null {
  if (!d.answer) return null;
  return { answer: d.answer, note: d.note.trim(), evidence: [...new Set(d.evidence.map((e) => e.sha256))] };
}

/** Whether the draft differs from what the server holds (so a save is needed). */
export function isDirty(d: Draft, stored: StoredAnswer | undefined): boolean {
  const body = answerBody(d);
  if (!body) return false;
  if (!stored) return true;
  return (
    body.answer !== stored.answer ||
    body.note !== stored.note.trim() ||
    body.evidence.join(",") !== stored.evidence.map((e) => e.sha256).join(",")
  );
}

/** Adds a file to the draft's evidence unless the same content is already there. */
export function withEvidence(d: Draft, e: Evidence): Draft {
  return d.evidence.some((x) => x.sha256 === e.sha256) ? d : { ...d, evidence: [...d.evidence, e] };
}

/** A score of 0–100 as a percentage in the reader's language ("83.3%", "83,3 %"). */
export function formatScore(score: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(score / 100);
}

/** "<instrumentId>:<requirementId>" split for a link to the requirement; null when not in that shape. */
export function sourceParts(source: string): { id: string; requirementId: string } | null {
  const i = source.indexOf(":");
  return i > 0 && i < source.length - 1 ? { id: source.slice(0, i), requirementId: source.slice(i + 1) } : null;
}
