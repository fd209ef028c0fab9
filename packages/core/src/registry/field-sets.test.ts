import { describe, expect, it } from "vitest";
import { annexViiiSectionA, type FieldSetExport, type FieldSetInput, ukAtrs } from "./field-sets.js";
import { DEFAULT_VISIBILITY, type SystemDocument } from "./types.js";
import { projectDocument, type ViewerLevel } from "./visibility.js";

const doc: SystemDocument = {
  kind: "system",
  name: "CV Screening Ranker",
  versionLabel: "3.2.0",
  intendedPurpose: "Support recruiters in the pre-selection of job applicants by ranking applications.",
  description: "Ranks job applications against a vacancy's requirements and flags the ten best matches for review.",
  profile: {
    profileVersion: "1",
    purposes: ["employment"],
    functions: ["profiling", "recommendation"],
    places: { placedOnMarket: ["DE", "AT"], putIntoService: ["DE"] },
  },
  modelCard: {
    approach: "supervised",
    task: "learning to rank",
    architecture: "gradient-boosted decision trees",
    inputs: ["CV text", "vacancy requirements"],
    outputs: ["relevance score per application"],
    metrics: [
      { name: "NDCG@10", value: "0.81", dataset: "Hold-out 2024", slice: "all vacancies" },
      { name: "precision@10", value: "0.74" },
    ],
    limitations: ["German and English only"],
    ethicalConsiderations: ["Proxy discrimination"],
  },
  datasets: [
    {
      name: "Historical applications 2019-2024",
      description: "Pseudonymised applications with recruiter decisions.",
      url: "https://data.talentia.example/applications",
      license: "proprietary",
      containsPersonalData: true,
    },
    { name: "ESCO occupations", containsPersonalData: false },
  ],
  deploymentCountries: ["DE", "AT", "CH", "GB", "US-CA"],
  contact: {
    name: "Dr. Mira Keller",
    email: "ai-compliance@talentia.example",
    url: "https://talentia.example/contact",
  },
  links: [
    { label: "Product page", url: "https://talentia.example/cv-ranker" },
    { label: "Instructions for use", url: "https://talentia.example/cv-ranker/ifu" },
    { label: "EU declaration of conformity", url: "https://talentia.example/cv-ranker/doc.pdf" },
    { label: "Notified body certificate (scan)", url: "https://talentia.example/cv-ranker/cert.pdf" },
    { label: "DPIA summary", url: "https://talentia.example/cv-ranker/dpia" },
  ],
  visibility: { ...DEFAULT_VISIBILITY },
};

const inputFor = (d: SystemDocument, level: ViewerLevel): FieldSetInput => {
  const { document, hidden } = projectDocument(d, level);
  return {
    systemId: "sys-1",
    version: 7,
    provider: { name: "Talentia Analytics GmbH", url: "https://talentia.example" },
    document,
    hidden,
    classification: { categories: ["eu-ai-act:high-risk"], jurisdictions: ["EU"] },
  };
};

const byKey = (e: FieldSetExport) => new Map(e.fields.map((f) => [f.key, f]));

function expectConsistent(e: FieldSetExport) {
  for (const f of e.fields) {
    if (f.status !== "mapped") expect(f.value, f.key).toBeNull();
    else expect(f.value, f.key).not.toBeNull();
    if (f.from === null) expect(f.status, f.key).toBe("not-recorded");
  }
  expect(new Set(e.fields.map((f) => f.key)).size).toBe(e.fields.length);
}

