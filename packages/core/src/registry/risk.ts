/** Risk scoring on a 5 × 5 likelihood × impact matrix. */

export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Score 1–25 and its level: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical (a common 5 × 5
 * banding; organizations may band differently, so the score is always shown with the level).
 */
export function riskScore(likelihood: number, impact: number): { score: number; level: RiskLevel } {
  if (![likelihood, impact].every((v) => Number.isInteger(v) && v >= 1 && v <= 5)) {
    throw new RangeError("likelihood and impact are whole numbers from 1 to 5");
  }
  const score = likelihood * impact;
  const level: RiskLevel = score >= 20 ? "critical" : score >= 10 ? "high" : score >= 5 ? "medium" : "low";
  return { score, level };
}

export interface RiskSummaryInput {
  likelihood: number;
  impact: number;
  residualLikelihood: number | null;
  residualImpact: number | null;
  status: string;
}

/** Counts per level (inherent and residual, residual falling back to inherent) of the risks not closed. */
export function summarizeRisks(risks: readonly RiskSummaryInput[]) {
  const inherent: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  const residual: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  let open = 0;
  for (const r of risks) {
    if (r.status === "closed") continue;
    open++;
    inherent[riskScore(r.likelihood, r.impact).level]++;
    residual[riskScore(r.residualLikelihood ?? r.likelihood, r.residualImpact ?? r.impact).level]++;
  }
  return { total: risks.length, open, inherent, residual };
}
