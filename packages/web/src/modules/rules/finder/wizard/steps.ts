import type { NumberFact } from "../profileForm";

/** The finder's steps, in order; the last one shows the results. */
export const STEPS = ["places", "purposes", "interaction", "highRisk", "gpai", "results"] as const;
export type StepId = (typeof STEPS)[number];
export const RESULTS_STEP = STEPS.length - 1;

/** Number answers checked before leaving a step. */
export const STEP_NUMBERS: Partial<Record<StepId, NumberFact[]>> = {
  gpai: ["gpai.trainingComputeFlop", "gpai.users", "organization.employees", "organization.annualRevenueUsd"],
};

/** The step in the URL, kept in range; a shared profile without a step opens on the results. */
export function currentStep(step: number | undefined, hasProfile: boolean): number {
  if (step === undefined) return hasProfile ? RESULTS_STEP : 0;
  return Math.min(Math.max(0, step), RESULTS_STEP);
}
