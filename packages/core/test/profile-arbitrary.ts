import fc from "fast-check";
import { CONTEXTS, FUNCTIONS, MODALITIES, OPERATOR_ROLES, PURPOSES, type SystemProfile } from "../src/rules/types.js";

const PLACES = ["EU", "DE", "FR", "CN", "US", "US-CA", "US-CO", "US-NY", "US-NY-NYC", "KR", "JP", "GB", "BR", "IN"];
const places = fc.subarray(PLACES, { maxLength: 4 });

/** A fully described system profile (every fact known). */
export const fullProfile: fc.Arbitrary<SystemProfile> = fc.record({
  profileVersion: fc.constant("1" as const),
  roles: fc.subarray([...OPERATOR_ROLES], { minLength: 1, maxLength: 3 }),
  places: fc.record({
    establishment: places,
    placedOnMarket: places,
    putIntoService: places,
    used: places,
    outputsUsed: places,
  }),
  purposes: fc.subarray([...PURPOSES], { maxLength: 3 }),
  functions: fc.subarray([...FUNCTIONS], { maxLength: 3 }),
  contexts: fc.subarray([...CONTEXTS], { maxLength: 2 }),
  interactsWithPeople: fc.boolean(),
  publicFacing: fc.boolean(),
  publicOpinionAttributes: fc.boolean(),
  socialMobilization: fc.boolean(),
  consequentialDecision: fc.boolean(),
  generative: fc.record({
    modalities: fc.subarray([...MODALITIES], { maxLength: 2 }),
    deepfakes: fc.boolean(),
    publicInterestText: fc.boolean(),
  }),
  safetyComponent: fc.record({ annexIProduct: fc.boolean(), thirdPartyConformityAssessment: fc.boolean() }),
  derogation: fc.record({
    narrowProceduralTask: fc.boolean(),
    improvesHumanActivity: fc.boolean(),
    detectsPatternsWithoutReplacingReview: fc.boolean(),
    preparatoryTask: fc.boolean(),
  }),
  gpai: fc.record({
    isGeneralPurposeModel: fc.boolean(),
    trainingComputeFlop: fc.constantFrom(0, 1e22, 5e24, 2e25, 5e25, 2e26),
    openWeights: fc.boolean(),
    users: fc.constantFrom(0, 1000, 1_000_000, 50_000_000),
    designatedSystemicRisk: fc.boolean(),
  }),
  organization: fc.record({
    employees: fc.constantFrom(5, 49, 50, 500),
    annualRevenueUsd: fc.constantFrom(1e6, 4e8, 6e8, 1e10),
  }),
  exclusions: fc.record({
    militaryDefenceNationalSecurity: fc.boolean(),
    scientificResearchOnly: fc.boolean(),
    personalNonProfessional: fc.boolean(),
  }),
});

/** Every fact path that can be hidden (made unknown). */
export function factPaths(p: SystemProfile): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(p)) {
    if (k === "profileVersion") continue;
    if (v && typeof v === "object" && !Array.isArray(v)) for (const sub of Object.keys(v)) out.push(`${k}.${sub}`);
    else out.push(k);
  }
  return out;
}

/** A copy of the profile without the given facts. */
export function hide(p: SystemProfile, paths: readonly string[]): SystemProfile {
  const copy = structuredClone(p) as unknown as Record<string, Record<string, unknown>>;
  for (const path of paths) {
    const [a, b] = path.split(".") as [string, string | undefined];
    if (b === undefined) delete copy[a];
    else if (copy[a]) delete copy[a][b];
  }
  return copy as unknown as SystemProfile;
}
