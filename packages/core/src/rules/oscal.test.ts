import { readdirSync, readFileSync } from "node:fs";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import {
  CONCORDIA_OSCAL_NS,
  instrumentToOscalCatalog,
  OSCAL_VERSION,
  type OscalCatalogDocument,
  type OscalControl,
  type OscalGroup,
  oscalToken,
  oscalUuid,
} from "./oscal.js";
import type { Instrument, Requirement } from "./types.js";

/**
 * The OSCAL export, checked against NIST's official OSCAL 1.1.3 catalog JSON Schema (vendored in
 * data/schemas/vendor/oscal/, draft-07) for every instrument of data/frameworks and a synthetic one.
 */

const data = new URL("../../../../data/", import.meta.url);
const schema = JSON.parse(readFileSync(new URL("schemas/vendor/oscal/oscal_catalog_schema.json", data), "utf8"));

// Ajv's default class is draft-07, the dialect of the OSCAL schemas; the Token datatype's \p{L}
// needs Unicode regular expressions (Ajv's default). strict: false tolerates OSCAL's "$id"s on
// definitions and its unknown-format hints without weakening any check on the instance.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const errorsOf = (doc: unknown): string[] =>
  validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const LAST_MODIFIED = "2026-11-26T12:00:00Z";

const frameworks: Instrument[] = (() => {
  let files: string[] = [];
  try {
    files = readdirSync(new URL("frameworks/", data)).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return files.sort().map((f) => JSON.parse(readFileSync(new URL(`frameworks/${f}`, data), "utf8")) as Instrument);
})();

/** Covers headings within headings, a digit-first id, inherited dates, verify flags and odd text. */
const fixture: Instrument = {
  id: "test-act",
  version: "1.0",
  shortTitle: "Test Act",
  titles: { en: "Test Act on Artificial Intelligence", official: { lang: "zh-Hans", text: "人工智能测试法" } },
  jurisdiction: "XX",
  issuingBody: "Test Legislature",
  kind: "binding-law",
  status: "in-force",
  dates: { adopted: "2025-01-01", published: "2025-01-15", entryIntoForce: "2025-02-01" },
  applicationDates: [
    { id: "general", label: "General application", date: "2026-08-02", basis: "Art. 99(2)" },
    {
      id: "early",
      label: "Prohibitions",
      date: "2025-02-02",
      basis: "Art. 99(3)",
      verify: true,
      note: "Date pending a proposed amendment.",
    },
  ],
  categories: [
    { id: "prohibited", label: "Prohibited", rank: 3 },
    { id: "high-risk", label: "High risk", rank: 2, description: "Annex III systems." },
  ],
  defaultCategory: "high-risk",
  sources: [
    { label: "Official journal", url: "https://example.org/oj/act?id=2025/1" },
    { label: "Consolidated text (non-ASCII path)", url: "https://example.org/法律/测试" },
    { label: "Official journal (duplicate)", url: "https://example.org/oj/act?id=2025/1" },
  ],
  lastReviewed: "2026-11-26",
  summary: "A synthetic instrument for the OSCAL export test.",
  verify: true,
  note: "The whole instrument is made up.",
  requirements: [
    {
      id: "chapter-1",
      ref: "Chapter I",
      title: "General provisions",
      summary: "Heading of the general provisions.",
      children: [
        {
          id: "1a",
          ref: "Art. 1(a)",
          title: "Scope",
          summary: "Sets the scope.",
          category: "high-risk",
        },
        {
          id: "section-2",
          ref: "Chapter I, Section 2",
          title: "Nested heading",
          summary: "A heading inside a heading.",
          appliesFrom: "early",
          children: [
            {
              id: "art-5",
              ref: "Art. 5",
              title: "Prohibited practices",
              summary: "Forbids some practices.",
              addressees: ["provider", "deployer"],
              category: "prohibited",
              evidence: ["Inventory of use cases", "Legal review memo"],
              sourceUrl: "https://example.org/oj/act?id=2025/1#art5",
              verify: true,
              note: "Paragraph numbering\n  not yet confirmed.",
            },
          ],
        },
      ],
    },
    {
      id: "art-10",
      ref: "  Art. 10\n(1) ",
      title: "Data governance",
      summary: "Training data must be governed.\n\nSecond paragraph.",
      addressees: ["provider"],
      appliesFrom: "general",
      lastReviewed: "2026-11-20",
      children: [
        {
          id: "art-10.2",
          ref: "Art. 10(2)",
          title: "Data quality",
          summary: "Data must be of good quality.",
          addressees: ["provider"],
          children: [{ id: "art-10.2.a", ref: "Art. 10(2)(a)", title: "Bias", summary: "Examine bias." }],
        },
      ],
    },
    { id: "2025-annex", ref: "Annex I", title: "List", summary: "A leaf with no addressees." },
  ],
};

const instruments: Instrument[] = [fixture, ...frameworks];

type Node = { kind: "control"; node: OscalControl } | { kind: "group"; node: OscalGroup };

function nodes(doc: OscalCatalogDocument): Node[] {
  const out: Node[] = [];
  const controls = (cs: OscalControl[] | undefined) => {
    for (const c of cs ?? []) {
      out.push({ kind: "control", node: c });
      controls(c.controls);
    }
  };
  const groups = (gs: OscalGroup[] | undefined) => {
    for (const g of gs ?? []) {
      out.push({ kind: "group", node: g });
      groups(g.groups);
      controls(g.controls);
    }
  };
  groups(doc.catalog.groups);
  controls(doc.catalog.controls);
  return out;
}

const allRequirements = (rs: Requirement[]): Requirement[] =>
  rs.flatMap((r) => [r, ...allRequirements(r.children ?? [])]);

/** Every value of a given key anywhere in the document. */
function collect(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) collect(v, key, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  }
  return out;
}

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("the vendored OSCAL catalog schema", () => {
  it("is NIST's OSCAL catalog schema of the version the export declares", () => {
    expect(schema.$id).toBe(`http://csrc.nist.gov/ns/oscal/${OSCAL_VERSION}/oscal-catalog-schema.json`);
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    // The content hash recorded in data/schemas/vendor/oscal/README.md: the file was not edited.
    expect(bytesToHex(sha256(utf8ToBytes(JSON.stringify(schema))))).toBe(
      "b16901b856aad5028c371e5c139d4eba20de0f4468202099378ee718535afd9c",
    );
  });

  it("is live: it rejects a catalog without metadata.title, with a bad uuid, or a bad control id", () => {
    const good = instrumentToOscalCatalog(fixture, { lastModified: LAST_MODIFIED });
    expect(errorsOf(good)).toEqual([]);

    const noTitle = structuredClone(good) as {
      catalog: { metadata: Partial<OscalCatalogDocument["catalog"]["metadata"]> };
    };
    delete noTitle.catalog.metadata.title;
    expect(errorsOf(noTitle).join("\n")).toMatch(/\/catalog\/metadata must have required property 'title'/);

    const badUuid = structuredClone(good);
    badUuid.catalog.uuid = "not-a-uuid";
    expect(errorsOf(badUuid).length).toBeGreaterThan(0);

    const badId = structuredClone(good);
    badId.catalog.controls![0]!.id = "1 bad id";
    expect(errorsOf(badId).length).toBeGreaterThan(0);

    expect(errorsOf({ catalog: { ...good.catalog, extra: true } }).length).toBeGreaterThan(0);
  });
});

