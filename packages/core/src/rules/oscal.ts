import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { BINDING_KINDS, type Instrument, type Requirement } from "./types.js";

/**
 * Export of an instrument as an OSCAL catalog (JSON), for GRC tools that read NIST's Open Security
 * Controls Assessment Language (https://pages.nist.gov/OSCAL/). The output validates against the
 * official OSCAL 1.1.3 catalog JSON Schema vendored in data/schemas/vendor/oscal/ (see its README).
 *
 * Mapping:
 * - catalog.metadata: English title, our data version, the instrument's publication date, Concordia
 *   props (jurisdiction, kind, status, dates, risk categories), links to the official sources, and
 *   remarks with the summary and every fact marked `verify: true`.
 * - A requirement without addressees that has children (a heading) becomes a `group`; any other
 *   requirement becomes a `control`, and its children nested controls. Titles are "ref — title";
 *   the pinpoint ref is the OSCAL `label` prop. Summaries are `statement` parts, evidence items
 *   `assessment-objective` parts, notes ns-qualified `note` parts; `sourceUrl` is a link.
 * - back-matter: one resource per official source.
 *
 * The function is pure: every UUID is derived from a SHA-256 of the instrument id, its version and
 * the element it names (formatted as an RFC 4122 version-5 UUID), so the same instrument always
 * exports byte-identical JSON and a new version gets new UUIDs.
 */

/** The OSCAL version of the vendored schema the export conforms to. */
export const OSCAL_VERSION = "1.1.3";

/** Namespace of Concordia's own prop and part names. */
export const CONCORDIA_OSCAL_NS = "https://concordia.example.org/ns/oscal";

export interface OscalProperty {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  remarks?: string;
}

export interface OscalLink {
  href: string;
  rel?: string;
  text?: string;
}

export interface OscalPart {
  id?: string;
  name: string;
  ns?: string;
  title?: string;
  props?: OscalProperty[];
  prose?: string;
  parts?: OscalPart[];
}

export interface OscalControl {
  id: string;
  class?: string;
  title: string;
  props?: OscalProperty[];
  links?: OscalLink[];
  parts?: OscalPart[];
  controls?: OscalControl[];
}

