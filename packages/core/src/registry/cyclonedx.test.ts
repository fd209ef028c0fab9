import { describe, expect, it } from "vitest";
import { FACTS } from "../rules/types.js";
import {
  approachType,
  bomToDocument,
  CONCORDIA_BOM_NAMESPACE,
  CycloneDxMappingError,
  linkType,
  type SystemToBomInput,
  systemToBom,
  uuidV5,
} from "./cyclonedx.js";
import type { SystemDocument } from "./types.js";
import { DEFAULT_VISIBILITY } from "./types.js";
import { projectDocument } from "./visibility.js";

/** A CV-screening system with every field of the document filled in. */
const richDocument: SystemDocument = {
  kind: "system",
  name: "CV Screening Ranker",
  versionLabel: "3.2.0",
  intendedPurpose: "Support recruiters in the pre-selection of job applicants by ranking applications.",
  description: "Ranks job applications against a vacancy's requirements and flags the ten best matches for review.",
  translations: {
    fr: { name: "Classeur de CV", intendedPurpose: "Aider les recruteurs à présélectionner les candidats." },
    zh: { description: "根据职位要求对求职申请进行排序。" },
  },
  profile: {
    profileVersion: "1",
    name: "CV Screening Ranker",
    roles: ["provider"],
    places: {
      establishment: ["DE"],
      placedOnMarket: ["DE", "AT", "FR"],
      putIntoService: ["DE"],
      used: ["DE", "AT", "FR", "CH"],
      outputsUsed: [],
    },
    purposes: ["employment"],
    functions: ["profiling", "recommendation"],
    contexts: ["workplace"],
    interactsWithPeople: false,
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
      preparatoryTask: true,
    },
    gpai: {
      isGeneralPurposeModel: false,
      trainingComputeFlop: 3.5e18,
      openWeights: false,
      users: 1200,
      designatedSystemicRisk: false,
    },
    organization: { employees: 180, annualRevenueUsd: 24_000_000 },
    exclusions: {
      militaryDefenceNationalSecurity: false,
      scientificResearchOnly: false,
      personalNonProfessional: false,
    },
  },
  modelCard: {
    approach: "supervised learning to rank",
    task: "learning to rank (candidate-vacancy matching)",
    architecture: "gradient-boosted decision trees (LambdaMART)",
    inputs: ["CV text (PDF or DOCX, parsed)", "vacancy requirements (JSON)"],
    outputs: ["relevance score 0-1 per application", "top-10 shortlist"],
    metrics: [
      { name: "NDCG@10", value: "0.81", dataset: "Hold-out vacancies 2024", slice: "all vacancies" },
      { name: "selection-rate ratio (women/men)", value: "0.93", slice: "engineering vacancies" },
      { name: "precision@10", value: "0.74", dataset: "Hold-out vacancies 2024" },
    ],
    limitations: ["Trained on applications in German and English only"],
    ethicalConsiderations: ["Indirect discrimination through proxies for protected characteristics"],
    useCases: ["Pre-sorting applications for a recruiter who reviews every decision"],
    license: "Talentia commercial licence",
  },
  datasets: [
    {
      name: "Historical applications 2019-2024",
      description: "Pseudonymised applications with recruiter decisions from 312 vacancies.",
      url: "https://data.talentia.example/applications-2019-2024",
      license: "proprietary",
      containsPersonalData: true,
      sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    },
    { name: "ESCO occupations v1.2", url: "https://esco.example/v1.2/occupations.csv", containsPersonalData: false },
    { name: "Synthetic CV corpus" },
  ],
  deploymentCountries: ["DE", "AT", "FR", "CH"],
  contact: {
    name: "Dr. Mira Keller",
    email: "ai-compliance@talentia.example",
    url: "https://talentia.example/contact",
  },
  links: [
    { label: "Instructions for use", url: "https://talentia.example/cv-ranker/instructions-for-use" },
    { label: "EU declaration of conformity", url: "https://talentia.example/cv-ranker/doc.pdf" },
    { label: "Product page", url: "https://talentia.example/cv-ranker" },
    { label: "Data protection impact assessment (DPIA) summary", url: "https://talentia.example/cv-ranker/dpia" },
  ],
  visibility: { ...DEFAULT_VISIBILITY },
};

const minimalDocument: SystemDocument = {
  kind: "gpai-model",
  name: "Tiny LM",
  versionLabel: "0.1",
  intendedPurpose: "Research on small language models.",
  description: "A small decoder-only language model.",
  profile: { profileVersion: "1" },
  deploymentCountries: [],
  visibility: { ...DEFAULT_VISIBILITY },
};

