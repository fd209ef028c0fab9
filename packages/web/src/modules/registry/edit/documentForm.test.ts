import { DEFAULT_VISIBILITY, type SystemDocument } from "@concordia/core";
import { describe, expect, it } from "vitest";
import { documentToForm, emptyDataset, emptyDocumentForm, emptyMetric, formToDocument } from "./documentForm";

const FULL: SystemDocument = {
  kind: "gpai-model",
  name: "Atlas",
  versionLabel: "2.1.0",
  intendedPurpose: "Summarize documents",
  description: "A language model.",
  translations: { fr: { name: "Atlas FR", description: "Un modèle." } },
  profile: { profileVersion: "1", name: "Atlas", roles: ["provider"], functions: [], interactsWithPeople: false },
  modelCard: {
    approach: "transformer decoder",
    inputs: ["text"],
    metrics: [{ name: "accuracy", value: "0.91", dataset: "MMLU" }],
    limitations: ["hallucinations"],
    license: "Apache-2.0",
  },
  datasets: [{ name: "Common Crawl", containsPersonalData: true, sha256: "a".repeat(64) }],
  deploymentCountries: ["FR", "EU"],
  contact: { email: "ai@example.org" },
  links: [{ label: "Docs", url: "https://example.org" }],
  visibility: { ...DEFAULT_VISIBILITY, datasets: "secretariat" },
};

describe("document form", () => {
  it("round-trips a full document", () => {
    const { document } = formToDocument(documentToForm(FULL));
    expect(document).toEqual(FULL);
  });

  it("leaves out empty optional texts and blank rows", () => {
    const form = emptyDocumentForm();
    form.name = " Atlas ";
    form.versionLabel = "1";
    form.intendedPurpose = "x";
    form.description = "y";
    form.modelCard.limitations = ["", "  ", "real"];
    form.modelCard.metrics = [emptyMetric()];
    form.datasets = [emptyDataset()];
    const { document, rows } = formToDocument(form);
    expect(document.name).toBe("Atlas");
    expect(document.translations).toBeUndefined();
    expect(document.contact).toBeUndefined();
    expect(document.datasets).toBeUndefined();
    expect(document.modelCard).toEqual({ limitations: ["real"] });
    expect(document.profile).toEqual({ profileVersion: "1", name: "Atlas" });
    expect(document.visibility).toEqual(DEFAULT_VISIBILITY);
    expect(rows["modelCard.limitations"]).toEqual([2]);
  });

  it("starts with the default visibility and unknown profile facts", () => {
    const form = emptyDocumentForm();
    expect(form.visibility).toEqual(DEFAULT_VISIBILITY);
    expect(form.profile.booleans.interactsWithPeople).toBe("unknown");
    expect(documentToForm({ name: "only a name" }).visibility).toEqual(DEFAULT_VISIBILITY);
  });

  it("keeps 'no' apart from 'unknown' for personal data", () => {
    const form = documentToForm({ ...FULL, datasets: [{ name: "a", containsPersonalData: false }, { name: "b" }] });
    expect(form.datasets.map((d) => d.containsPersonalData)).toEqual(["no", "unknown"]);
  });
});
