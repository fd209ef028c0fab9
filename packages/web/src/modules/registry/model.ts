import type { RouteQuery, RouteResponse } from "@concordia/contracts";
import { UN_LANGUAGES, type UnLanguage } from "@concordia/core";

/** API views the register pages work with, named once. */
export type SystemView = RouteResponse<"getSystem">;
export type SystemDocument = SystemView["document"];
export type SystemSummary = RouteResponse<"searchSystems">["items"][number];
export type SearchQuery = RouteQuery<"searchSystems">;
export type Classification = NonNullable<SystemView["classification"]>;
export type ClassifiedInstrument = Classification["instruments"][number];
export type ClassificationChange = Classification["changes"][number];
export type RegistryStats = RouteResponse<"registryStats">;
export type SystemObligations = RouteResponse<"systemObligations">;

/** The filters of the register, as they appear in the URL. */
export interface RegistryFilters {
  q?: string;
  jurisdiction?: string;
  category?: string;
  sector?: string;
  provider?: string;
  kind?: SearchQuery["kind"];
  status?: SearchQuery["status"];
  mine?: "true";
  sort?: SearchQuery["sort"];
}

export const SORTS = ["relevance", "name", "published", "updated"] as const;
export const PAGE_SIZE = 20;
/** An estimated total to two significant digits (54,173 → 54,000). */
export function roughly(n: number): number {
  if (n < 100) return n;
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/** The filters in the shape the search and export endpoints take (no empty values). */
export function searchQuery(filters: RegistryFilters): Omit<SearchQuery, "page" | "pageSize"> {
  const out: Omit<SearchQuery, "page" | "pageSize"> = {};
  if (filters.q) out.q = filters.q;
  if (filters.jurisdiction) out.jurisdiction = filters.jurisdiction;
  if (filters.category) out.category = filters.category;
  if (filters.sector) out.sector = filters.sector;
  if (filters.provider) out.provider = filters.provider;
  if (filters.kind) out.kind = filters.kind;
  if (filters.status) out.status = filters.status;
  if (filters.mine === "true") out.mine = "true";
  if (filters.sort && filters.sort !== "relevance") out.sort = filters.sort;
  return out;
}

/** Whether any filter narrows the register (the sort order does not). */
export function isFiltered(filters: RegistryFilters): boolean {
  const { sort: _sort, ...rest } = filters;
  return Object.values(rest).some((v) => v !== undefined && v !== "");
}

/** The URL of the export endpoint for the current filters. */
export function exportUrl(format: "csv" | "json", filters: RegistryFilters): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(searchQuery(filters))) qs.set(k, String(v));
  qs.set("format", format);
  return `/api/v1/registry/export?${qs.toString()}`;
}

/** concordia-registry-2026-08-02.csv */
export function exportFileName(kind: string, date: Date, ext: string): string {
  return `concordia-${kind}-${date.toISOString().slice(0, 10)}.${ext}`;
}

/** "eu-ai-act:high-risk" → its instrument and its category within that instrument. */
export function categoryParts(category: string): { instrumentId: string; categoryId: string } {
  const at = category.indexOf(":");
  return at < 0
    ? { instrumentId: category, categoryId: "" }
    : { instrumentId: category.slice(0, at), categoryId: category.slice(at + 1) };
}

export interface LocalizedTexts {
  name: string | undefined;
  intendedPurpose: string | undefined;
  description: string | undefined;
  /** The language the texts are shown in, when it is a translation; null for the original. */
  translatedTo: UnLanguage | null;
}

/** The texts of a system in the reader's language where the provider gave a translation, else the original. */
export function localizedTexts(doc: SystemDocument, lang: string, original = false): LocalizedTexts {
  const base = {
    name: doc.name,
    intendedPurpose: doc.intendedPurpose,
    description: doc.description,
    translatedTo: null,
  };
  if (original || !(UN_LANGUAGES as readonly string[]).includes(lang)) return base;
  const tr = doc.translations?.[lang as UnLanguage];
  if (!tr || !(tr.name || tr.intendedPurpose || tr.description)) return base;
  return {
    name: tr.name ?? doc.name,
    intendedPurpose: tr.intendedPurpose ?? doc.intendedPurpose,
    description: tr.description ?? doc.description,
    translatedTo: lang as UnLanguage,
  };
}

