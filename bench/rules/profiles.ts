/**
 * The system profiles of the rules benchmark. The first two state every fact the engine can test
 * (FACTS), so the three-valued engine never answers "may apply" and a two-valued engine must agree
 * with it; the third leaves some facts out, as a profile filled in half-way does.
 */
import { FACTS, type FactPath, type SystemProfile } from "../../packages/core/src/index.js";

const EU_US_CN = ["DE", "FR", "NL", "US-CO", "US-NY-NYC", "US-CA", "US-IL", "CN"];

/** A CV-screening and candidate-ranking product, developed in Germany, sold and used in the EU, the US and China. */
export const HIRING: SystemProfile = {
  profileVersion: "1",
  name: "Candidate screening and ranking (EU + US + CN)",
  roles: ["provider", "deployer"],
  places: {
    establishment: ["DE"],
    placedOnMarket: EU_US_CN,
    putIntoService: EU_US_CN,
    used: EU_US_CN,
    outputsUsed: EU_US_CN,
  },
  purposes: ["employment"],
  functions: ["profiling", "automated-decision", "recommendation"],
  contexts: ["workplace"],
  interactsWithPeople: true,
  publicFacing: false,
  publicOpinionAttributes: false,
  socialMobilization: false,
  consequentialDecision: true,
  generative: { modalities: [], deepfakes: false, publicInterestText: false },
  safetyComponent: { annexIProduct: false, thirdPartyConformityAssessment: false },
  derogation: {
    narrowProceduralTask: false,
    improvesHumanActivity: false,
    detectsPatternsWithoutReplacingReview: false,
    preparatoryTask: false,
  },
  gpai: {
    isGeneralPurposeModel: false,
    trainingComputeFlop: 1e21,
    openWeights: false,
    users: 40_000,
    designatedSystemicRisk: false,
  },
  organization: { employees: 1200, annualRevenueUsd: 250_000_000 },
  exclusions: { militaryDefenceNationalSecurity: false, scientificResearchOnly: false, personalNonProfessional: false },
};

const GPAI_PLACES = ["US", "US-CA", "EU", "JP", "KR", "GB", "IN", "BR"];

/** A general-purpose model (3×10^25 FLOP, systemic risk) offered through a public chat app and an API. */
export const GPAI: SystemProfile = {
  profileVersion: "1",
  name: "General-purpose model provider (chat app and API)",
  roles: ["provider"],
  places: {
    establishment: ["US-CA"],
    placedOnMarket: GPAI_PLACES,
    putIntoService: GPAI_PLACES,
    used: GPAI_PLACES,
    outputsUsed: GPAI_PLACES,
  },
  purposes: ["general"],
  functions: ["content-generation", "chatbot"],
  contexts: [],
  interactsWithPeople: true,
  publicFacing: true,
  publicOpinionAttributes: false,
  socialMobilization: false,
  consequentialDecision: false,
  generative: { modalities: ["text", "image", "code", "multimodal"], deepfakes: false, publicInterestText: true },
  safetyComponent: { annexIProduct: false, thirdPartyConformityAssessment: false },
  derogation: {
    narrowProceduralTask: false,
    improvesHumanActivity: false,
    detectsPatternsWithoutReplacingReview: false,
    preparatoryTask: false,
  },
  gpai: {
    isGeneralPurposeModel: true,
    trainingComputeFlop: 3e25,
    openWeights: false,
    users: 50_000_000,
    designatedSystemicRisk: true,
  },
  organization: { employees: 3000, annualRevenueUsd: 2_000_000_000 },
  exclusions: { militaryDefenceNationalSecurity: false, scientificResearchOnly: false, personalNonProfessional: false },
};

/** The hiring system as first entered: no contexts, no Art. 6(3) answers, no organization or model figures. */
export const HIRING_PARTIAL: SystemProfile = (() => {
  const { contexts: _c, derogation: _d, organization: _o, gpai: _g, ...rest } = HIRING;
  return { ...rest, name: "Candidate screening and ranking, partly known" };
})();

export interface NamedProfile {
  id: string;
  label: string;
  profile: SystemProfile;
  /** Every fact of FACTS is stated: both engines must agree on it. */
  fullyKnown: boolean;
}

export const PROFILES: NamedProfile[] = [
  { id: "hiring", label: "Hiring system, EU + US + CN (all facts known)", profile: HIRING, fullyKnown: true },
  { id: "gpai", label: "GPAI model provider (all facts known)", profile: GPAI, fullyKnown: true },
  {
    id: "hiring-partial",
    label: "Hiring system, partly known (no contexts, derogation, gpai, organization)",
    profile: HIRING_PARTIAL,
    fullyKnown: false,
  },
];

/** The fact paths of FACTS that a profile leaves out. */
export function unknownFacts(profile: SystemProfile): FactPath[] {
  return (Object.keys(FACTS) as FactPath[]).filter((path) => {
    const [a, b] = path.split(".") as [string, string | undefined];
    const top = (profile as unknown as Record<string, unknown>)[a];
    const v = b === undefined ? top : (top as Record<string, unknown> | undefined)?.[b];
    return v === undefined || v === null;
  });
}
