import { EU_MEMBER_STATES } from "../rules/jurisdictions.js";
import type { FieldGroup, SystemDocument } from "./types.js";

/**
 * A register entry as the field sets of two registration and transparency standards:
 *
 * - the EU AI Act's Annex VIII, Section A: what a provider of a high-risk AI system submits to the
 *   EU database on registration under Art. 49(1) (Regulation (EU) 2024/1689, OJ L, 12.7.2024);
 * - the UK Algorithmic Transparency Recording Standard (ATRS), template version 3.0: Tier 1 and
 *   the five sections of Tier 2.
 *
 * Every item of the standard is listed, in its order, whether or not the register records it:
 * a field is "mapped" (with the value and the document path it comes from), "not-recorded" (the
 * register has no such field, or this system left it empty) or "withheld" (the field group is
 * hidden from this caller; the value is null and never sent). Labels paraphrase the standards;
 * keys are their item numbers. The mapping tables are in docs/registry-field-mapping.md.
 *
 * Pure: the caller passes the projected document and the list of hidden groups (projectDocument).
 */

export type FieldStatus = "mapped" | "not-recorded" | "withheld";

export interface ExportField {
  /** The standard's item number (Annex VIII: "1"…"13", sub-items "5.functions"; ATRS: "tier1.1", "tier2.4.2.3"). */
  key: string;
  label: string;
  /** The part of the standard the item belongs to. */
  section: string;
  /** null unless mapped. */
  value: unknown;
  /** Our field path(s) the value comes from; null when the register has no such field. */
  from: string | null;
  status: FieldStatus;
  note?: string;
}

export interface FieldSetExport {
  standard: string;
  version: string;
  source: string;
  /** When the list of items was last checked against the source (ISO date). */
  checked: string;
  system: { id: string; version: number; name: string | null };
  /** Whether the standard applies to this system, as far as the register knows (null: unknown). */
  applicability: { applies: boolean | null; note: string };
  fields: ExportField[];
}

export interface FieldSetInput {
  systemId: string;
  version: number;
  provider: { name: string; url?: string };
  /** The document as the caller may read it. */
  document: Partial<SystemDocument>;
  /** The field groups withheld from this caller (projectDocument's `hidden`). */
  hidden: readonly string[];
  classification?: { categories: string[]; jurisdictions: string[] } | null;
}

interface FieldDef {
  key: string;
  label: string;
  section: string;
  /** The group the value belongs to; null for identity fields, which every reader may see. */
  group: FieldGroup | null;
  from: string | null;
  /** Absent: the register records nothing for this item. */
  get?: (doc: Partial<SystemDocument>, input: FieldSetInput) => unknown;
  note?: string | ((doc: Partial<SystemDocument>, input: FieldSetInput) => string | undefined);
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

function evaluate(defs: readonly FieldDef[], input: FieldSetInput): ExportField[] {
  const hidden = new Set(input.hidden);
  return defs.map((d) => {
    const base = { key: d.key, label: d.label, section: d.section };
    const note = typeof d.note === "function" ? d.note(input.document, input) : d.note;
    const withNote = note ? { note } : {};
    if (!d.get) return { ...base, value: null, from: null, status: "not-recorded", ...withNote };
    if (d.group && hidden.has(d.group)) return { ...base, value: null, from: d.from, status: "withheld", ...withNote };
    const value = d.get(input.document, input);
    if (isEmpty(value)) return { ...base, value: null, from: d.from, status: "not-recorded", ...withNote };
    return { ...base, value, from: d.from, status: "mapped", ...withNote };
  });
}

const compact = <T extends Record<string, unknown>>(o: T): Partial<T> | undefined => {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => !isEmpty(v))) as Partial<T>;
  return Object.keys(out).length ? out : undefined;
};

const linkMatching = (doc: Partial<SystemDocument>, re: RegExp) => doc.links?.find((l) => re.test(l.label))?.url;
const DOC_RE = /declaration of conformity/i;
const CERT_RE = /certificate/i;
const IFU_RE = /instructions/i;

