import type { Evaluation } from "../rules/engine.js";
import type { Instrument, Requirement } from "../rules/types.js";
import type { Answer } from "./types.js";

export interface Question {
  id: string;
  /** Grouping shown to the person answering: an AI RMF function, or instrument per jurisdiction. */
  group: string;
  ref: string;
  text: string;
  /** Where the question comes from: "<instrumentId>:<requirementId>". */
  source: string;
}

/**
 * NIST AI RMF questions: one per subcategory (the leaves under GOVERN, MAP, MEASURE, MANAGE),
 * grouped by function, read from the instrument data so they follow its published version.
 */
export function rmfQuestions(rmf: Instrument): Question[] {
  const out: Question[] = [];
  const walk = (reqs: readonly Requirement[], group: string | null) => {
    for (const r of reqs) {
      const g = group ?? r.title;
      if (r.children?.length) walk(r.children, g);
      else if (group !== null && r.addressees?.length) {
        out.push({
          id: `${rmf.id}:${r.id}`,
          group: g,
          ref: r.ref,
          text: `${r.title}: ${r.summary}`,
          source: `${rmf.id}:${r.id}`,
        });
      }
    }
  };
  walk(rmf.requirements, null);
  return out;
}

/** One question per obligation that applies or may apply (binding instruments), grouped by instrument. */
export function obligationQuestions(e: Evaluation): Question[] {
  return e.jurisdictions.flatMap((j) =>
    j.instruments
      .filter((i) => i.binding && i.status !== "does-not-apply")
      .flatMap((i) =>
        i.obligations.map((o) => ({
          id: `${i.instrumentId}:${o.requirementId}`,
          group: `${j.jurisdiction} · ${i.shortTitle}`,
          ref: o.ref,
          text: o.title,
          source: `${i.instrumentId}:${o.requirementId}`,
        })),
      ),
  );
}

const POINTS: Record<Answer, number | null> = { yes: 1, partial: 0.5, no: 0, "not-applicable": null };

export interface AssessmentScore {
  answered: number;
  total: number;
  /** 0–100 over answered, applicable questions; null when none is. */
  score: number | null;
  groups: { group: string; answered: number; total: number; score: number | null }[];
}

/** Progress and score: yes 1, partial ½, no 0; "not applicable" counts as answered but not scored. */
export function scoreAssessment(questions: readonly Question[], answers: ReadonlyMap<string, Answer>): AssessmentScore {
  const groups = new Map<string, { answered: number; total: number; points: number; scored: number }>();
  for (const q of questions) {
    const g = groups.get(q.group) ?? { answered: 0, total: 0, points: 0, scored: 0 };
    g.total++;
    const a = answers.get(q.id);
    if (a) {
      g.answered++;
      const p = POINTS[a];
      if (p !== null) {
        g.points += p;
        g.scored++;
      }
    }
    groups.set(q.group, g);
  }
  const pct = (points: number, scored: number) => (scored === 0 ? null : Math.round((points / scored) * 1000) / 10);
  let answered = 0;
  let points = 0;
  let scored = 0;
  const list = [...groups].map(([group, g]) => {
    answered += g.answered;
    points += g.points;
    scored += g.scored;
    return { group, answered: g.answered, total: g.total, score: pct(g.points, g.scored) };
  });
  return { answered, total: questions.length, score: pct(points, scored), groups: list };
}