describe("annexViiiSectionA", () => {
  const owner = annexViiiSectionA(inputFor(doc, "owner"));
  const f = byKey(owner);

  it("lists the items of Annex VIII Section A in order, with their sources", () => {
    expect(owner.standard).toMatch(/2024\/1689.*Annex VIII, Section A/);
    expect(owner.source).toBe("https://eur-lex.europa.eu/eli/reg/2024/1689/oj");
    expect(owner.fields.map((x) => x.key)).toEqual([
      "1",
      "1.contact",
      "2",
      "3",
      "4",
      "5",
      "5.functions",
      "6",
      "6.inputs",
      "6.data",
      "6.logic",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
    ]);
    expectConsistent(owner);
  });

  it("maps what the register records", () => {
    expect(f.get("1")).toMatchObject({
      status: "mapped",
      value: { name: "Talentia Analytics GmbH", url: "https://talentia.example" },
    });
    expect(f.get("1.contact")?.value).toEqual(doc.contact);
    expect(f.get("4")?.value).toEqual({
      tradeName: "CV Screening Ranker",
      version: "3.2.0",
      registerReference: "sys-1@7",
    });
    expect(f.get("5")).toMatchObject({ status: "mapped", value: doc.intendedPurpose, from: "intendedPurpose" });
    expect(f.get("5.functions")?.value).toEqual(["profiling", "recommendation"]);
    expect(f.get("6.inputs")?.value).toEqual(["CV text", "vacancy requirements"]);
    expect(f.get("6.data")?.value).toEqual(["Historical applications 2019-2024", "ESCO occupations"]);
    expect(f.get("6.logic")?.value).toBe(
      "Task: learning to rank. Approach: supervised. Architecture: gradient-boosted decision trees. Outputs: relevance score per application",
    );
    expect(f.get("7")?.value).toBe("placed on the market (DE, AT); put into service (DE)");
    expect(f.get("9")?.value).toBe("https://talentia.example/cv-ranker/cert.pdf");
    expect(f.get("10")?.value).toEqual(["DE", "AT"]);
    expect(f.get("11")?.value).toBe("https://talentia.example/cv-ranker/doc.pdf");
    expect(f.get("12")?.value).toBe("https://talentia.example/cv-ranker/ifu");
    expect(f.get("13")?.value).toBe("https://talentia.example/cv-ranker");
  });

  it("marks what the register does not record", () => {
    for (const key of ["2", "3", "8"])
      expect(f.get(key)).toMatchObject({ status: "not-recorded", value: null, from: null });
    const bare = annexViiiSectionA({
      ...inputFor({ ...doc, links: [], deploymentCountries: ["US"], modelCard: undefined }, "owner"),
    });
    const b = byKey(bare);
    for (const key of ["6.inputs", "6.logic", "9", "10", "11", "12", "13"]) {
      expect(b.get(key), key).toMatchObject({ status: "not-recorded", value: null });
    }
    expectConsistent(bare);
  });

  it("marks withheld groups and never sends their values", () => {
    const pub = annexViiiSectionA(inputFor(doc, "public"));
    const p = byKey(pub);
    expect(p.get("1.contact")).toMatchObject({ status: "withheld", value: null, from: "contact" });
    expect(p.get("6.data")).toMatchObject({ status: "withheld", value: null });
    expect(p.get("5")?.status).toBe("mapped");
    const json = JSON.stringify(pub);
    for (const secret of ["ai-compliance@talentia.example", "Dr. Mira Keller", "Historical applications", "ESCO"]) {
      expect(json).not.toContain(secret);
    }
    expectConsistent(pub);
  });

  it("does not give instructions for use for Annex III points 1, 6 and 7", () => {
    const le: SystemDocument = { ...doc, profile: { ...doc.profile, purposes: ["law-enforcement"] } };
    const item = byKey(annexViiiSectionA(inputFor(le, "owner"))).get("12")!;
    expect(item).toMatchObject({ status: "not-recorded", value: null });
    expect(item.note).toMatch(/Annex III points 1, 6 and 7/);
  });

  it("says whether the section applies, from the classification", () => {
    expect(owner.applicability.applies).toBe(true);
    expect(annexViiiSectionA({ ...inputFor(doc, "owner"), classification: null }).applicability.applies).toBeNull();
    expect(
      annexViiiSectionA({
        ...inputFor(doc, "owner"),
        classification: { categories: ["eu-ai-act:minimal"], jurisdictions: [] },
      }).applicability.applies,
    ).toBe(false);
  });
});