function operatingLogic(doc: Partial<SystemDocument>): string | undefined {
  const mc = doc.modelCard;
  if (!mc) return undefined;
  const parts = [
    mc.task ? `Task: ${mc.task}` : "",
    mc.approach ? `Approach: ${mc.approach}` : "",
    mc.architecture ? `Architecture: ${mc.architecture}` : "",
    mc.outputs?.length ? `Outputs: ${mc.outputs.join("; ")}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(". ") : undefined;
}

function marketStatus(doc: Partial<SystemDocument>): string | undefined {
  const places = doc.profile?.places;
  const parts: string[] = [];
  if (places?.placedOnMarket?.length) parts.push(`placed on the market (${places.placedOnMarket.join(", ")})`);
  if (places?.putIntoService?.length) parts.push(`put into service (${places.putIntoService.join(", ")})`);
  return parts.length ? parts.join("; ") : undefined;
}

// ---------------------------------------------------------------------------------------------
// EU AI Act, Annex VIII, Section A

/** Annex III points 1, 6 and 7: no electronic instructions for use are submitted for these. */
const NO_IFU_PURPOSES = new Set(["biometrics", "law-enforcement", "migration-border"]);

const A = "Section A (Art. 49(1))";
const ANNEX_VIII_A: readonly FieldDef[] = [
  {
    key: "1",
    label: "Provider: name, address and contact details",
    section: A,
    group: null,
    from: "provider.name, provider.url",
    get: (_d, i) => compact({ name: i.provider.name, url: i.provider.url }),
    note: "The provider's postal address is not recorded in the register; its contact details are item 1.contact.",
  },
  {
    key: "1.contact",
    label: "Provider: contact details",
    section: A,
    group: "contact",
    from: "contact",
    get: (d) => (d.contact ? compact({ name: d.contact.name, email: d.contact.email, url: d.contact.url }) : undefined),
  },
  {
    key: "2",
    label: "Person submitting the information on the provider's behalf: name, address and contact details",
    section: A,
    group: null,
    from: null,
  },
  {
    key: "3",
    label: "Authorised representative, where applicable: name, address and contact details",
    section: A,
    group: null,
    from: null,
  },
  {
    key: "4",
    label: "Trade name of the AI system and any further unambiguous reference for its identification and traceability",
    section: A,
    group: null,
    from: "name, versionLabel, systemId",
    get: (d, i) =>
      compact({ tradeName: d.name, version: d.versionLabel, registerReference: `${i.systemId}@${i.version}` }),
  },
  {
    key: "5",
    label: "Intended purpose of the AI system",
    section: A,
    group: "description",
    from: "intendedPurpose",
    get: (d) => d.intendedPurpose,
  },
  {
    key: "5.functions",
    label: "Components and functions supported through the AI system",
    section: A,
    group: "profile",
    from: "profile.functions",
    get: (d) => d.profile?.functions,
  },
  {
    key: "6",
    label: "Basic and concise description of the system",
    section: A,
    group: "description",
    from: "description",
    get: (d) => d.description,
  },
  {
    key: "6.inputs",
    label: "Information used by the system: inputs",
    section: A,
    group: "modelCard",
    from: "modelCard.inputs",
    get: (d) => d.modelCard?.inputs,
  },
  {
    key: "6.data",
    label: "Information used by the system: data",
    section: A,
    group: "datasets",
    from: "datasets[].name",
    get: (d) => d.datasets?.map((x) => x.name),
  },
  {
    key: "6.logic",
    label: "Operating logic of the system",
    section: A,
    group: "modelCard",
    from: "modelCard.task, modelCard.approach, modelCard.architecture, modelCard.outputs",
    get: operatingLogic,
  },
  {
    key: "7",
    label:
      "Status of the AI system: on the market or in service, no longer placed on the market or in service, recalled",
    section: A,
    group: "profile",
    from: "profile.places.placedOnMarket, profile.places.putIntoService",
    get: marketStatus,
    note: "From the profile's places; the register does not record that a system is no longer on the market or was recalled.",
  },
  {
    key: "8",
    label:
      "Notified body certificate, where applicable: type, number and expiry date; name or number of the notified body",
    section: A,
    group: null,
    from: null,
  },
  {
    key: "9",
    label: "Scanned copy of the certificate of item 8, where applicable",
    section: A,
    group: "links",
    from: "links[label contains 'certificate']",
    get: (d) => d.links?.find((l) => CERT_RE.test(l.label) && !DOC_RE.test(l.label))?.url,
  },
  {
    key: "10",
    label: "Member States where the system is placed on the market, put into service or made available",
    section: A,
    group: "deployment",
    from: "deploymentCountries (EU Member States, or EU)",
    get: (d) => d.deploymentCountries?.filter((c) => c === "EU" || EU_MEMBER_STATES.has(c)),
  },
  {
    key: "11",
    label: "Copy of the EU declaration of conformity (Art. 47)",
    section: A,
    group: "links",
    from: "links[label contains 'declaration of conformity']",
    get: (d) => linkMatching(d, DOC_RE),
  },
  {
    key: "12",
    label: "Electronic instructions for use",
    section: A,
    group: "links",
    from: "links[label contains 'instructions']",
    get: (d) => (d.profile?.purposes?.some((p) => NO_IFU_PURPOSES.has(p)) ? undefined : linkMatching(d, IFU_RE)),
    note: (d) =>
      d.profile?.purposes?.some((p) => NO_IFU_PURPOSES.has(p))
        ? "Not provided for high-risk systems in the areas of Annex III points 1, 6 and 7 (biometrics, law enforcement, migration, asylum and border control)."
        : undefined,
  },
  {
    key: "13",
    label: "URL for additional information (optional)",
    section: A,
    group: "links",
    from: "links[0] (other than items 9, 11, 12)",
    get: (d) => d.links?.find((l) => !DOC_RE.test(l.label) && !CERT_RE.test(l.label) && !IFU_RE.test(l.label))?.url,
  },
];

export const ANNEX_VIII_SOURCE = {
  standard: "EU AI Act (Regulation (EU) 2024/1689), Annex VIII, Section A",
  version: "Regulation (EU) 2024/1689 of 13 June 2024, OJ L, 12.7.2024",
  source: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
  checked: "2026-11-26",
} as const;

/** The registration fields of EU AI Act Annex VIII Section A for the system. */
export function annexViiiSectionA(input: FieldSetInput): FieldSetExport {
  const c = input.classification;
  const highRisk = c ? c.categories.includes("eu-ai-act:high-risk") : null;
  return {
    ...ANNEX_VIII_SOURCE,
    system: { id: input.systemId, version: input.version, name: input.document.name ?? null },
    applicability: {
      applies: highRisk,
      note:
        highRisk === null
          ? "Section A applies to high-risk AI systems registered under Art. 49(1); this system has no classification yet."
          : highRisk
            ? "The register classifies the system as high-risk under the EU AI Act: Section A applies (Art. 49(1))."
            : "The register does not classify the system as high-risk under the EU AI Act: registration under Art. 49(1) is not required.",
    },
    fields: evaluate(ANNEX_VIII_A, input),
  };
}

// ---------------------------------------------------------------------------------------------
// UK Algorithmic Transparency Recording Standard (template v3.0)

const T1 = "Tier 1 – Overview";
const T21 = "Tier 2 – 1. Owner and responsibility";
const T22 = "Tier 2 – 2. Description and rationale";
const T23 = "Tier 2 – 3. Decision-making process";
const T241 = "Tier 2 – 4. Tool specification";
const T242 = "Tier 2 – 4. Tool specification: model specification";
const T243 = "Tier 2 – 4. Tool specification: data specification";
const T25 = "Tier 2 – 5. Risks, mitigations and impact assessments";

const none = (key: string, label: string, section: string): FieldDef => ({
  key,
  label,
  section,
  group: null,
  from: null,
});
const perDataset =
  (f: (d: NonNullable<SystemDocument["datasets"]>[number]) => string | undefined) => (doc: Partial<SystemDocument>) =>
    doc.datasets?.map(f).filter((x): x is string => x !== undefined);

const ATRS: readonly FieldDef[] = [
  { key: "tier1.1", label: "Name", section: T1, group: null, from: "name", get: (d) => d.name },
  {
    key: "tier1.2",
    label: "Description",
    section: T1,
    group: "description",
    from: "description",
    get: (d) => d.description,
  },
  {
    key: "tier1.3",
    label: "Website URL",
    section: T1,
    group: "links",
    from: "links[0].url",
    get: (d) => d.links?.[0]?.url,
  },
  {
    key: "tier1.4",
    label: "Contact email",
    section: T1,
    group: "contact",
    from: "contact.email",
    get: (d) => d.contact?.email,
  },

  {
    key: "tier2.1.1",
    label: "Organisation or department",
    section: T21,
    group: null,
    from: "provider.name",
    get: (_d, i) => i.provider.name,
    note: "The register's provider; an ATRS record is published by the public-sector body that uses the tool.",
  },
  none("tier2.1.2", "Team", T21),
  none("tier2.1.3", "Senior responsible owner", T21),
  none("tier2.1.4", "External supplier involvement", T21),
  none("tier2.1.4.1", "External supplier", T21),
  none("tier2.1.4.2", "Companies House number", T21),
  none("tier2.1.4.3", "External supplier role", T21),
  none("tier2.1.4.4", "Procurement procedure type", T21),
  none("tier2.1.4.5", "Data access terms", T21),

  {
    key: "tier2.2.1",
    label: "Detailed description",
    section: T22,
    group: "description",
    from: "description",
    get: (d) => d.description,
  },
  {
    key: "tier2.2.2",
    label: "Scope",
    section: T22,
    group: "description",
    from: "intendedPurpose",
    get: (d) => d.intendedPurpose,
  },
  none("tier2.2.3", "Benefit", T22),
  none("tier2.2.4", "Previous process", T22),
  none("tier2.2.5", "Alternatives considered", T22),

  none("tier2.3.1", "Process integration", T23),
  {
    key: "tier2.3.2",
    label: "Provided information",
    section: T23,
    group: "modelCard",
    from: "modelCard.outputs",
    get: (d) => d.modelCard?.outputs,
  },
  none("tier2.3.3", "Frequency and scale of usage", T23),
  none("tier2.3.4", "Human decisions and review", T23),
  none("tier2.3.5", "Required training", T23),
  none("tier2.3.6", "Appeals and review", T23),

  none("tier2.4.1.1", "System architecture", T241),
  none("tier2.4.1.2", "Phase", T241),
  none("tier2.4.1.3", "Maintenance", T241),
  {
    key: "tier2.4.1.4",
    label: "Models",
    section: T241,
    group: null,
    from: "name, versionLabel",
    get: (d) => (d.name ? [d.versionLabel ? `${d.name} ${d.versionLabel}` : d.name] : undefined),
  },

  { key: "tier2.4.2.1", label: "Model name", section: T242, group: null, from: "name", get: (d) => d.name },
  {
    key: "tier2.4.2.2",
    label: "Model version",
    section: T242,
    group: null,
    from: "versionLabel",
    get: (d) => d.versionLabel,
  },
  {
    key: "tier2.4.2.3",
    label: "Model task",
    section: T242,
    group: "modelCard",
    from: "modelCard.task",
    get: (d) => d.modelCard?.task,
  },
  {
    key: "tier2.4.2.4",
    label: "Model input",
    section: T242,
    group: "modelCard",
    from: "modelCard.inputs",
    get: (d) => d.modelCard?.inputs,
  },
  {
    key: "tier2.4.2.5",
    label: "Model output",
    section: T242,
    group: "modelCard",
    from: "modelCard.outputs",
    get: (d) => d.modelCard?.outputs,
  },
  {
    key: "tier2.4.2.6",
    label: "Model architecture",
    section: T242,
    group: "modelCard",
    from: "modelCard.architecture, modelCard.approach",
    get: (d) => {
      const mc = d.modelCard;
      if (!mc?.architecture && !mc?.approach) return undefined;
      if (mc.architecture && mc.approach) return `${mc.architecture} (${mc.approach})`;
      return mc.architecture ?? mc.approach;
    },
  },
  {
    key: "tier2.4.2.7",
    label: "Model performance",
    section: T242,
    group: "modelCard",
    from: "modelCard.metrics",
    get: (d) =>
      d.modelCard?.metrics?.map((m) => {
        const on = [m.dataset, m.slice].filter(Boolean).join(", ");
        return `${m.name}: ${m.value}${on ? ` (${on})` : ""}`;
      }),
  },
  {
    key: "tier2.4.2.8",
    label: "Datasets",
    section: T242,
    group: "datasets",
    from: "datasets[].name",
    get: (d) => d.datasets?.map((x) => x.name),
  },
  none("tier2.4.2.9", "Dataset purposes", T242),

  {
    key: "tier2.4.3.1",
    label: "Source data name",
    section: T243,
    group: "datasets",
    from: "datasets[].name",
    get: perDataset((x) => x.name),
  },
  none("tier2.4.3.2", "Data modality", T243),
  {
    key: "tier2.4.3.3",
    label: "Data description",
    section: T243,
    group: "datasets",
    from: "datasets[].description",
    get: perDataset((x) => (x.description ? `${x.name}: ${x.description}` : undefined)),
  },
  none("tier2.4.3.4", "Data quantities", T243),
  {
    key: "tier2.4.3.5",
    label: "Sensitive attributes",
    section: T243,
    group: "datasets",
    from: "datasets[].containsPersonalData",
    get: perDataset((x) =>
      x.containsPersonalData === undefined
        ? undefined
        : `${x.name}: ${x.containsPersonalData ? "contains personal data" : "contains no personal data"}`,
    ),
    note: "The register records only whether a dataset contains personal data, not which attributes.",
  },
  none("tier2.4.3.6", "Data completeness and representativeness", T243),
  {
    key: "tier2.4.3.7",
    label: "Source data URL",
    section: T243,
    group: "datasets",
    from: "datasets[].url",
    get: perDataset((x) => (x.url ? `${x.name}: ${x.url}` : undefined)),
  },
  none("tier2.4.3.8", "Data collection", T243),
  none("tier2.4.3.9", "Data cleaning", T243),
  {
    key: "tier2.4.3.10",
    label: "Data sharing agreements",
    section: T243,
    group: "datasets",
    from: "datasets[].license",
    get: perDataset((x) => (x.license ? `${x.name}: licence ${x.license}` : undefined)),
    note: "The register records each dataset's licence, not other sharing agreements.",
  },
  none("tier2.4.3.11", "Data access and storage", T243),

  {
    key: "tier2.5.1",
    label: "Impact assessment",
    section: T25,
    group: "links",
    from: "links[label contains 'impact assessment' or 'DPIA']",
    get: (d) =>
      d.links?.filter((l) => /impact assessment|\bdpia\b|\beqia\b/i.test(l.label)).map((l) => `${l.label}: ${l.url}`),
  },
  {
    key: "tier2.5.2",
    label: "Risks and mitigations",
    section: T25,
    group: "modelCard",
    from: "modelCard.limitations, modelCard.ethicalConsiderations",
    get: (d) => [...(d.modelCard?.limitations ?? []), ...(d.modelCard?.ethicalConsiderations ?? [])],
  },
];

export const ATRS_SOURCE = {
  standard: "UK Algorithmic Transparency Recording Standard (ATRS)",
  version: "3.0",
  source:
    "https://www.gov.uk/government/publications/guidance-for-organisations-using-the-algorithmic-transparency-recording-standard",
  checked: "2026-11-26",
} as const;

/** The UK ATRS (template v3.0) fields for the system: Tier 1 and the five sections of Tier 2. */
export function ukAtrs(input: FieldSetInput): FieldSetExport {
  return {
    ...ATRS_SOURCE,
    system: { id: input.systemId, version: input.version, name: input.document.name ?? null },
    applicability: {
      applies: null,
      note: "The ATRS is for UK public-sector bodies that use an algorithmic tool; the register does not record who uses the system.",
    },
    fields: evaluate(ATRS, input),
  };
}
