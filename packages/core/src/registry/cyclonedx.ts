import { sha1 } from "@noble/hashes/legacy.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import type { SystemProfile } from "../rules/types.js";
import { CONTEXTS, FACTS, type FactPath, FUNCTIONS, MODALITIES, OPERATOR_ROLES, PURPOSES } from "../rules/types.js";
import {
  type Contact,
  type DatasetFacts,
  type ModelCard,
  type PerformanceMetric,
  SYSTEM_KINDS,
  type SystemDocument,
  type SystemKind,
  UN_LANGUAGE_CODES,
  type UnLanguageCode,
} from "./types.js";

/**
 * A register entry as a CycloneDX 1.6 ML-BOM (JSON), and back. Pure: no I/O, no clock, no
 * randomness — the serial number is a UUID derived from `serialSeed`, the timestamp is given.
 * The field-by-field mapping is documented in docs/registry-field-mapping.md; in short:
 *
 * - The BOM's subject (`metadata.component`) is ONE component of type `machine-learning-model`,
 *   for both kinds of register entry. A register entry of kind "system" carries a single model
 *   card, so it is described as that model; the kind travels in the property `concordia:kind`.
 *   (A CycloneDX `application` component cannot carry the model card in any consumer we know of,
 *   and splitting one entry into an application wrapping an invented model would add a component
 *   nobody registered.)
 * - `metadata.supplier` and the component's `supplier` are the provider; the component's
 *   `supplier.contact[0]` is the document's contact (name, email), its URL an external reference
 *   of type `support`.
 * - Datasets are top-level components of type `data` (hash, licence, distribution URL, and a
 *   `data[0]` entry of type `dataset`), referenced from `modelCard.modelParameters.datasets`.
 * - What CycloneDX has no field for (intended purpose, profile facts, deployment countries,
 *   translations, classification, the provider's free-text approach) is kept in properties named
 *   `concordia:*`, so a Concordia export imports back without loss.
 *
 * Only what the caller may read is exported: the document is already projected, and a group that
 * was removed is simply absent from the BOM.
 */

export const CYCLONEDX_SPEC_VERSION = "1.6";
/** Prefix of our own property names (CycloneDX property taxonomy: names are namespaced by "prefix:"). */
export const CONCORDIA_PROPERTY_PREFIX = "concordia:";
/** The UUID namespace of our BOM serial numbers (a fixed, random version-4 UUID). */
export const CONCORDIA_BOM_NAMESPACE = "6f1c2b0e-4d8a-4f3e-9b7c-2a5d9e8f1c47";

/** The values CycloneDX 1.6 allows for `modelCard.modelParameters.approach.type`. */
export const CYCLONEDX_APPROACH_TYPES = [
  "supervised",
  "unsupervised",
  "reinforcement-learning",
  "semi-supervised",
  "self-supervised",
] as const;
export type CycloneDxApproachType = (typeof CYCLONEDX_APPROACH_TYPES)[number];

// ---------------------------------------------------------------------------------------------
// Output shapes (the subset of CycloneDX 1.6 we write)

export interface CdxProperty {
  name: string;
  value: string;
}
export interface CdxContact {
  name?: string;
  email?: string;
}
export interface CdxOrganization {
  name: string;
  url?: string[];
  contact?: CdxContact[];
}
export interface CdxExternalReference {
  type: string;
  url: string;
  comment?: string;
}
export interface CdxLicense {
  license: { name: string };
}
export interface CdxComponentData {
  type: "dataset";
  name: string;
  contents?: { url: string };
  sensitiveData?: string[];
}
export interface CdxModelCard {
  modelParameters?: {
    approach?: { type: CycloneDxApproachType };
    task?: string;
    architectureFamily?: string;
    datasets?: { ref: string }[];
    inputs?: { format: string }[];
    outputs?: { format: string }[];
  };
  quantitativeAnalysis?: { performanceMetrics: { type: string; value: string; slice?: string }[] };
  considerations?: {
    useCases?: string[];
    technicalLimitations?: string[];
    ethicalConsiderations?: { name: string }[];
  };
  properties?: CdxProperty[];
}
export interface CdxComponent {
  type: "machine-learning-model" | "data";
  "bom-ref": string;
  supplier?: CdxOrganization;
  name: string;
  version?: string;
  description?: string;
  hashes?: { alg: "SHA-256"; content: string }[];
  licenses?: CdxLicense[];
  externalReferences?: CdxExternalReference[];
  modelCard?: CdxModelCard;
  data?: CdxComponentData[];
  properties?: CdxProperty[];
}
export interface CdxBom {
  bomFormat: "CycloneDX";
  specVersion: typeof CYCLONEDX_SPEC_VERSION;
  serialNumber: string;
  version: number;
  metadata: {
    timestamp: string;
    tools: { components: { type: "application"; name: string; publisher: string }[] };
    supplier: CdxOrganization;
    component: CdxComponent;
    properties: CdxProperty[];
  };
  components?: CdxComponent[];
}

