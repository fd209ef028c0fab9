import type { SystemProfile } from "../rules/types.js";

/**
 * The international register of AI systems and general-purpose models. A registered system is
 * a SystemDocument (versioned) plus its lifecycle status; the rules engine classifies it from
 * its `profile` on every save and whenever an instrument changes.
 */

export const SYSTEM_STATUSES = ["draft", "submitted", "published", "withdrawn"] as const;
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];

export const SYSTEM_KINDS = ["system", "gpai-model"] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/** Who may read a group of fields. Owners (the provider's organization) and the secretariat read all. */
export const VISIBILITIES = ["public", "members", "secretariat"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Fields are shown or hidden by group; identity (name, kind, provider, status) is always public once published. */
export const FIELD_GROUPS = [
  "description",
  "profile",
  "modelCard",
  "datasets",
  "deployment",
  "contact",
  "links",
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export const DEFAULT_VISIBILITY: Readonly<Record<FieldGroup, Visibility>> = {
  description: "public",
  profile: "public",
  modelCard: "public",
  datasets: "members",
  deployment: "public",
  contact: "members",
  links: "public",
};

export const UN_LANGUAGE_CODES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type UnLanguageCode = (typeof UN_LANGUAGE_CODES)[number];

export interface PerformanceMetric {
  name: string;
  value: string;
  dataset?: string;
  slice?: string;
}

export interface ModelCard {
  /** e.g. "supervised", "transformer decoder", as the provider describes it. */
  approach?: string;
  task?: string;
  architecture?: string;
  inputs?: string[];
  outputs?: string[];
  metrics?: PerformanceMetric[];
  limitations?: string[];
  ethicalConsiderations?: string[];
  useCases?: string[];
  license?: string;
}

export interface DatasetFacts {
  name: string;
  description?: string;
  url?: string;
  license?: string;
  containsPersonalData?: boolean;
  /** SHA-256 of the dataset snapshot, hex. */
  sha256?: string;
}

export interface Contact {
  name?: string;
  email?: string;
  url?: string;
}

export interface SystemDocument {
  kind: SystemKind;
  name: string;
  /** The provider's own version label, e.g. "2.1.0". */
  versionLabel: string;
  intendedPurpose: string;
  description: string;
  /** The same texts in other UN languages (searchable in any of them). */
  translations?: Partial<Record<UnLanguageCode, { name?: string; intendedPurpose?: string; description?: string }>>;
  profile: SystemProfile;
  modelCard?: ModelCard;
  datasets?: DatasetFacts[];
  /** ISO 3166-1 alpha-2 codes (or EU). */
  deploymentCountries: string[];
  contact?: Contact;
  links?: { label: string; url: string }[];
  visibility: Record<FieldGroup, Visibility>;
}

/** The fields of each group, as stored in a SystemDocument. */
export const GROUP_FIELDS: Readonly<Record<FieldGroup, readonly (keyof SystemDocument)[]>> = {
  description: ["intendedPurpose", "description", "translations"],
  profile: ["profile"],
  modelCard: ["modelCard"],
  datasets: ["datasets"],
  deployment: ["deploymentCountries"],
  contact: ["contact"],
  links: ["links"],
};

export const RISK_TAXONOMIES = ["mit-ai-risk-repository", "nist-ai-600-1"] as const;
export type RiskTaxonomy = (typeof RISK_TAXONOMIES)[number];

export const RISK_STATUSES = ["open", "mitigating", "accepted", "closed"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const ASSESSMENT_KINDS = ["nist-ai-rmf", "obligations"] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const ANSWERS = ["yes", "partial", "no", "not-applicable"] as const;
export type Answer = (typeof ANSWERS)[number];