/** The languages the provider translated the texts into. */
export function translationLanguages(doc: SystemDocument): UnLanguage[] {
  return UN_LANGUAGES.filter((l) => {
    const tr = doc.translations?.[l];
    return !!tr && !!(tr.name || tr.intendedPurpose || tr.description);
  });
}

export interface ObligationCounts {
  applies: number;
  mayApply: number;
}

/** Counts of the stored "<requirementId> <status>" obligation strings of a classified instrument. */
export function obligationCounts(obligations: readonly string[]): ObligationCounts {
  let applies = 0;
  let mayApply = 0;
  for (const o of obligations) {
    const status = o.slice(o.lastIndexOf(" ") + 1);
    if (status === "applies") applies++;
    else if (status === "may-apply") mayApply++;
  }
  return { applies, mayApply };
}

/** The requirement id of a stored obligation string ("art-9 applies" → "art-9"). */
export function obligationRequirement(obligation: string): string {
  const at = obligation.lastIndexOf(" ");
  return at < 0 ? obligation : obligation.slice(0, at);
}

/** Instruments grouped by jurisdiction, binding and applying ones first within each. */
export function byJurisdiction(instruments: readonly ClassifiedInstrument[]): [string, ClassifiedInstrument[]][] {
  const rank = { applies: 0, "may-apply": 1, "does-not-apply": 2 } as const;
  const groups = new Map<string, ClassifiedInstrument[]>();
  for (const i of instruments) groups.set(i.jurisdiction, [...(groups.get(i.jurisdiction) ?? []), i]);
  const weight = (list: ClassifiedInstrument[]) =>
    Math.min(...list.map((i) => rank[i.status] * 2 + (i.binding ? 0 : 1)));
  return [...groups]
    .map(
      ([j, list]) =>
        [
          j,
          [...list].sort(
            (a, b) =>
              rank[a.status] - rank[b.status] ||
              Number(b.binding) - Number(a.binding) ||
              a.shortTitle.localeCompare(b.shortTitle),
          ),
        ] as [string, ClassifiedInstrument[]],
    )
    .sort((a, b) => weight(a[1]) - weight(b[1]) || a[0].localeCompare(b[0]));
}

export type FieldStatus = "mapped" | "not-recorded" | "withheld";
export const FIELD_STATUSES: readonly FieldStatus[] = ["mapped", "not-recorded", "withheld"];

export interface ExportField {
  key: string;
  label: string;
  section: string;
  value: unknown;
  from: string | null;
  status: FieldStatus;
  note?: string;
}

/** A registration or transparency standard's field set for one system (EU Annex VIII A, UK ATRS). */
export interface FieldSet {
  standard: string;
  version: string;
  source: string;
  checked: string;
  applicability: { applies: boolean | null; note: string };
  fields: ExportField[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Reads a field-set export (a JSON document) defensively: unknown statuses count as not recorded. */
export function parseFieldSet(doc: unknown): FieldSet | null {
  if (!isRecord(doc) || !Array.isArray(doc.fields)) return null;
  const applicability = isRecord(doc.applicability) ? doc.applicability : {};
  return {
    standard: str(doc.standard),
    version: str(doc.version),
    source: str(doc.source),
    checked: str(doc.checked),
    applicability: {
      applies: typeof applicability.applies === "boolean" ? applicability.applies : null,
      note: str(applicability.note),
    },
    fields: doc.fields.filter(isRecord).map((f) => ({
      key: str(f.key),
      label: str(f.label),
      section: str(f.section),
      value: f.value ?? null,
      from: typeof f.from === "string" ? f.from : null,
      status: (FIELD_STATUSES as readonly unknown[]).includes(f.status) ? (f.status as FieldStatus) : "not-recorded",
      ...(typeof f.note === "string" ? { note: f.note } : {}),
    })),
  };
}

export function fieldStatusCounts(fields: readonly ExportField[]): Record<FieldStatus, number> {
  const out: Record<FieldStatus, number> = { mapped: 0, "not-recorded": 0, withheld: 0 };
  for (const f of fields) out[f.status]++;
  return out;
}

/** A mapped value as lines of text: a string, a list, or "key: value" pairs. */
export function valueLines(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(valueLines);
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => `${k}: ${valueLines(v).join(", ")}`);
  return [String(value)];
}