describe("ukAtrs", () => {
  const owner = ukAtrs(inputFor(doc, "owner"));
  const f = byKey(owner);

  it("lists Tier 1 and the five sections of Tier 2 of template v3.0", () => {
    expect(owner.version).toBe("3.0");
    expect(owner.fields.slice(0, 4).map((x) => [x.key, x.label])).toEqual([
      ["tier1.1", "Name"],
      ["tier1.2", "Description"],
      ["tier1.3", "Website URL"],
      ["tier1.4", "Contact email"],
    ]);
    const sections = [...new Set(owner.fields.map((x) => x.section))];
    expect(sections).toEqual([
      "Tier 1 – Overview",
      "Tier 2 – 1. Owner and responsibility",
      "Tier 2 – 2. Description and rationale",
      "Tier 2 – 3. Decision-making process",
      "Tier 2 – 4. Tool specification",
      "Tier 2 – 4. Tool specification: model specification",
      "Tier 2 – 4. Tool specification: data specification",
      "Tier 2 – 5. Risks, mitigations and impact assessments",
    ]);
    expectConsistent(owner);
  });

  it("maps the register's fields", () => {
    expect(f.get("tier1.1")?.value).toBe("CV Screening Ranker");
    expect(f.get("tier1.3")?.value).toBe("https://talentia.example/cv-ranker");
    expect(f.get("tier1.4")?.value).toBe("ai-compliance@talentia.example");
    expect(f.get("tier2.1.1")?.value).toBe("Talentia Analytics GmbH");
    expect(f.get("tier2.2.2")?.value).toBe(doc.intendedPurpose);
    expect(f.get("tier2.4.2.6")?.value).toBe("gradient-boosted decision trees (supervised)");
    expect(f.get("tier2.4.2.7")?.value).toEqual(["NDCG@10: 0.81 (Hold-out 2024, all vacancies)", "precision@10: 0.74"]);
    expect(f.get("tier2.4.3.5")?.value).toEqual([
      "Historical applications 2019-2024: contains personal data",
      "ESCO occupations: contains no personal data",
    ]);
    expect(f.get("tier2.4.3.7")?.value).toEqual([
      "Historical applications 2019-2024: https://data.talentia.example/applications",
    ]);
    expect(f.get("tier2.5.1")?.value).toEqual(["DPIA summary: https://talentia.example/cv-ranker/dpia"]);
    expect(f.get("tier2.5.2")?.value).toEqual(["German and English only", "Proxy discrimination"]);
    for (const key of ["tier2.1.3", "tier2.3.4", "tier2.4.1.2", "tier2.4.2.9"]) {
      expect(f.get(key), key).toMatchObject({ status: "not-recorded", from: null });
    }
  });

  it("marks withheld groups and never sends their values", () => {
    const pub = ukAtrs(inputFor(doc, "public"));
    const p = byKey(pub);
    expect(p.get("tier1.4")).toMatchObject({ status: "withheld", value: null, from: "contact.email" });
    for (const key of ["tier2.4.2.8", "tier2.4.3.1", "tier2.4.3.3", "tier2.4.3.5", "tier2.4.3.7", "tier2.4.3.10"]) {
      expect(p.get(key), key).toMatchObject({ status: "withheld", value: null });
    }
    const json = JSON.stringify(pub);
    for (const secret of ["ai-compliance@talentia.example", "Historical applications", "ESCO", "proprietary"]) {
      expect(json).not.toContain(secret);
    }
    expectConsistent(pub);

    const hiddenCard: SystemDocument = { ...doc, visibility: { ...doc.visibility, modelCard: "secretariat" } };
    const m = byKey(ukAtrs(inputFor(hiddenCard, "members")));
    for (const key of ["tier2.3.2", "tier2.4.2.3", "tier2.4.2.7", "tier2.5.2"]) {
      expect(m.get(key), key).toMatchObject({ status: "withheld", value: null });
    }
    expect(m.get("tier2.4.2.8")?.status).toBe("mapped");
  });
});