export interface SystemToBomInput {
  systemId: string;
  /** The register's version number of the system (a positive integer; becomes the BOM version). */
  version: number;
  provider: { name: string; url?: string };
  /** The document as the caller may read it (see projectDocument). */
  document: Partial<SystemDocument>;
  /** The classification summary (public in the register), or null when there is none. */
  classification?: { categories: string[]; jurisdictions: string[] } | null;
  /** Seed of the deterministic serial number, e.g. "<systemId>:<version>:<viewer level>". */
  serialSeed: string;
  /** ISO 8601 date-time with a time zone. */
  timestamp: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** An RFC 4122 version-5 (SHA-1, name-based) UUID of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const ns = hexToBytes(namespace.replace(/-/g, ""));
  const nameBytes = utf8ToBytes(name);
  const input = new Uint8Array(ns.length + nameBytes.length);
  input.set(ns, 0);
  input.set(nameBytes, ns.length);
  const bytes = sha1(input).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytesToHex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The CycloneDX approach type named by the provider's free text, or undefined when the text names
 * none of them (e.g. "transformer decoder"): the text itself is kept in a property either way.
 */
export function approachType(text: string | undefined): CycloneDxApproachType | undefined {
  if (!text) return undefined;
  const t = text.toLowerCase();
  if (/\bsemi[\s-]?supervised\b/.test(t)) return "semi-supervised";
  if (/\bself[\s-]?supervised\b/.test(t)) return "self-supervised";
  if (/\bun[\s-]?supervised\b/.test(t)) return "unsupervised";
  if (/\breinforcement[\s-]learning\b/.test(t) || /^rl$/.test(t.trim())) return "reinforcement-learning";
  if (/\bsupervised\b/.test(t)) return "supervised";
  return undefined;
}

/** The CycloneDX external reference type for a link, from words in its label (else "website"). */
export function linkType(label: string): string {
  const l = label.toLowerCase();
  if (/model[\s-]?card/.test(l)) return "model-card";
  if (/declaration of conformity|certificat/.test(l)) return "certification-report";
  if (/(risk|impact)[\s-]assessment|\bdpia\b/.test(l)) return "risk-assessment";
  if (/\blicen[cs]e/.test(l)) return "license";
  if (/release notes|changelog/.test(l)) return "release-notes";
  if (/\b(source code|repository|github|gitlab)\b/.test(l)) return "vcs";
  if (/documentation|instructions|manual|guide|\bdocs\b/.test(l)) return "documentation";
  if (/download|weights|distribution/.test(l)) return "distribution";
  return "website";
}

const P = CONCORDIA_PROPERTY_PREFIX;
const PROP = {
  kind: `${P}kind`,
  intendedPurpose: `${P}intendedPurpose`,
  deploymentCountries: `${P}deploymentCountries`,
  profile: `${P}profile:`,
  translations: `${P}translations:`,
  categories: `${P}classification:categories`,
  jurisdictions: `${P}classification:jurisdictions`,
  systemId: `${P}systemId`,
  registerVersion: `${P}registerVersion`,
  approach: `${P}modelCard:approach`,
  metricDataset: `${P}modelCard:metricDataset:`,
  containsPersonalData: `${P}dataset:containsPersonalData`,
} as const;

const LIST_ENUMS: Partial<Record<FactPath, readonly string[]>> = {
  roles: OPERATOR_ROLES,
  purposes: PURPOSES,
  functions: FUNCTIONS,
  contexts: CONTEXTS,
  "generative.modalities": MODALITIES,
};
const JURISDICTION = /^(EU|INT|[A-Z]{2}(-[A-Z0-9]{1,3}(-[A-Z0-9]{2,6})?)?)$/;
const HTTP_URL = /^https?:\/\/\S+$/i;

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (!cur[part] || typeof cur[part] !== "object") cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

/** The profile as properties: one per fact that is present (lists comma-separated, "" = none). */
function profileProperties(profile: SystemProfile): CdxProperty[] {
  const out: CdxProperty[] = [{ name: `${PROP.profile}profileVersion`, value: profile.profileVersion }];
  if (profile.name !== undefined) out.push({ name: `${PROP.profile}name`, value: profile.name });
  for (const [path, kind] of Object.entries(FACTS) as [FactPath, string][]) {
    const v = getPath(profile, path);
    if (v === undefined || v === null) continue;
    if (kind === "list" || kind === "places") {
      if (Array.isArray(v)) out.push({ name: `${PROP.profile}${path}`, value: v.join(",") });
    } else out.push({ name: `${PROP.profile}${path}`, value: String(v) });
  }
  return out;
}

const nonEmpty = <T>(a: T[] | undefined): a is T[] => Array.isArray(a) && a.length > 0;

// ---------------------------------------------------------------------------------------------
// Export

/** The system as a CycloneDX 1.6 ML-BOM (JSON), with only the fields present in `document`. */
export function systemToBom(input: SystemToBomInput): CdxBom {
  const doc = input.document;
  const provider: CdxOrganization = {
    name: input.provider.name,
    ...(input.provider.url ? { url: [input.provider.url] } : {}),
  };
  const mainRef = `concordia:system:${input.systemId}`;

  // Datasets: components of type "data", referenced from the model card.
  const datasetComponents: CdxComponent[] = (doc.datasets ?? []).map((d, i) => datasetComponent(d, i));

  // Properties of the main component.
  const properties: CdxProperty[] = [];
  if (doc.kind) properties.push({ name: PROP.kind, value: doc.kind });
  if (doc.intendedPurpose !== undefined) properties.push({ name: PROP.intendedPurpose, value: doc.intendedPurpose });
  for (const lang of UN_LANGUAGE_CODES) {
    const t = doc.translations?.[lang];
    if (!t) continue;
    for (const field of ["name", "intendedPurpose", "description"] as const) {
      if (t[field] !== undefined) properties.push({ name: `${PROP.translations}${lang}:${field}`, value: t[field]! });
    }
  }
  if (doc.deploymentCountries) {
    properties.push({ name: PROP.deploymentCountries, value: doc.deploymentCountries.join(",") });
  }
  if (doc.profile) properties.push(...profileProperties(doc.profile));
  if (input.classification) {
    properties.push({ name: PROP.categories, value: input.classification.categories.join(",") });
    properties.push({ name: PROP.jurisdictions, value: input.classification.jurisdictions.join(",") });
  }

  // External references: links (label in the comment), then the contact URL as "support".
  const externalReferences: CdxExternalReference[] = (doc.links ?? []).map((l) => ({
    type: linkType(l.label),
    url: l.url,
    comment: l.label,
  }));
  if (doc.contact?.url) externalReferences.push({ type: "support", url: doc.contact.url, comment: "contact" });

  const contact: CdxContact = {
    ...(doc.contact?.name ? { name: doc.contact.name } : {}),
    ...(doc.contact?.email ? { email: doc.contact.email } : {}),
  };
  const supplier: CdxOrganization = { ...provider, ...(Object.keys(contact).length ? { contact: [contact] } : {}) };

  const modelCard = modelCardOf(
    doc.modelCard,
    datasetComponents.map((c) => c["bom-ref"]),
  );

  const main: CdxComponent = {
    type: "machine-learning-model",
    "bom-ref": mainRef,
    supplier,
    name: doc.name ?? "",
    ...(doc.versionLabel !== undefined ? { version: doc.versionLabel } : {}),
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    ...(doc.modelCard?.license ? { licenses: [{ license: { name: doc.modelCard.license } }] } : {}),
    ...(externalReferences.length ? { externalReferences } : {}),
    ...(modelCard ? { modelCard } : {}),
    ...(properties.length ? { properties } : {}),
  };

  return {
    bomFormat: "CycloneDX",
    specVersion: CYCLONEDX_SPEC_VERSION,
    serialNumber: `urn:uuid:${uuidV5(CONCORDIA_BOM_NAMESPACE, input.serialSeed)}`,
    version: Math.max(1, Math.trunc(input.version)),
    metadata: {
      timestamp: input.timestamp,
      tools: { components: [{ type: "application", name: "Concordia AI system register", publisher: "Concordia" }] },
      supplier: provider,
      component: main,
      properties: [
        { name: PROP.systemId, value: input.systemId },
        { name: PROP.registerVersion, value: String(input.version) },
      ],
    },
    ...(datasetComponents.length ? { components: datasetComponents } : {}),
  };
}

function datasetComponent(d: DatasetFacts, i: number): CdxComponent {
  const data: CdxComponentData = {
    type: "dataset",
    name: d.name,
    ...(d.url ? { contents: { url: d.url } } : {}),
    ...(d.containsPersonalData ? { sensitiveData: ["personal data"] } : {}),
  };
  return {
    type: "data",
    "bom-ref": `concordia:dataset:${i + 1}`,
    name: d.name,
    ...(d.description !== undefined ? { description: d.description } : {}),
    ...(d.sha256 ? { hashes: [{ alg: "SHA-256", content: d.sha256 }] } : {}),
    ...(d.license ? { licenses: [{ license: { name: d.license } }] } : {}),
    ...(d.url ? { externalReferences: [{ type: "distribution", url: d.url }] } : {}),
    data: [data],
    ...(d.containsPersonalData !== undefined
      ? { properties: [{ name: PROP.containsPersonalData, value: String(d.containsPersonalData) }] }
      : {}),
  };
}

function modelCardOf(mc: ModelCard | undefined, datasetRefs: string[]): CdxModelCard | undefined {
  const out: CdxModelCard = {};
  const type = approachType(mc?.approach);
  const params: NonNullable<CdxModelCard["modelParameters"]> = {
    ...(type ? { approach: { type } } : {}),
    ...(mc?.task ? { task: mc.task } : {}),
    ...(mc?.architecture ? { architectureFamily: mc.architecture } : {}),
    ...(datasetRefs.length ? { datasets: datasetRefs.map((ref) => ({ ref })) } : {}),
    ...(mc?.inputs ? { inputs: mc.inputs.map((format) => ({ format })) } : {}),
    ...(mc?.outputs ? { outputs: mc.outputs.map((format) => ({ format })) } : {}),
  };
  if (Object.keys(params).length) out.modelParameters = params;
  if (nonEmpty(mc?.metrics)) {
    out.quantitativeAnalysis = {
      performanceMetrics: mc.metrics.map((m) => ({
        type: m.name,
        value: m.value,
        ...(m.slice ? { slice: m.slice } : {}),
      })),
    };
  }
  const considerations: NonNullable<CdxModelCard["considerations"]> = {
    ...(mc?.useCases ? { useCases: mc.useCases } : {}),
    ...(mc?.limitations ? { technicalLimitations: mc.limitations } : {}),
    ...(mc?.ethicalConsiderations ? { ethicalConsiderations: mc.ethicalConsiderations.map((name) => ({ name })) } : {}),
  };
  if (Object.keys(considerations).length) out.considerations = considerations;
  const props: CdxProperty[] = [];
  if (mc?.approach) props.push({ name: PROP.approach, value: mc.approach });
  (mc?.metrics ?? []).forEach((m, i) => {
    if (m.dataset) props.push({ name: `${PROP.metricDataset}${i}`, value: m.dataset });
  });
  if (props.length) out.properties = props;
  return Object.keys(out).length ? out : undefined;
}

// ---------------------------------------------------------------------------------------------
// Import

/** A BOM that cannot be mapped to a register entry at all (not an ML-BOM). */
export class CycloneDxMappingError extends Error {
  override name = "CycloneDxMappingError";
  constructor(
    message: string,
    /** Where, as a request field path (e.g. "body.bom.components"). */
    readonly field: string,
  ) {
    super(message);
  }
}

export interface BomToDocumentResult {
  document: Partial<SystemDocument>;
  /** What could not be mapped, or was assumed; in a stable order. */
  warnings: string[];
  /** The document fields that were read from the BOM (the others are absent or a stated default). */
  found: (keyof SystemDocument)[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => arr(v).filter((s): s is string => typeof s === "string" && s.trim() !== "");

/** Components in document order, depth first (nested `components` after their parent). */
function allComponents(list: unknown, path: string, out: { c: Obj; path: string }[] = []): { c: Obj; path: string }[] {
  arr(list).forEach((c, i) => {
    if (!isObj(c)) return;
    const p = `${path}.${i}`;
    out.push({ c, path: p });
    allComponents(c.components, `${p}.components`, out);
  });
  return out;
}

const MAIN_FIELDS_MAPPED = new Set([
  "type",
  "bom-ref",
  "name",
  "version",
  "description",
  "supplier",
  "manufacturer",
  "licenses",
  "externalReferences",
  "modelCard",
  "properties",
]);
const BOM_SECTIONS_MAPPED = new Set([
  "$schema",
  "bomFormat",
  "specVersion",
  "serialNumber",
  "version",
  "metadata",
  "components",
]);

/**
 * A document draft from a CycloneDX ML-BOM: the BOM's subject (`metadata.component`) when it is a
 * machine-learning model, else the first machine-learning-model component (depth first). Nothing
 * is invented: a field the BOM does not state is left out (with a warning), except `profile`
 * (`{ profileVersion: "1" }`, every fact unknown) and `kind` ("system" unless the BOM states
 * otherwise), which the warnings and `found` make visible. The BOM is expected to have passed
 * schema validation first; anything of an unexpected shape is skipped with a warning.
 * Throws CycloneDxMappingError when the BOM has no machine-learning-model component.
 */
export function bomToDocument(bom: unknown): BomToDocumentResult {
  if (!isObj(bom)) throw new CycloneDxMappingError("the BOM must be a JSON object", "body.bom");
  const warnings: string[] = [];
  const found = new Set<keyof SystemDocument>();
  const metadata = isObj(bom.metadata) ? bom.metadata : {};
  const subject = isObj(metadata.component) ? metadata.component : undefined;

  let main: Obj | undefined;
  if (subject?.type === "machine-learning-model") main = subject;
  else {
    const candidates = [
      ...(subject ? allComponents(subject.components, "metadata.component.components") : []),
      ...allComponents(bom.components, "components"),
    ];
    const model = candidates.find((x) => x.c.type === "machine-learning-model");
    if (!model) {
      throw new CycloneDxMappingError(
        'the BOM describes no machine-learning model: neither metadata.component nor any entry of components has type "machine-learning-model", so it is not an ML-BOM',
        "body.bom.components",
      );
    }
    main = model.c;
    if (subject) {
      warnings.push(
        `metadata.component ("${str(subject.name) ?? "unnamed"}", type ${String(subject.type)}) is not a machine-learning model: the system was read from ${model.path} ("${str(main.name) ?? "unnamed"}")`,
      );
    }
  }
  const others = allComponents(bom.components, "components").filter(
    (x) => x.c !== main && x.c.type === "machine-learning-model",
  );
  for (const o of others)
    warnings.push(`${o.path}: a further machine-learning model ("${str(o.c.name)}") was not mapped`);

  // Properties: the component's, then the BOM metadata's.
  const props = [...arr(main.properties), ...arr(metadata.properties)].filter(isObj);
  const prop = (name: string): string | undefined => {
    const p = props.find((x) => x.name === name);
    return typeof p?.value === "string" ? p.value : undefined;
  };
  const knownProps = new Set<string>([
    PROP.kind,
    PROP.intendedPurpose,
    PROP.deploymentCountries,
    PROP.categories,
    PROP.jurisdictions,
    PROP.systemId,
    PROP.registerVersion,
  ]);

  const doc: Partial<SystemDocument> = {};

  // Identity
  const name = str(main.name);
  if (name) {
    doc.name = name;
    found.add("name");
  } else warnings.push("the model component has no name");
  const version = str(main.version);
  if (version) {
    doc.versionLabel = version;
    found.add("versionLabel");
  } else warnings.push("versionLabel: the model component has no version");
  const description = str(main.description);
  if (description) {
    doc.description = description;
    found.add("description");
  } else warnings.push("description: the model component has no description");

  // Model card (read first: the intended purpose may come from its use cases)
  const mcResult = readModelCard(main, isObj(main.modelCard) ? main.modelCard : undefined, warnings);
  if (mcResult.card) {
    doc.modelCard = mcResult.card;
    found.add("modelCard");
  }

  const purpose = prop(PROP.intendedPurpose);
  if (purpose) {
    doc.intendedPurpose = purpose;
    found.add("intendedPurpose");
  } else if (nonEmpty(doc.modelCard?.useCases)) {
    doc.intendedPurpose = doc.modelCard.useCases.join("\n");
    found.add("intendedPurpose");
    warnings.push("intendedPurpose: taken from modelCard.considerations.useCases");
  } else if (description) {
    doc.intendedPurpose = description;
    found.add("intendedPurpose");
    warnings.push("intendedPurpose: not stated; taken from the component description");
  } else warnings.push("intendedPurpose: not stated");

  // Translations
  const translations: NonNullable<SystemDocument["translations"]> = {};
  for (const p of props) {
    const pname = typeof p.name === "string" ? p.name : "";
    if (!pname.startsWith(PROP.translations)) continue;
    knownProps.add(pname);
    const [lang, field] = pname.slice(PROP.translations.length).split(":");
    const value = str(p.value);
    if (
      !UN_LANGUAGE_CODES.includes(lang as UnLanguageCode) ||
      !["name", "intendedPurpose", "description"].includes(field ?? "") ||
      !value
    ) {
      warnings.push(`property ${pname}: not a translation we keep`);
      continue;
    }
    translations[lang as UnLanguageCode] = {
      ...translations[lang as UnLanguageCode],
      [field as "name" | "intendedPurpose" | "description"]: value,
    };
  }
  if (Object.keys(translations).length) {
    doc.translations = translations;
    found.add("translations");
  }

  // Profile
  const profileResult = readProfile(props, warnings, knownProps);
  doc.profile = profileResult.profile;
  if (profileResult.found) found.add("profile");
  else
    warnings.push(
      'profile: no concordia:profile:* properties; the profile is { profileVersion: "1" } (every fact unknown)',
    );

  // Kind
  const kindProp = prop(PROP.kind);
  if (kindProp && SYSTEM_KINDS.includes(kindProp as SystemKind)) {
    doc.kind = kindProp as SystemKind;
    found.add("kind");
  } else {
    doc.kind = doc.profile.gpai?.isGeneralPurposeModel ? "gpai-model" : "system";
    warnings.push(
      kindProp
        ? `kind: property ${PROP.kind} "${kindProp}" is not one of ${SYSTEM_KINDS.join(", ")}; taken as "${doc.kind}"`
        : `kind: not stated; taken as "${doc.kind}"`,
    );
  }

  // Deployment countries
  const countries = prop(PROP.deploymentCountries);
  if (countries !== undefined) {
    const list = splitList(countries);
    const bad = list.filter((c) => !JURISDICTION.test(c));
    if (bad.length) warnings.push(`deploymentCountries: not jurisdiction codes, left out: ${bad.join(", ")}`);
    doc.deploymentCountries = list.filter((c) => JURISDICTION.test(c));
    found.add("deploymentCountries");
  } else warnings.push(`deploymentCountries: not stated (no ${PROP.deploymentCountries} property)`);

  // Contact: the first contact of the supplier or manufacturer; its URL the first "support" reference.
  const refs = arr(main.externalReferences).filter(isObj);
  const supportIndex = refs.findIndex((r) => r.type === "support" && typeof r.url === "string");
  const contactSources: [string, unknown][] = [
    ["component supplier", isObj(main.supplier) ? main.supplier.contact : undefined],
    ["component manufacturer", isObj(main.manufacturer) ? main.manufacturer.contact : undefined],
    ["BOM supplier", isObj(metadata.supplier) ? metadata.supplier.contact : undefined],
    ["BOM manufacturer", isObj(metadata.manufacturer) ? metadata.manufacturer.contact : undefined],
  ];
  const firstContact = contactSources.map(([, c]) => arr(c).find(isObj)).find((c) => c !== undefined);
  const contact: Contact = {};
  if (firstContact) {
    if (str(firstContact.name)) contact.name = str(firstContact.name)!;
    if (str(firstContact.email)) contact.email = str(firstContact.email)!;
    if (str(firstContact.phone)) warnings.push("contact: the phone number was not mapped");
  }
  if (supportIndex >= 0) {
    const url = refs[supportIndex]!.url as string;
    if (HTTP_URL.test(url)) contact.url = url;
    else warnings.push(`contact: the support reference ${url} is not an http(s) URL; left out`);
  }
  if (Object.keys(contact).length) {
    doc.contact = contact;
    found.add("contact");
  }

  // Links: the other external references.
  const links: { label: string; url: string }[] = [];
  refs.forEach((r, i) => {
    if (i === supportIndex) return;
    const url = typeof r.url === "string" ? r.url : undefined;
    if (!url || !HTTP_URL.test(url)) {
      warnings.push(`externalReferences.${i}: ${url ?? "no URL"} is not an http(s) URL; left out`);
      return;
    }
    links.push({ label: str(r.comment) ?? String(r.type ?? "link"), url });
  });
  if (links.length) {
    doc.links = links;
    found.add("links");
  }

  // Datasets
  const datasets = readDatasets(bom, mcResult.datasetEntries, warnings);
  if (datasets.length) {
    doc.datasets = datasets;
    found.add("datasets");
  }

  // What else the BOM holds that has no place in the register.
  for (const p of props) {
    const pname = typeof p.name === "string" ? p.name : "";
    if (knownProps.has(pname) || pname.startsWith(PROP.profile)) continue;
    warnings.push(`property ${pname || "(unnamed)"} was not mapped`);
  }
  for (const key of Object.keys(main).sort()) {
    if (!MAIN_FIELDS_MAPPED.has(key)) warnings.push(`component field ${key} was not mapped`);
  }
  for (const key of Object.keys(bom).sort()) {
    if (!BOM_SECTIONS_MAPPED.has(key)) warnings.push(`BOM section ${key} was not mapped`);
  }
  const usedRefs = new Set(mcResult.datasetEntries.map((e) => (isObj(e) ? e.ref : undefined)));
  for (const x of allComponents(bom.components, "components")) {
    if (x.c === main || x.c.type === "machine-learning-model") continue;
    if (x.c.type === "data" && usedRefs.has(x.c["bom-ref"])) continue;
    warnings.push(`${x.path}: component "${str(x.c.name) ?? "unnamed"}" (${String(x.c.type)}) was not mapped`);
  }

  return { document: doc, warnings, found: [...found] };
}

function splitList(s: string): string[] {
  return s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}

function readProfile(
  props: Obj[],
  warnings: string[],
  knownProps: Set<string>,
): { profile: SystemProfile; found: boolean } {
  const profile: Record<string, unknown> = { profileVersion: "1" };
  let any = false;
  for (const p of props) {
    const pname = typeof p.name === "string" ? p.name : "";
    if (!pname.startsWith(PROP.profile)) continue;
    knownProps.add(pname);
    const path = pname.slice(PROP.profile.length);
    const value = typeof p.value === "string" ? p.value : "";
    if (path === "profileVersion") {
      any = true;
      if (value !== "1") warnings.push(`profile: version "${value}" is not 1; read as version 1`);
      continue;
    }
    if (path === "name") {
      profile.name = value;
      any = true;
      continue;
    }
    const kind = (FACTS as Record<string, string>)[path];
    if (!kind) {
      warnings.push(`property ${pname}: not a profile fact`);
      continue;
    }
    if (kind === "boolean") {
      if (value !== "true" && value !== "false") {
        warnings.push(`property ${pname}: "${value}" is not true or false; left out`);
        continue;
      }
      setPath(profile, path, value === "true");
    } else if (kind === "number") {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
        warnings.push(`property ${pname}: "${value}" is not a number; left out`);
        continue;
      }
      setPath(profile, path, n);
    } else {
      const list = splitList(value);
      const allowed = LIST_ENUMS[path as FactPath];
      const ok = (v: string) => (allowed ? allowed.includes(v) : JURISDICTION.test(v));
      const bad = list.filter((v) => !ok(v));
      if (bad.length) warnings.push(`property ${pname}: unknown values left out: ${bad.join(", ")}`);
      setPath(profile, path, list.filter(ok));
    }
    any = true;
  }
  return { profile: profile as unknown as SystemProfile, found: any };
}

function readModelCard(
  main: Obj,
  mc: Obj | undefined,
  warnings: string[],
): { card: ModelCard | undefined; datasetEntries: unknown[] } {
  const card: ModelCard = {};
  const params = isObj(mc?.modelParameters) ? mc.modelParameters : {};
  const cons = isObj(mc?.considerations) ? mc.considerations : {};
  const qa = isObj(mc?.quantitativeAnalysis) ? mc.quantitativeAnalysis : {};
  const mcProps = arr(mc?.properties).filter(isObj);
  const mcProp = (name: string) => {
    const p = mcProps.find((x) => x.name === name);
    return typeof p?.value === "string" ? p.value : undefined;
  };

  const approachText = mcProp(PROP.approach);
  const approachEnum = isObj(params.approach) ? str(params.approach.type) : undefined;
  if (approachText) card.approach = approachText;
  else if (approachEnum) card.approach = approachEnum;
  if (str(params.task)) card.task = str(params.task)!;
  const family = str(params.architectureFamily);
  const specific = str(params.modelArchitecture);
  if (family && specific && family !== specific) card.architecture = `${family} (${specific})`;
  else if (family ?? specific) card.architecture = (family ?? specific)!;
  const io = (v: unknown) =>
    arr(v)
      .map((x) => (isObj(x) ? str(x.format) : undefined))
      .filter((x): x is string => x !== undefined);
  if (Array.isArray(params.inputs)) card.inputs = io(params.inputs);
  if (Array.isArray(params.outputs)) card.outputs = io(params.outputs);

  if (Array.isArray(qa.performanceMetrics)) {
    const metrics: PerformanceMetric[] = [];
    qa.performanceMetrics.forEach((m, i) => {
      const name = isObj(m) ? str(m.type) : undefined;
      const value = isObj(m) ? str(m.value) : undefined;
      if (!isObj(m) || !name || !value) {
        warnings.push(
          `modelCard.quantitativeAnalysis.performanceMetrics.${i}: a metric without type or value; left out`,
        );
        return;
      }
      const ci = isObj(m.confidenceInterval) ? m.confidenceInterval : undefined;
      const lower = str(ci?.lowerBound);
      const upper = str(ci?.upperBound);
      const dataset = mcProp(`${PROP.metricDataset}${i}`);
      metrics.push({
        name,
        value: lower || upper ? `${value} (confidence interval ${lower ?? "?"} to ${upper ?? "?"})` : value,
        ...(dataset ? { dataset } : {}),
        ...(str(m.slice) ? { slice: str(m.slice)! } : {}),
      });
    });
    card.metrics = metrics;
  }
  if (qa.graphics !== undefined) warnings.push("modelCard.quantitativeAnalysis.graphics were not mapped");

  if (Array.isArray(cons.useCases)) card.useCases = strings(cons.useCases);
  if (Array.isArray(cons.technicalLimitations)) card.limitations = strings(cons.technicalLimitations);
  if (Array.isArray(cons.ethicalConsiderations)) {
    card.ethicalConsiderations = cons.ethicalConsiderations
      .map((r) => {
        if (!isObj(r)) return undefined;
        const name = str(r.name);
        const mitigation = str(r.mitigationStrategy);
        if (name && mitigation) return `${name} (mitigation: ${mitigation})`;
        return name ?? (mitigation ? `(mitigation: ${mitigation})` : undefined);
      })
      .filter((x): x is string => x !== undefined);
  }
  for (const key of ["users", "performanceTradeoffs", "environmentalConsiderations", "fairnessAssessments"]) {
    if (cons[key] !== undefined) warnings.push(`modelCard.considerations.${key} were not mapped`);
  }
  for (const p of mcProps) {
    const pname = typeof p.name === "string" ? p.name : "";
    if (pname === PROP.approach || pname.startsWith(PROP.metricDataset)) continue;
    warnings.push(`modelCard property ${pname || "(unnamed)"} was not mapped`);
  }

  // The model's licence is the component's.
  const licenses = arr(main.licenses)
    .map((l) => {
      if (!isObj(l)) return undefined;
      if (str(l.expression)) return str(l.expression);
      const lic = isObj(l.license) ? l.license : undefined;
      return str(lic?.id) ?? str(lic?.name);
    })
    .filter((x): x is string => x !== undefined);
  if (licenses.length) card.license = licenses.join("; ");

  // Drop empty lists that were only empty because nothing usable was in them.
  for (const key of Object.keys(card) as (keyof ModelCard)[]) {
    const v = card[key];
    if (Array.isArray(v) && v.length === 0) delete card[key];
  }
  const datasetEntries = arr(params.datasets);
  return { card: Object.keys(card).length ? card : undefined, datasetEntries };
}

function readDatasets(bom: Obj, entries: unknown[], warnings: string[]): DatasetFacts[] {
  const byRef = new Map<string, Obj>();
  for (const x of allComponents(bom.components, "components")) {
    const ref = x.c["bom-ref"];
    if (typeof ref === "string") byRef.set(ref, x.c);
  }
  const out: DatasetFacts[] = [];
  entries.forEach((e, i) => {
    const where = `modelCard.modelParameters.datasets.${i}`;
    if (!isObj(e)) return;
    if (typeof e.ref === "string") {
      const c = byRef.get(e.ref);
      if (!c) {
        warnings.push(`${where}: reference "${e.ref}" names no component of this BOM; left out`);
        return;
      }
      const d = datasetFromComponent(c, where, warnings);
      if (d) out.push(d);
      return;
    }
    const d = datasetFromData(e, where, warnings);
    if (d) out.push(d);
  });
  return out;
}

function httpUrl(url: string | undefined, where: string, warnings: string[]): string | undefined {
  if (url === undefined) return undefined;
  if (HTTP_URL.test(url)) return url;
  warnings.push(`${where}: ${url} is not an http(s) URL; left out`);
  return undefined;
}

function personalData(sensitiveData: string[]): boolean | undefined {
  return sensitiveData.some((s) => /personal|\bpii\b|special categor/i.test(s)) ? true : undefined;
}

/** An inline `componentData` entry of the model card. */
function datasetFromData(e: Obj, where: string, warnings: string[]): DatasetFacts | undefined {
  const name = str(e.name);
  if (!name) {
    warnings.push(`${where}: a dataset without a name; left out`);
    return undefined;
  }
  const contents = isObj(e.contents) ? e.contents : {};
  const url = httpUrl(str(contents.url), where, warnings);
  const pd = personalData(strings(e.sensitiveData));
  if (e.governance !== undefined) warnings.push(`${where}: data governance was not mapped`);
  if (e.classification !== undefined) warnings.push(`${where}: data classification was not mapped`);
  return { name, ...(url ? { url } : {}), ...(pd !== undefined ? { containsPersonalData: pd } : {}) };
}

/** A component (of type "data") a model card dataset reference points to. */
function datasetFromComponent(c: Obj, where: string, warnings: string[]): DatasetFacts | undefined {
  const data = arr(c.data).find(isObj);
  const name = str(c.name) ?? str(data?.name);
  if (!name) {
    warnings.push(`${where}: a dataset without a name; left out`);
    return undefined;
  }
  const refs = arr(c.externalReferences).filter(isObj);
  const contentsUrl = isObj(data?.contents) ? str(data.contents.url) : undefined;
  const refUrl =
    str(refs.find((r) => r.type === "distribution")?.url) ?? str(refs.find((r) => r.type === "website")?.url);
  const url = httpUrl(contentsUrl ?? refUrl, where, warnings);
  const sha = arr(c.hashes)
    .filter(isObj)
    .find((h) => h.alg === "SHA-256" && typeof h.content === "string" && /^[0-9a-fA-F]{64}$/.test(h.content));
  const license = arr(c.licenses)
    .map((l) => {
      if (!isObj(l)) return undefined;
      if (str(l.expression)) return str(l.expression);
      const lic = isObj(l.license) ? l.license : undefined;
      return str(lic?.id) ?? str(lic?.name);
    })
    .filter((x): x is string => x !== undefined)
    .join("; ");
  const pdProp = arr(c.properties)
    .filter(isObj)
    .find((p) => p.name === PROP.containsPersonalData);
  const pd =
    pdProp?.value === "true" ? true : pdProp?.value === "false" ? false : personalData(strings(data?.sensitiveData));
  if (data?.governance !== undefined) warnings.push(`${where}: data governance was not mapped`);
  if (data?.classification !== undefined) warnings.push(`${where}: data classification was not mapped`);
  return {
    name,
    ...(str(c.description) ? { description: str(c.description)! } : {}),
    ...(url ? { url } : {}),
    ...(license ? { license } : {}),
    ...(pd !== undefined ? { containsPersonalData: pd } : {}),
    ...(sha ? { sha256: (sha.content as string).toLowerCase() } : {}),
  };
}
