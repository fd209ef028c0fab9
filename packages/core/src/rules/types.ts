/**
 * The rules module's data model: instruments (laws, standards, principles) as reviewed data,
 * the AI system profile they are evaluated against, and crosswalks between their requirements.
 * The JSON Schemas in data/schemas are generated from the zod schemas in @concordia/contracts,
 * which are checked against these types.
 */

/** ISO 3166-1 alpha-2 ("CN"), ISO 3166-2 ("US-CO"), a locality under it ("US-NY-NYC"), "EU" or "INT". */
export type JurisdictionCode = string;

export const INSTRUMENT_KINDS = [
  "binding-law",
  "regulation",
  "mandatory-standard",
  "voluntary-framework",
  "voluntary-standard",
  "principles",
  "treaty",
  "bill",
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** Kinds whose obligations bind the operators they address (a treaty binds its parties). */
export const BINDING_KINDS: ReadonlySet<InstrumentKind> = new Set(["binding-law", "regulation", "mandatory-standard"]);

export const INSTRUMENT_STATUSES = [
  "in-force",
  "partially-applicable",
  "adopted-not-in-force",
  "open-for-signature",
  "proposed",
  "superseded",
  "repealed",
] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export const OPERATOR_ROLES = [
  "provider",
  "deployer",
  "importer",
  "distributor",
  "product-manufacturer",
  "authorised-representative",
] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const ADDRESSEES = [
  ...OPERATOR_ROLES,
  /** Any actor in the AI lifecycle (principles, voluntary frameworks). */
  "ai-actor",
  /** Obligations of states or public authorities: not evaluated against a system profile. */
  "state",
] as const;
export type Addressee = (typeof ADDRESSEES)[number];

/** Purposes and sectors: every EU AI Act Annex III area and the consequential-decision areas of US laws. */
export const PURPOSES = [
  "biometrics",
  "critical-infrastructure",
  "education",
  "employment",
  "public-benefits",
  "credit",
  "insurance-life-health",
  "insurance",
  "emergency-services",
  "law-enforcement",
  "migration-border",
  "administration-of-justice",
  "elections",
  "housing",
  "health-care",
  "legal-services",
  "essential-government-services",
  "news-information",
  "general",
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const FUNCTIONS = [
  "remote-biometric-identification-realtime",
  "remote-biometric-identification-post",
  "biometric-verification",
  "biometric-categorisation-sensitive",
  "emotion-recognition",
  "social-scoring",
  "subliminal-manipulation",
  "exploitation-of-vulnerabilities",
  "predictive-policing-profiling",
  "untargeted-facial-scraping",
  "recommendation",
  "profiling",
  "automated-decision",
  "content-generation",
  "chatbot",
] as const;
export type AiFunction = (typeof FUNCTIONS)[number];

/** Where a system is used, which some prohibitions and duties turn on. */
export const CONTEXTS = [
  "workplace",
  "education-institution",
  "publicly-accessible-space",
  "law-enforcement-use",
  "medical-or-safety-reasons",
] as const;
export type UseContext = (typeof CONTEXTS)[number];

export const MODALITIES = ["text", "image", "audio", "video", "code", "multimodal"] as const;
export type Modality = (typeof MODALITIES)[number];

/**
 * An AI system profile, version 1. Every fact is optional: an absent fact is unknown, and
 * anything that turns on it is reported "may apply — needs review", never "does not apply".
 * A list that is present is taken as complete (an empty list means "none").
 */
export interface SystemProfile {
  profileVersion: "1";
  name?: string;
  roles?: OperatorRole[];
  places?: {
    establishment?: JurisdictionCode[];
    placedOnMarket?: JurisdictionCode[];
    putIntoService?: JurisdictionCode[];
    used?: JurisdictionCode[];
    outputsUsed?: JurisdictionCode[];
  };
  purposes?: Purpose[];
  functions?: AiFunction[];
  contexts?: UseContext[];
  interactsWithPeople?: boolean;
  /** Offered to the public (in China: services to the public within the territory). */
  publicFacing?: boolean;
  publicOpinionAttributes?: boolean;
  socialMobilization?: boolean;
  /** Makes, or is a substantial factor in making, a consequential decision about a person. */
  consequentialDecision?: boolean;
  generative?: {
    modalities?: Modality[];
    deepfakes?: boolean;
    /** Generates or manipulates text published to inform the public on matters of public interest. */
    publicInterestText?: boolean;
  };
  safetyComponent?: {
    /** The system is a product, or a safety component of a product, under EU harmonisation law (Annex I). */
    annexIProduct?: boolean;
    thirdPartyConformityAssessment?: boolean;
  };
  /** EU AI Act Art. 6(3) conditions (any one of them may lift an Annex III system out of high risk). */
  derogation?: {
    narrowProceduralTask?: boolean;
    improvesHumanActivity?: boolean;
    detectsPatternsWithoutReplacingReview?: boolean;
    preparatoryTask?: boolean;
  };
  gpai?: {
    isGeneralPurposeModel?: boolean;
    trainingComputeFlop?: number;
    openWeights?: boolean;
    /** Registered end users (or monthly active users where a law counts those). */
    users?: number;
    designatedSystemicRisk?: boolean;
  };
  organization?: {
    employees?: number;
    annualRevenueUsd?: number;
  };
  exclusions?: {
    militaryDefenceNationalSecurity?: boolean;
    scientificResearchOnly?: boolean;
    personalNonProfessional?: boolean;
  };
}

/** Fact paths a condition may test, with the kind of value they hold. */
export const FACTS = {
  roles: "list",
  "places.establishment": "places",
  "places.placedOnMarket": "places",
  "places.putIntoService": "places",
  "places.used": "places",
  "places.outputsUsed": "places",
  purposes: "list",
  functions: "list",
  contexts: "list",
  interactsWithPeople: "boolean",
  publicFacing: "boolean",
  publicOpinionAttributes: "boolean",
  socialMobilization: "boolean",
  consequentialDecision: "boolean",
  "generative.modalities": "list",
  "generative.deepfakes": "boolean",
  "generative.publicInterestText": "boolean",
  "safetyComponent.annexIProduct": "boolean",
  "safetyComponent.thirdPartyConformityAssessment": "boolean",
  "derogation.narrowProceduralTask": "boolean",
  "derogation.improvesHumanActivity": "boolean",
  "derogation.detectsPatternsWithoutReplacingReview": "boolean",
  "derogation.preparatoryTask": "boolean",
  "gpai.isGeneralPurposeModel": "boolean",
  "gpai.trainingComputeFlop": "number",
  "gpai.openWeights": "boolean",
  "gpai.users": "number",
  "gpai.designatedSystemicRisk": "boolean",
  "organization.employees": "number",
  "organization.annualRevenueUsd": "number",
  "exclusions.militaryDefenceNationalSecurity": "boolean",
  "exclusions.scientificResearchOnly": "boolean",
  "exclusions.personalNonProfessional": "boolean",
} as const;
export type FactPath = keyof typeof FACTS;
export type FactKind = (typeof FACTS)[FactPath];

/**
 * Applicability conditions over the profile, in three-valued (Kleene) logic: a test of an
 * absent fact is unknown; `all` is false if any part is false, `any` true if any part is true.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: FactPath; is: boolean }
  | { fact: FactPath; includes: string }
  | { fact: FactPath; includesAny: string[] }
  | { fact: FactPath; gte: number }
  | { fact: FactPath; gt: number }
  | { fact: FactPath; lt: number }
  | { fact: FactPath; inJurisdiction: JurisdictionCode };

export interface SourceLink {
  label: string;
  url: string;
}

/** A date from which provisions apply; postponements and pending amendments kept as data. */
export interface ApplicationDate {
  id: string;
  label: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  /** Pinpoint citation of the provision that sets the date. */
  basis: string;
  /** Earlier dates this one replaced, or proposed changes not (yet) in force. */
  changes?: { date: string; by: string; status: "in-force" | "proposed" | "replaced"; note?: string }[];
  verify?: boolean;
  note?: string;
}

export interface RiskCategory {
  id: string;
  label: string;
  /** Higher is more severe; the instrument's result is its highest applying category. */
  rank: number;
  description?: string;
}

export interface Requirement {
  id: string;
  /** Pinpoint reference: article, paragraph, point, annex point, clause. */
  ref: string;
  title: string;
  /** In our own words. */
  summary: string;
  addressees?: Addressee[];
  /** When this node's condition holds, the system falls in this risk category of the instrument. */
  category?: string;
  applicability?: Condition;
  /** Id of an ApplicationDate of the instrument; inherited from the parent when absent. */
  appliesFrom?: string;
  evidence?: string[];
  sourceUrl?: string;
  lastReviewed?: string;
  verify?: boolean;
  note?: string;
  children?: Requirement[];
}

export interface Instrument {
  $schema?: string;
  id: string;
  /** Version of our data for this instrument (e.g. "2026-11-26" or "1.2"). */
  version: string;
  shortTitle: string;
  titles: { en: string; official?: { lang: string; text: string } };
  jurisdiction: JurisdictionCode;
  issuingBody: string;
  kind: InstrumentKind;
  status: InstrumentStatus;
  dates: {
    adopted?: string;
    published?: string;
    entryIntoForce?: string;
    signed?: string;
    /** From this date the instrument no longer applies (repealed or expired). */
    repealed?: string;
  };
  applicationDates: ApplicationDate[];
  /** Instrument-level scope (territorial and material); absent means always in scope. */
  scope?: Condition;
  categories?: RiskCategory[];
  /** Category when the instrument is in scope and no category node applies. */
  defaultCategory?: string;
  sources: SourceLink[];
  lastReviewed: string;
  summary: string;
  verify?: boolean;
  note?: string;
  requirements: Requirement[];
}

export const RELATIONS = ["equal", "subset-of", "superset-of", "intersects-with"] as const;
export type Relation = (typeof RELATIONS)[number];

/** One NIST OLIR-style set-theory relationship: the source element is <relation> the target element. */
export interface CrosswalkMapping {
  source: string;
  target: string;
  relation: Relation;
  /** Strength of the relationship, 1 (weak) to 10 (strong). */
  strength: number;
  rationale: string;
  verify?: boolean;
  note?: string;
}

export interface Crosswalk {
  $schema?: string;
  id: string;
  source: string;
  target: string;
  title: string;
  method: string;
  lastReviewed: string;
  mappings: CrosswalkMapping[];
}