describe("instrumentToOscalCatalog", () => {
  it(`reads the instruments of data/frameworks (${frameworks.length} found) and a synthetic one`, () => {
    expect(instruments.length).toBe(frameworks.length + 1);
  });

  for (const instrument of instruments) {
    describe(instrument.id, () => {
      const doc = instrumentToOscalCatalog(instrument, { lastModified: LAST_MODIFIED });

      it("validates against the official OSCAL catalog schema with zero errors", () => {
        expect(errorsOf(doc)).toEqual([]);
      });

      it("is deterministic, and a new version gets new UUIDs", () => {
        const again = instrumentToOscalCatalog(structuredClone(instrument), { lastModified: LAST_MODIFIED });
        expect(JSON.stringify(again)).toBe(JSON.stringify(doc));

        const next = instrumentToOscalCatalog(
          { ...instrument, version: `${instrument.version}-next` },
          { lastModified: LAST_MODIFIED },
        );
        expect(next.catalog.uuid).not.toBe(doc.catalog.uuid);
        const before = new Set(collect(doc, "uuid"));
        for (const u of collect(next, "uuid")) expect(before.has(u)).toBe(false);
        expect(errorsOf(next)).toEqual([]);
      });

      it("uses version-5 RFC 4122 UUIDs, each once, and unique ids", () => {
        const uuids = collect(doc, "uuid") as string[];
        expect(uuids.length).toBeGreaterThan(0);
        for (const u of uuids) expect(u).toMatch(UUID_V5);
        expect(new Set(uuids).size).toBe(uuids.length);
        const ids = collect(doc, "id") as string[];
        expect(new Set(ids).size).toBe(ids.length);
      });

      it("carries the metadata", () => {
        const m = doc.catalog.metadata;
        expect(m.title).toBe(instrument.titles.en.replace(/\s+/g, " ").trim());
        expect(m.version).toBe(instrument.version);
        expect(m["oscal-version"]).toBe(OSCAL_VERSION);
        expect(m["last-modified"]).toBe(LAST_MODIFIED);
        expect(m.published).toBe(instrument.dates.published ? `${instrument.dates.published}T00:00:00Z` : undefined);
        const props = Object.fromEntries((m.props ?? []).map((p) => [p.name, p]));
        for (const name of ["jurisdiction", "kind", "status"] as const) {
          expect(props[name]).toMatchObject({ ns: CONCORDIA_OSCAL_NS, value: instrument[name] });
        }
        const urls = new Set(instrument.sources.map((s) => new URL(s.url).href));
        expect(new Set(m.links?.map((l) => l.href))).toEqual(urls);
        expect(new Set(doc.catalog["back-matter"]?.resources.map((r) => r.rlinks?.[0]?.href))).toEqual(urls);
      });

      it("maps every requirement to one control or group, labelled with its ref", () => {
        const reqs = allRequirements(instrument.requirements);
        const byId = new Map(nodes(doc).map((n) => [n.node.id, n]));
        expect(byId.size).toBe(reqs.length);
        for (const r of reqs) {
          const n = byId.get(oscalToken(r.id));
          expect(n, r.id).toBeDefined();
          const label = n!.node.props?.find((p) => p.name === "label" && p.ns === undefined);
          expect(label?.value, r.id).toBe(r.ref.replace(/\s+/g, " ").trim());
          expect(n!.node.title).toContain(r.title.replace(/\s+/g, " ").trim());
          const heading = !r.addressees?.length && (r.children?.length ?? 0) > 0;
          // A heading nested in a control stays a control: OSCAL controls contain only controls.
          if (n!.kind === "group") expect(heading).toBe(true);
          const main = n!.node.parts?.find((p) => p.name === (n!.kind === "group" ? "overview" : "statement"));
          expect(main?.prose).toBe(r.summary);
          if (r.sourceUrl) expect(n!.node.links?.[0]?.href).toBe(new URL(r.sourceUrl).href);
          if (r.evidence?.length) {
            const obj = n!.node.parts?.find((p) => p.name === "assessment-objective");
            expect(obj?.parts?.map((p) => p.prose)).toEqual(r.evidence);
          }
          const addressees = n!.node.props?.filter((p) => p.name === "addressee").map((p) => p.value) ?? [];
          expect(addressees).toEqual(r.addressees ?? []);
          if (r.verify) expect(n!.node.props?.some((p) => p.name === "verify" && p.value === "true")).toBe(true);
        }
      });

      it("notes every verify: true requirement in the metadata remarks", () => {
        const remarks = doc.catalog.metadata.remarks ?? "";
        for (const r of allRequirements(instrument.requirements).filter((r) => r.verify)) {
          expect(remarks).toContain(r.title.replace(/\s+/g, " ").trim());
        }
      });
    });
  }

  it("puts headings in groups and requirement children in nested controls", () => {
    const doc = instrumentToOscalCatalog(fixture, { lastModified: LAST_MODIFIED });
    const chapter = doc.catalog.groups?.[0];
    expect(chapter?.id).toBe("chapter-1");
    expect(chapter?.controls?.map((c) => c.id)).toEqual(["_1a"]);
    expect(chapter?.groups?.[0]?.id).toBe("section-2");
    expect(chapter?.groups?.[0]?.controls?.[0]?.id).toBe("art-5");
    expect(doc.catalog.controls?.map((c) => c.id)).toEqual(["art-10", "_2025-annex"]);
    const art10 = doc.catalog.controls?.[0];
    expect(art10?.title).toBe("Art. 10 (1) — Data governance");
    expect(art10?.controls?.[0]?.id).toBe("art-10.2");
    expect(art10?.controls?.[0]?.controls?.[0]?.id).toBe("art-10.2.a");
  });

  it("resolves application dates, inherited ones marked so, else entry into force", () => {
    const doc = instrumentToOscalCatalog(fixture, { lastModified: LAST_MODIFIED });
    const from = (n: { props?: { name: string; value: string; class?: string }[] } | undefined) =>
      n?.props?.find((p) => p.name === "applies-from");
    const art5 = doc.catalog.groups?.[0]?.groups?.[0]?.controls?.[0];
    expect(from(art5)).toMatchObject({ value: "2025-02-02", class: "inherited" });
    expect(from(doc.catalog.groups?.[0]?.groups?.[0])).toMatchObject({ value: "2025-02-02" });
    expect(from(doc.catalog.groups?.[0]?.groups?.[0])?.class).toBeUndefined();
    expect(from(doc.catalog.controls?.[0]?.controls?.[0])).toMatchObject({ value: "2026-08-02", class: "inherited" });
    expect(from(doc.catalog.controls?.[1])).toMatchObject({ value: "2025-02-01", class: "inherited" });
  });

  it("lists every fact marked verify in the remarks, and dedupes sources", () => {
    const doc = instrumentToOscalCatalog(fixture, { lastModified: LAST_MODIFIED });
    const remarks = doc.catalog.metadata.remarks!;
    expect(remarks).toContain("The whole instrument is made up.");
    expect(remarks).toContain('Application date "early"');
    expect(remarks).toContain("Art. 5 — Prohibited practices: Paragraph numbering not yet confirmed.");
    expect(doc.catalog["back-matter"]?.resources).toHaveLength(2);
  });

  it("changes only last-modified when only lastModified changes", () => {
    const a = instrumentToOscalCatalog(fixture, { lastModified: LAST_MODIFIED });
    const b = instrumentToOscalCatalog(fixture, { lastModified: "2027-01-01T00:00:00+01:00" });
    expect(b.catalog.uuid).toBe(a.catalog.uuid);
    expect({ ...b.catalog.metadata, "last-modified": LAST_MODIFIED }).toEqual(a.catalog.metadata);
    expect(errorsOf(b)).toEqual([]);
  });

  it("refuses a last-modified without a time zone", () => {
    expect(() => instrumentToOscalCatalog(fixture, { lastModified: "2026-11-26" })).toThrow(RangeError);
    expect(() => instrumentToOscalCatalog(fixture, { lastModified: "2026-11-26T00:00:00" })).toThrow(RangeError);
  });
});

describe("oscalUuid and oscalToken", () => {
  it("derives stable version-5 UUIDs that differ by instrument, version and element", () => {
    const u = oscalUuid("x", "1", "catalog");
    expect(u).toMatch(UUID_V5);
    expect(oscalUuid("x", "1", "catalog")).toBe(u);
    expect(
      new Set([u, oscalUuid("y", "1", "catalog"), oscalUuid("x", "2", "catalog"), oscalUuid("x", "1", "c")]).size,
    ).toBe(4);
    // No two inputs share an encoding.
    expect(oscalUuid("a-b", "1", "c")).not.toBe(oscalUuid("a", "b-1", "c"));
  });

  it("maps ids to OSCAL tokens one-to-one", () => {
    const token = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;
    const ids = ["art-5", "1a", "_1a", "a b", "a-b", "a_b", "Art. 5(1)", "第五条", "2025.1"];
    const tokens = ids.map(oscalToken);
    for (const t of tokens) expect(t).toMatch(token);
    expect(new Set(tokens).size).toBe(ids.length);
    expect(oscalToken("art-5")).toBe("art-5");
    expect(oscalToken("1a")).toBe("_1a");
  });
});