const input = (document: Partial<SystemDocument>, extra: Partial<SystemToBomInput> = {}): SystemToBomInput => ({
  systemId: "5b7d0c52-1f7e-4f43-8f5e-0d1b6c9a2e11",
  version: 4,
  provider: { name: "Talentia Analytics GmbH", url: "https://talentia.example" },
  document,
  classification: { categories: ["eu-ai-act:high-risk"], jurisdictions: ["EU"] },
  serialSeed: "5b7d0c52-1f7e-4f43-8f5e-0d1b6c9a2e11:4:owner",
  timestamp: "2026-11-26T10:00:00Z",
  ...extra,
});

const withoutVisibility = ({ visibility: _v, ...rest }: SystemDocument) => rest;

describe("systemToBom", () => {
  const bom = systemToBom(input(richDocument));
  const main = bom.metadata.component;

  it("writes a CycloneDX 1.6 BOM whose subject is the machine-learning model", () => {
    expect(bom.bomFormat).toBe("CycloneDX");
    expect(bom.specVersion).toBe("1.6");
    expect(bom.version).toBe(4);
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bom.metadata.timestamp).toBe("2026-11-26T10:00:00Z");
    expect(bom.metadata.supplier).toEqual({ name: "Talentia Analytics GmbH", url: ["https://talentia.example"] });
    expect(main.type).toBe("machine-learning-model");
    expect(main.name).toBe("CV Screening Ranker");
    expect(main.version).toBe("3.2.0");
    expect(main.description).toBe(richDocument.description);
    expect(main.supplier?.contact).toEqual([{ name: "Dr. Mira Keller", email: "ai-compliance@talentia.example" }]);
    expect(main.licenses).toEqual([{ license: { name: "Talentia commercial licence" } }]);
  });

  it("derives the serial number from the seed only (RFC 4122 version 5)", () => {
    expect(systemToBom(input(richDocument)).serialNumber).toBe(bom.serialNumber);
    expect(systemToBom(input(richDocument, { serialSeed: "other" })).serialNumber).not.toBe(bom.serialNumber);
    expect(bom.serialNumber).toBe(`urn:uuid:${uuidV5(CONCORDIA_BOM_NAMESPACE, input(richDocument).serialSeed)}`);
    // RFC 4122 appendix B's example as corrected in its errata: "www.example.com" in the DNS namespace.
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("is deterministic: the same input gives byte-identical JSON", () => {
    expect(JSON.stringify(systemToBom(input(richDocument)))).toBe(JSON.stringify(bom));
  });

  it("writes the model card in CycloneDX's structure", () => {
    const mc = main.modelCard!;
    expect(mc.modelParameters?.approach).toEqual({ type: "supervised" });
    expect(mc.modelParameters?.task).toBe(richDocument.modelCard!.task);
    expect(mc.modelParameters?.architectureFamily).toBe(richDocument.modelCard!.architecture);
    expect(mc.modelParameters?.inputs).toEqual([
      { format: "CV text (PDF or DOCX, parsed)" },
      { format: "vacancy requirements (JSON)" },
    ]);
    expect(mc.modelParameters?.datasets).toEqual([
      { ref: "concordia:dataset:1" },
      { ref: "concordia:dataset:2" },
      { ref: "concordia:dataset:3" },
    ]);
    expect(mc.quantitativeAnalysis?.performanceMetrics[0]).toEqual({
      type: "NDCG@10",
      value: "0.81",
      slice: "all vacancies",
    });
    expect(mc.considerations?.ethicalConsiderations).toEqual([
      { name: "Indirect discrimination through proxies for protected characteristics" },
    ]);
    expect(mc.considerations?.technicalLimitations).toEqual(richDocument.modelCard!.limitations);
    expect(mc.considerations?.useCases).toEqual(richDocument.modelCard!.useCases);
    expect(mc.properties).toContainEqual({
      name: "concordia:modelCard:approach",
      value: "supervised learning to rank",
    });
  });

  it("writes datasets as components of type data", () => {
    const [d1, d2] = bom.components!;
    expect(d1).toMatchObject({
      type: "data",
      "bom-ref": "concordia:dataset:1",
      name: "Historical applications 2019-2024",
      hashes: [{ alg: "SHA-256", content: richDocument.datasets![0]!.sha256 }],
      licenses: [{ license: { name: "proprietary" } }],
      externalReferences: [{ type: "distribution", url: "https://data.talentia.example/applications-2019-2024" }],
      data: [
        {
          type: "dataset",
          name: "Historical applications 2019-2024",
          contents: { url: "https://data.talentia.example/applications-2019-2024" },
          sensitiveData: ["personal data"],
        },
      ],
    });
    expect(d2!.properties).toEqual([{ name: "concordia:dataset:containsPersonalData", value: "false" }]);
  });

  it("keeps register facts in concordia:* properties", () => {
    const props = Object.fromEntries(main.properties!.map((p) => [p.name, p.value]));
    expect(props["concordia:kind"]).toBe("system");
    expect(props["concordia:intendedPurpose"]).toBe(richDocument.intendedPurpose);
    expect(props["concordia:deploymentCountries"]).toBe("DE,AT,FR,CH");
    expect(props["concordia:classification:categories"]).toBe("eu-ai-act:high-risk");
    expect(props["concordia:classification:jurisdictions"]).toBe("EU");
    expect(props["concordia:profile:purposes"]).toBe("employment");
    expect(props["concordia:profile:places.outputsUsed"]).toBe("");
    expect(props["concordia:profile:gpai.trainingComputeFlop"]).toBe("3500000000000000000");
    expect(props["concordia:translations:fr:name"]).toBe("Classeur de CV");
    for (const p of main.properties!) expect(p.name.startsWith("concordia:")).toBe(true);
    expect(bom.metadata.properties).toEqual([
      { name: "concordia:systemId", value: "5b7d0c52-1f7e-4f43-8f5e-0d1b6c9a2e11" },
      { name: "concordia:registerVersion", value: "4" },
    ]);
  });

  it("writes links as external references (label in the comment) and the contact URL as support", () => {
    expect(main.externalReferences).toEqual([
      {
        type: "documentation",
        url: "https://talentia.example/cv-ranker/instructions-for-use",
        comment: "Instructions for use",
      },
      {
        type: "certification-report",
        url: "https://talentia.example/cv-ranker/doc.pdf",
        comment: "EU declaration of conformity",
      },
      { type: "website", url: "https://talentia.example/cv-ranker", comment: "Product page" },
      {
        type: "risk-assessment",
        url: "https://talentia.example/cv-ranker/dpia",
        comment: "Data protection impact assessment (DPIA) summary",
      },
      { type: "support", url: "https://talentia.example/contact", comment: "contact" },
    ]);
  });

  it("leaves out the classification when there is none, and optional groups the document lacks", () => {
    const b = systemToBom(input(minimalDocument, { classification: null }));
    expect(b.components).toBeUndefined();
    expect(b.metadata.component.modelCard).toBeUndefined();
    expect(b.metadata.component.externalReferences).toBeUndefined();
    expect(b.metadata.component.supplier).toEqual({
      name: "Talentia Analytics GmbH",
      url: ["https://talentia.example"],
    });
    expect(b.metadata.component.properties!.some((p) => p.name.startsWith("concordia:classification"))).toBe(false);
  });
});

describe("withheld groups", () => {
  it("are absent from the BOM of a public reader", () => {
    const { document, hidden } = projectDocument(richDocument, "public");
    expect(hidden).toEqual(["datasets", "contact"]);
    const bom = systemToBom(input(document));
    const json = JSON.stringify(bom);
    expect(bom.components).toBeUndefined();
    expect(bom.metadata.component.modelCard?.modelParameters?.datasets).toBeUndefined();
    expect(bom.metadata.component.supplier?.contact).toBeUndefined();
    for (const secret of [
      "ai-compliance@talentia.example",
      "Dr. Mira Keller",
      "https://talentia.example/contact",
      "Historical applications",
      "ESCO occupations",
      richDocument.datasets![0]!.sha256!,
    ]) {
      expect(json).not.toContain(secret);
    }
    const back = bomToDocument(bom).document;
    expect(back.datasets).toBeUndefined();
    expect(back.contact).toBeUndefined();
  });

  it("leave no trace of a hidden model card or profile", () => {
    const doc: SystemDocument = {
      ...richDocument,
      visibility: { ...richDocument.visibility, modelCard: "secretariat", profile: "members", description: "members" },
    };
    const { document } = projectDocument(doc, "public");
    const bom = systemToBom(input(document));
    const json = JSON.stringify(bom);
    expect(bom.metadata.component.modelCard).toBeUndefined();
    expect(bom.metadata.component.licenses).toBeUndefined();
    expect(bom.metadata.component.description).toBeUndefined();
    expect(json).not.toContain("NDCG");
    expect(json).not.toContain("LambdaMART");
    expect(json).not.toContain("concordia:profile:");
    expect(json).not.toContain("concordia:intendedPurpose");
    expect(json).not.toContain("Classeur de CV");
  });

  it("keep the dataset references when only the model card is hidden", () => {
    const doc: SystemDocument = {
      ...richDocument,
      visibility: { ...richDocument.visibility, modelCard: "secretariat" },
    };
    const { document } = projectDocument(doc, "members");
    const bom = systemToBom(input(document));
    expect(bom.metadata.component.modelCard).toEqual({
      modelParameters: {
        datasets: [{ ref: "concordia:dataset:1" }, { ref: "concordia:dataset:2" }, { ref: "concordia:dataset:3" }],
      },
    });
    const back = bomToDocument(bom).document;
    expect(back.datasets).toEqual(richDocument.datasets);
    expect(back.modelCard).toBeUndefined();
  });
});

describe("bomToDocument", () => {
  it("round-trips every mapped field of a rich document, without warnings", () => {
    const { document, warnings, found } = bomToDocument(systemToBom(input(richDocument)));
    expect(document).toEqual(withoutVisibility(richDocument));
    expect(warnings).toEqual([]);
    expect(new Set(found)).toEqual(
      new Set([
        "kind",
        "name",
        "versionLabel",
        "intendedPurpose",
        "description",
        "translations",
        "profile",
        "modelCard",
        "datasets",
        "deploymentCountries",
        "contact",
        "links",
      ]),
    );
  });

  it("round-trips a minimal document", () => {
    const { document, warnings } = bomToDocument(systemToBom(input(minimalDocument)));
    expect(document).toEqual(withoutVisibility(minimalDocument));
    expect(warnings).toEqual([]);
  });

  it("round-trips every profile fact path", () => {
    const back = bomToDocument(systemToBom(input(richDocument))).document.profile!;
    for (const path of Object.keys(FACTS)) {
      const get = (o: unknown) => path.split(".").reduce<unknown>((c, k) => (c as Record<string, unknown>)?.[k], o);
      expect(get(back), path).toEqual(get(richDocument.profile));
      expect(get(richDocument.profile), `the rich fixture sets ${path}`).toBeDefined();
    }
  });

  it("rejects a BOM without a machine-learning model with a clear error", () => {
    const sbom = {
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      metadata: { component: { type: "application", name: "HR portal" } },
      components: [{ type: "library", name: "express", version: "4.21.2" }],
    };
    expect(() => bomToDocument(sbom)).toThrow(CycloneDxMappingError);
    try {
      bomToDocument(sbom);
    } catch (e) {
      expect((e as CycloneDxMappingError).field).toBe("body.bom.components");
      expect((e as Error).message).toMatch(/machine-learning-model.*not an ML-BOM/);
    }
    expect(() => bomToDocument([])).toThrow(CycloneDxMappingError);
    expect(() => bomToDocument({ bomFormat: "CycloneDX", specVersion: "1.6" })).toThrow(/no machine-learning model/);
  });

  it("maps a third-party ML-BOM without inventing facts, and says what it left out", () => {
    const bom = {
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      metadata: {
        component: { type: "application", name: "Hiring suite", components: [] },
        supplier: { name: "Other Co", contact: [{ email: "team@other.example" }] },
      },
      components: [
        {
          type: "machine-learning-model",
          name: "ranker",
          licenses: [{ license: { id: "Apache-2.0" } }],
          externalReferences: [
            { type: "website", url: "https://other.example/ranker" },
            { type: "vcs", url: "git+ssh://git@other.example/ranker.git" },
          ],
          modelCard: {
            modelParameters: {
              approach: { type: "self-supervised" },
              modelArchitecture: "BERT-base",
              datasets: [
                { type: "dataset", name: "Job ads 2023", sensitiveData: ["PII: names"] },
                { type: "dataset" },
                { ref: "missing-ref" },
              ],
            },
            considerations: { ethicalConsiderations: [{ name: "Bias", mitigationStrategy: "Audits" }], users: ["HR"] },
          },
          properties: [
            { name: "concordia:profile:purposes", value: "employment,astrology" },
            { name: "concordia:profile:gpai.users", value: "many" },
            { name: "concordia:profile:places.used", value: "DE,Germany" },
            { name: "concordia:kind", value: "robot" },
          ],
        },
        { type: "machine-learning-model", name: "second model" },
      ],
    };
    const { document, warnings, found } = bomToDocument(bom);
    expect(document).toEqual({
      name: "ranker",
      kind: "system",
      profile: { profileVersion: "1", purposes: ["employment"], places: { used: ["DE"] } },
      modelCard: {
        approach: "self-supervised",
        architecture: "BERT-base",
        ethicalConsiderations: ["Bias (mitigation: Audits)"],
        license: "Apache-2.0",
      },
      datasets: [{ name: "Job ads 2023", containsPersonalData: true }],
      contact: { email: "team@other.example" },
      links: [{ label: "website", url: "https://other.example/ranker" }],
    });
    expect(found).not.toContain("kind");
    expect(found).not.toContain("intendedPurpose");
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^metadata\.component \("Hiring suite", type application\) is not a machine-learning model/,
        ),
        'components.1: a further machine-learning model ("second model") was not mapped',
        "versionLabel: the model component has no version",
        "description: the model component has no description",
        "intendedPurpose: not stated",
        "deploymentCountries: not stated (no concordia:deploymentCountries property)",
        'kind: property concordia:kind "robot" is not one of system, gpai-model; taken as "system"',
        "property concordia:profile:purposes: unknown values left out: astrology",
        'property concordia:profile:gpai.users: "many" is not a number; left out',
        "property concordia:profile:places.used: unknown values left out: Germany",
        "modelCard.modelParameters.datasets.1: a dataset without a name; left out",
        'modelCard.modelParameters.datasets.2: reference "missing-ref" names no component of this BOM; left out',
        "modelCard.considerations.users were not mapped",
        "externalReferences.1: git+ssh://git@other.example/ranker.git is not an http(s) URL; left out",
      ]),
    );
  });

  it("takes the intended purpose from the use cases, else the description, and says so", () => {
    const base = { bomFormat: "CycloneDX", specVersion: "1.6" };
    const fromUseCases = bomToDocument({
      ...base,
      metadata: {
        component: {
          type: "machine-learning-model",
          name: "m",
          description: "d",
          modelCard: { considerations: { useCases: ["screen CVs", "rank CVs"] } },
        },
      },
    });
    expect(fromUseCases.document.intendedPurpose).toBe("screen CVs\nrank CVs");
    expect(fromUseCases.warnings).toContain("intendedPurpose: taken from modelCard.considerations.useCases");
    const fromDescription = bomToDocument({
      ...base,
      metadata: { component: { type: "machine-learning-model", name: "m", description: "d" } },
    });
    expect(fromDescription.document.intendedPurpose).toBe("d");
    expect(fromDescription.warnings).toContain("intendedPurpose: not stated; taken from the component description");
  });

  it("reads a general-purpose model's kind from its profile when the kind is not stated", () => {
    const { document } = bomToDocument({
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      metadata: {
        component: {
          type: "machine-learning-model",
          name: "m",
          properties: [{ name: "concordia:profile:gpai.isGeneralPurposeModel", value: "true" }],
        },
      },
    });
    expect(document.kind).toBe("gpai-model");
    expect(document.profile).toEqual({ profileVersion: "1", gpai: { isGeneralPurposeModel: true } });
  });
});

describe("approachType", () => {
  it.each([
    ["supervised", "supervised"],
    ["Supervised learning (gradient boosting)", "supervised"],
    ["semi-supervised", "semi-supervised"],
    ["Semi supervised with pseudo-labels", "semi-supervised"],
    ["self-supervised pre-training", "self-supervised"],
    ["unsupervised clustering", "unsupervised"],
    ["reinforcement learning from human feedback", "reinforcement-learning"],
    ["RL", "reinforcement-learning"],
    ["transformer decoder", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%s → %s", (text, expected) => {
    expect(approachType(text)).toBe(expected);
  });
});

describe("linkType", () => {
  it.each([
    ["Model card", "model-card"],
    ["EU declaration of conformity", "certification-report"],
    ["Fundamental rights impact assessment", "risk-assessment"],
    ["Licence", "license"],
    ["Source code on GitHub", "vcs"],
    ["Instructions for use", "documentation"],
    ["Download the weights", "distribution"],
    ["Product page", "website"],
  ])("%s → %s", (label, expected) => {
    expect(linkType(label)).toBe(expected);
  });
});
