import { readFileSync } from "node:fs";
import { Spec, Validation } from "@cyclonedx/cyclonedx-library";
import { describe, expect, it } from "vitest";
import { bomToDocument, CycloneDxMappingError, systemToBom } from "../../../../core/src/registry/cyclonedx.js";
import { DEFAULT_VISIBILITY, type SystemDocument } from "../../../../core/src/registry/types.js";
import { projectDocument } from "../../../../core/src/registry/visibility.js";
import { cycloneDxSchemaSource, validateCycloneDx } from "./cyclonedx-validator.js";

/**
 * The CycloneDX import and export against the official CycloneDX 1.6 JSON Schema bundled with
 * @cyclonedx/cyclonedx-library. Exports are checked both by validateCycloneDx (all errors) and by
 * the library's own JsonValidator (first error), so the two cannot disagree unnoticed.
 */

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/cyclonedx/${name}.json`, import.meta.url), "utf8"));

const officialValidator = new Validation.JsonValidator(Spec.Version.v1dot6);
const official = (bom: unknown) => officialValidator.validate(JSON.stringify(bom));

const rich: SystemDocument = {
  kind: "system",
  name: "CV Screening Ranker",
  versionLabel: "3.2.0",
  intendedPurpose: "Support recruiters in the pre-selection of job applicants by ranking applications.",
  description: "Ranks job applications against a vacancy's requirements and flags the ten best matches for review.",
  translations: { fr: { name: "Classeur de CV" }, ar: { intendedPurpose: "دعم مسؤولي التوظيف في الاختيار الأولي" } },
  profile: {
    profileVersion: "1",
    roles: ["provider"],
    places: { establishment: ["DE"], placedOnMarket: ["DE", "AT"], used: ["DE", "AT", "CH"] },
    purposes: ["employment"],
    functions: ["profiling", "recommendation"],
    contexts: ["workplace"],
    consequentialDecision: true,
    derogation: { preparatoryTask: false },
    gpai: { isGeneralPurposeModel: false, trainingComputeFlop: 1e25 },
  },
  modelCard: {
    approach: "supervised learning to rank",
    task: "learning to rank",
    architecture: "gradient-boosted decision trees (LambdaMART)",
    inputs: ["CV text (PDF or DOCX, parsed)", "vacancy requirements (JSON)"],
    outputs: ["relevance score 0-1 per application"],
    metrics: [
      { name: "NDCG@10", value: "0.81", dataset: "Hold-out 2024", slice: "all vacancies" },
      { name: "selection-rate ratio (women/men)", value: "0.93" },
    ],
    limitations: ["German and English only"],
    ethicalConsiderations: ["Proxy discrimination"],
    useCases: ["Pre-sorting applications for a recruiter"],
    license: "Apache-2.0",
  },
  datasets: [
    {
      name: "Historical applications 2019-2024",
      description: "Pseudonymised applications with recruiter decisions.",
      url: "https://data.talentia.example/applications",
      license: "proprietary",
      containsPersonalData: true,
      sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    },
    { name: "ESCO occupations", containsPersonalData: false },
  ],
  deploymentCountries: ["DE", "AT", "CH"],
  contact: {
    name: "Dr. Mira Keller",
    email: "ai-compliance@talentia.example",
    url: "https://talentia.example/contact",
  },
  links: [
    { label: "Instructions for use", url: "https://talentia.example/cv-ranker/ifu" },
    { label: "EU declaration of conformity", url: "https://talentia.example/cv-ranker/doc.pdf" },
  ],
  visibility: { ...DEFAULT_VISIBILITY },
};

const minimal: SystemDocument = {
  kind: "gpai-model",
  name: "Tiny LM",
  versionLabel: "0.1",
  intendedPurpose: "Research on small language models.",
  description: "A small decoder-only language model.",
  profile: { profileVersion: "1" },
  deploymentCountries: [],
  visibility: { ...DEFAULT_VISIBILITY },
};

const exportOf = (document: Partial<SystemDocument>, classification = true) =>
  systemToBom({
    systemId: "5b7d0c52-1f7e-4f43-8f5e-0d1b6c9a2e11",
    version: 3,
    provider: { name: "Talentia Analytics GmbH", url: "https://talentia.example" },
    document,
    classification: classification ? { categories: ["eu-ai-act:high-risk"], jurisdictions: ["EU"] } : null,
    serialSeed: "5b7d0c52-1f7e-4f43-8f5e-0d1b6c9a2e11:3:owner",
    timestamp: "2026-11-26T10:00:00Z",
  });

describe("the bundled schema", () => {
  it("is CycloneDX 1.6 from @cyclonedx/cyclonedx-library", () => {
    const { file, libraryVersion } = cycloneDxSchemaSource();
    expect(file).toMatch(/@cyclonedx[\\/]cyclonedx-library[\\/]res[\\/]schema[\\/]bom-1\.6\.SNAPSHOT\.schema\.json$/);
    expect(libraryVersion).toMatch(/^10\./);
    expect(JSON.parse(readFileSync(file, "utf8")).$id).toBe("http://cyclonedx.org/schema/bom-1.6.schema.json");
  });
});

describe("our export", () => {
  it("of a rich document validates against the official 1.6 schema with no error", async () => {
    const bom = exportOf(rich);
    expect(await validateCycloneDx(bom)).toEqual([]);
    expect(await official(bom)).toBeNull();
  });

  it("of a minimal document validates too", async () => {
    const bom = exportOf(minimal, false);
    expect(await validateCycloneDx(bom)).toEqual([]);
    expect(await official(bom)).toBeNull();
  });

  it("of every reader's projection validates", async () => {
    const hiddenMost: SystemDocument = {
      ...rich,
      visibility: { ...rich.visibility, description: "members", modelCard: "secretariat", profile: "members" },
    };
    for (const d of [rich, hiddenMost]) {
      for (const level of ["public", "members", "secretariat", "owner"] as const) {
        const bom = exportOf(projectDocument(d, level).document);
        expect(await validateCycloneDx(bom), level).toEqual([]);
        expect(await official(bom), level).toBeNull();
      }
    }
  });

  it("imports back with the mapped fields unchanged", async () => {
    const { visibility: _v, ...expected } = rich;
    const bom = JSON.parse(JSON.stringify(exportOf(rich)));
    expect(await validateCycloneDx(bom)).toEqual([]);
    const { document, warnings } = bomToDocument(bom);
    expect(document).toEqual(expected);
    expect(warnings).toEqual([]);
  });
});

describe("the rich ML-BOM fixture (CV screening)", () => {
  const bom = fixture("cv-screening-ml-bom");

  it("is valid CycloneDX 1.6", async () => {
    expect(await validateCycloneDx(bom)).toEqual([]);
    expect(await official(bom)).toBeNull();
  });

  it("maps to a document draft", () => {
    const { document, warnings, found } = bomToDocument(bom);
    expect(document).toMatchObject({
      kind: "system",
      name: "CV Screening Ranker",
      versionLabel: "3.2.0",
      deploymentCountries: ["DE", "AT", "FR"],
      profile: {
        profileVersion: "1",
        roles: ["provider"],
        purposes: ["employment"],
        functions: ["profiling", "recommendation"],
        places: { placedOnMarket: ["DE", "AT", "FR"] },
        consequentialDecision: true,
        interactsWithPeople: false,
      },
      contact: {
        name: "Dr. Mira Keller",
        email: "ai-compliance@talentia.example",
        url: "https://talentia.example/contact",
      },
      modelCard: {
        approach: "supervised",
        architecture: "gradient-boosted decision trees (LambdaMART)",
        metrics: [
          { name: "NDCG@10", value: "0.81", slice: "all vacancies" },
          {
            name: "selection-rate ratio (women/men)",
            value: "0.93 (confidence interval 0.88 to 0.98)",
            slice: "engineering vacancies",
          },
        ],
        license: "Talentia commercial licence",
      },
    });
    expect(document.intendedPurpose).toMatch(/^Support recruiters/);
    expect(document.datasets).toEqual([
      {
        name: "Historical applications 2019-2024",
        description: expect.stringMatching(/^Pseudonymised applications/),
        url: "https://data.talentia.example/applications-2019-2024",
        license: "proprietary; customer data processing agreements",
        containsPersonalData: true,
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      },
      { name: "Vacancy taxonomy ESCO v1.2 mapping", url: "https://esco.example/v1.2/occupations.csv" },
    ]);
    expect(document.links?.map((l) => l.label)).toEqual([
      "Instructions for use",
      "Model card",
      "EU declaration of conformity",
    ]);
    expect(found).toContain("profile");
    expect(warnings).toEqual(
      expect.arrayContaining([
        "modelCard.considerations.fairnessAssessments were not mapped",
        "contact: the phone number was not mapped",
        "property internal:build-id was not mapped",
        "BOM section dependencies was not mapped",
        'components.1: component "lightgbm" (library) was not mapped',
      ]),
    );
  });
});

describe("the invalid fixture", () => {
  const expected = [
    "body.bom.components.0.type",
    "body.bom.components.1.name",
    "body.bom.metadata.component.externalReferences.0.type",
    "body.bom.metadata.component.hashes.0.alg",
    "body.bom.metadata.component.modelCard.modelParameters.approach.type",
    "body.bom.metadata.component.modelCard.quantitativeAnalysis.performanceMetrics.0.value",
    "body.bom.metadata.timestamp",
    "body.bom.mlModel",
    "body.bom.serialNumber",
    "body.bom.version",
  ];

  it("yields every error, each at its path, in a stable order", async () => {
    const errors = await validateCycloneDx(fixture("invalid-ml-bom"));
    expect(errors.map((e) => e.field)).toEqual(expected);
    expect(errors.find((e) => e.field === "body.bom.components.1.name")?.message).toBe("is required");
    expect(errors.find((e) => e.field === "body.bom.version")?.message).toBe("must be >= 1");
    expect(errors.find((e) => e.field.endsWith("approach.type"))?.message).toMatch(/supervised/);
    expect(errors.find((e) => e.field === "body.bom.mlModel")?.message).toMatch(/not a property/);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(0);
    // Same input, same output; the library's validator finds it invalid too.
    expect(await validateCycloneDx(fixture("invalid-ml-bom"))).toEqual(errors);
    expect(await official(fixture("invalid-ml-bom"))).not.toBeNull();
  });

  it("sorts array indexes numerically", async () => {
    const components = Array.from({ length: 12 }, (_, i) => ({ type: "data", "bom-ref": `d${i}` }));
    const errors = await validateCycloneDx({ bomFormat: "CycloneDX", specVersion: "1.6", components });
    expect(errors.map((e) => e.field)).toEqual(components.map((_, i) => `body.bom.components.${i}.name`));
  });
});

describe("other inputs", () => {
  it("a BOM without a machine-learning model is valid CycloneDX but not an ML-BOM", async () => {
    const bom = fixture("not-ml-sbom");
    expect(await validateCycloneDx(bom)).toEqual([]);
    expect(() => bomToDocument(bom)).toThrow(CycloneDxMappingError);
    expect(() => bomToDocument(bom)).toThrow(/not an ML-BOM/);
  });

  it("a non-object is reported at body.bom", async () => {
    expect(await validateCycloneDx("not a BOM")).toEqual([{ field: "body.bom", message: "must be object" }]);
    expect(await validateCycloneDx(null)).toEqual([{ field: "body.bom", message: "must be object" }]);
  });

  it("a missing bomFormat and specVersion are reported", async () => {
    expect(await validateCycloneDx({})).toEqual([
      { field: "body.bom.bomFormat", message: "is required" },
      { field: "body.bom.specVersion", message: "is required" },
    ]);
  });

  it("a spec version other than 1.6 (or 1.5) is refused", async () => {
    const bom = { ...exportOf(minimal), specVersion: "1.4" };
    expect(await validateCycloneDx(bom)).toEqual([
      { field: "body.bom.specVersion", message: expect.stringMatching(/must be "1\.6"/) },
    ]);
    expect(await validateCycloneDx({ ...exportOf(minimal), specVersion: "1.5" })).toEqual([]);
  });

  it("a licence id outside the SPDX list is an error (the SPDX schema is loaded)", async () => {
    const bom = exportOf(minimal) as unknown as { metadata: { component: Record<string, unknown> } };
    bom.metadata.component.licenses = [{ license: { id: "Not-A-Licence-1.0" } }];
    const errors = await validateCycloneDx(bom);
    expect(errors.map((e) => e.field)).toContain("body.bom.metadata.component.licenses.0.license.id");
    expect(errors.find((e) => e.field.endsWith("license.id"))?.message).toMatch(/values in all\)$/);
  });
});