export interface OscalGroup {
  id?: string;
  class?: string;
  title: string;
  props?: OscalProperty[];
  links?: OscalLink[];
  parts?: OscalPart[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
}

export interface OscalResource {
  uuid: string;
  title?: string;
  rlinks?: { href: string; "media-type"?: string }[];
}

export interface OscalMetadata {
  title: string;
  published?: string;
  "last-modified": string;
  version: string;
  "oscal-version": string;
  props?: OscalProperty[];
  links?: OscalLink[];
  remarks?: string;
}

export interface OscalCatalogDocument {
  catalog: {
    uuid: string;
    metadata: OscalMetadata;
    controls?: OscalControl[];
    groups?: OscalGroup[];
    "back-matter"?: { resources: OscalResource[] };
  };
}

export interface OscalExportOptions {
  /** ISO 8601 timestamp with a time zone ("2026-11-26T00:00:00Z"): the catalog's last-modified. */
  lastModified: string;
}

/**
 * A UUID derived from the instrument id, its version and the name of an element of the export:
 * the first 16 bytes of SHA-256 over the three (JSON-encoded, so no two inputs share an encoding),
 * with the version nibble set to 5 and the RFC 4122 variant bits to 10. OSCAL's UUID datatype
 * admits versions 4 and 5 only.
 */
export function oscalUuid(instrumentId: string, version: string, element: string): string {
  const bytes = sha256(utf8ToBytes(JSON.stringify(["concordia-oscal", instrumentId, version, element]))).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytesToHex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * An OSCAL token (an XML NCName: a letter or "_", then letters, digits, ".", "-", "_") for one of
 * our ids, one-to-one: a slug that starts with a letter is kept, one that starts with a digit gets
 * a leading "_" (slugs never contain "_"), and anything else is made safe and suffixed with a hash.
 */
export function oscalToken(id: string): string {
  if (/^[a-z][a-z0-9.-]*$/.test(id)) return id;
  if (/^[a-z0-9][a-z0-9.-]*$/.test(id)) return `_${id}`;
  const safe = id.replace(/[^\p{L}\p{N}.-]/gu, "-");
  return `_${safe}_${bytesToHex(sha256(utf8ToBytes(id))).slice(0, 12)}`;
}

/** OSCAL strings may not be empty nor start or end with white space, and a prop value is one line. */
const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim();

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An absolute URL in the form OSCAL's uri-reference format accepts (non-ASCII percent-encoded). */
function href(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}

function prop(name: string, value: string, extra: Omit<OscalProperty, "name" | "value" | "ns"> = {}): OscalProperty[] {
  const v = oneLine(value);
  return v ? [{ name, ns: CONCORDIA_OSCAL_NS, value: v, ...extra }] : [];
}

const nonEmpty = <T>(xs: T[]): T[] | undefined => (xs.length > 0 ? xs : undefined);

/** Drops undefined members so that the JSON has no empty keys (OSCAL arrays need one item at least). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const isHeading = (r: Requirement): boolean => !r.addressees?.length && (r.children?.length ?? 0) > 0;

function requirementClass(r: Requirement): string {
  if (isHeading(r)) return "heading";
  if (r.addressees?.length) return "requirement";
  return r.category ? "classification" : "provision";
}

/** Exports an instrument as an OSCAL 1.1.3 catalog. Pure: the same arguments give the same JSON. */
export function instrumentToOscalCatalog(instrument: Instrument, options: OscalExportOptions): OscalCatalogDocument {
  if (!TIMESTAMP.test(options.lastModified) || Number.isNaN(Date.parse(options.lastModified))) {
    throw new RangeError(`lastModified must be an ISO 8601 timestamp with a time zone, got "${options.lastModified}"`);
  }
  const uuid = (element: string) => oscalUuid(instrument.id, instrument.version, element);
  const dates = new Map(instrument.applicationDates.map((d) => [d.id, d]));

  const appliesFromProps = (id: string | undefined, inherited: boolean): OscalProperty[] => {
    if (!id) {
      const eif = instrument.dates.entryIntoForce;
      return eif
        ? prop("applies-from", eif, { class: "inherited", remarks: "Entry into force of the instrument." })
        : [];
    }
    const d = dates.get(id);
    if (!d) return prop("applies-from", id, inherited ? { class: "inherited" } : {});
    return prop("applies-from", d.date, {
      ...(inherited ? { class: "inherited" } : {}),
      remarks: `${d.label} (${d.basis}); application date "${d.id}".`,
    });
  };

  const props = (r: Requirement, appliesFrom: string | undefined): OscalProperty[] => [
    // "label" is OSCAL's own prop name (no ns): the citation shown for the control.
    ...(oneLine(r.ref) ? [{ name: "label", value: oneLine(r.ref) }] : []),
    ...(r.addressees ?? []).flatMap((a) => prop("addressee", a)),
    ...(r.category ? prop("category", r.category) : []),
    ...appliesFromProps(r.appliesFrom ?? appliesFrom, !r.appliesFrom),
    ...(r.lastReviewed ? prop("last-reviewed", r.lastReviewed) : []),
    ...(r.verify ? prop("verify", "true", r.note ? { remarks: r.note } : {}) : []),
  ];

  const parts = (r: Requirement, token: string, main: "statement" | "overview"): OscalPart[] => [
    { id: `${token}_${main === "statement" ? "smt" : "ovw"}`, name: main, prose: r.summary },
    ...(r.evidence?.length
      ? [
          {
            id: `${token}_obj`,
            name: "assessment-objective",
            title: "Evidence",
            parts: r.evidence.map((e, i) => ({ id: `${token}_obj.${i + 1}`, name: "assessment-objective", prose: e })),
          },
        ]
      : []),
    ...(r.note ? [{ id: `${token}_note`, name: "note", ns: CONCORDIA_OSCAL_NS, prose: r.note }] : []),
  ];

  const links = (r: Requirement): OscalLink[] | undefined =>
    r.sourceUrl ? [{ href: href(r.sourceUrl), rel: "reference", text: "Official text" }] : undefined;

  const title = (r: Requirement) => oneLine(`${r.ref} — ${r.title}`);

  const control = (r: Requirement, appliesFrom: string | undefined): OscalControl => {
    const token = oscalToken(r.id);
    const from = r.appliesFrom ?? appliesFrom;
    return compact({
      id: token,
      class: requirementClass(r),
      title: title(r),
      props: nonEmpty(props(r, appliesFrom)),
      links: links(r),
      parts: parts(r, token, "statement"),
      controls: nonEmpty((r.children ?? []).map((c) => control(c, from))),
    });
  };

  const group = (r: Requirement, appliesFrom: string | undefined): OscalGroup => {
    const token = oscalToken(r.id);
    const from = r.appliesFrom ?? appliesFrom;
    const children = r.children ?? [];
    return compact({
      id: token,
      class: requirementClass(r),
      title: title(r),
      props: nonEmpty(props(r, appliesFrom)),
      links: links(r),
      parts: parts(r, token, "overview"),
      groups: nonEmpty(children.filter(isHeading).map((c) => group(c, from))),
      controls: nonEmpty(children.filter((c) => !isHeading(c)).map((c) => control(c, from))),
    });
  };

  const sources = [...new Map(instrument.sources.map((s) => [s.url, s])).values()];
  const resources: OscalResource[] = sources.map((s) => ({
    uuid: uuid(`source:${s.url}`),
    title: oneLine(s.label),
    rlinks: [{ href: href(s.url) }],
  }));

  const metadata: OscalMetadata = compact({
    title: oneLine(instrument.titles.en),
    published: instrument.dates.published ? `${instrument.dates.published}T00:00:00Z` : undefined,
    "last-modified": options.lastModified,
    version: oneLine(instrument.version),
    "oscal-version": OSCAL_VERSION,
    props: nonEmpty([
      ...prop("instrument-id", instrument.id),
      ...prop("short-title", instrument.shortTitle),
      ...(instrument.titles.official
        ? prop("official-title", instrument.titles.official.text, {
            class: oscalToken(instrument.titles.official.lang),
          })
        : []),
      ...prop("jurisdiction", instrument.jurisdiction),
      ...prop("issuing-body", instrument.issuingBody),
      ...prop("kind", instrument.kind),
      ...prop("binding", String(BINDING_KINDS.has(instrument.kind))),
      ...prop("status", instrument.status),
      ...(instrument.dates.adopted ? prop("adopted", instrument.dates.adopted) : []),
      ...(instrument.dates.signed ? prop("signed", instrument.dates.signed) : []),
      ...(instrument.dates.entryIntoForce ? prop("entry-into-force", instrument.dates.entryIntoForce) : []),
      ...instrument.applicationDates.flatMap((d) =>
        prop("application-date", d.date, { remarks: `${d.label} (${d.basis}); application date "${d.id}".` }),
      ),
      ...(instrument.categories ?? []).flatMap((c) =>
        prop("risk-category", c.id, {
          remarks: `${c.label} (rank ${c.rank}).${c.description ? ` ${c.description}` : ""}`,
        }),
      ),
      ...prop("last-reviewed", instrument.lastReviewed),
      ...(instrument.verify ? prop("verify", "true", instrument.note ? { remarks: instrument.note } : {}) : []),
    ]),
    links: nonEmpty(sources.map((s) => ({ href: href(s.url), rel: "reference", text: oneLine(s.label) }))),
    remarks: remarks(instrument),
  });

  return {
    catalog: compact({
      uuid: uuid("catalog"),
      metadata,
      groups: nonEmpty(instrument.requirements.filter(isHeading).map((r) => group(r, undefined))),
      controls: nonEmpty(instrument.requirements.filter((r) => !isHeading(r)).map((r) => control(r, undefined))),
      "back-matter": resources.length ? { resources } : undefined,
    }),
  };
}

/** The instrument's summary, where the export comes from, and every fact marked `verify: true`. */
function remarks(instrument: Instrument): string {
  const verify: string[] = [];
  if (instrument.verify)
    verify.push(`- The instrument as a whole${instrument.note ? `: ${oneLine(instrument.note)}` : ""}`);
  for (const d of instrument.applicationDates) {
    if (d.verify)
      verify.push(`- Application date "${d.id}" (${d.date}, ${d.basis})${d.note ? `: ${oneLine(d.note)}` : ""}`);
  }
  const walk = (rs: Requirement[]) => {
    for (const r of rs) {
      if (r.verify) verify.push(`- ${oneLine(r.ref)} — ${oneLine(r.title)}${r.note ? `: ${oneLine(r.note)}` : ""}`);
      walk(r.children ?? []);
    }
  };
  walk(instrument.requirements);
  return [
    instrument.summary.trim(),
    "Exported from Concordia's reviewed reference data. Summaries are Concordia's own words, not the text of the instrument; the official sources are linked.",
    verify.length
      ? `Facts marked for verification (not certain; see the note on each):\n\n${verify.join("\n")}`
      : "No fact in this instrument is marked for verification.",
  ].join("\n\n");
}
