import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SystemDocument } from "@concordia/core";
import { modelAct } from "../../core/test/rules-fixture.js";

const repoData = fileURLToPath(new URL("../../../data/", import.meta.url));

/**
 * A reference-data folder for registry tests: the fictional Model Act, the real NIST AI RMF (for
 * its questionnaire) and the real risk taxonomies.
 */
export function registryDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "concordia-registry-"));
  for (const sub of ["frameworks", "crosswalks", "risk-taxonomies"]) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, "frameworks", "test-model-act.json"), JSON.stringify(modelAct()));
  copyFileSync(join(repoData, "frameworks", "nist-ai-rmf.json"), join(dir, "frameworks", "nist-ai-rmf.json"));
  for (const f of ["mit-ai-risk-repository.json", "nist-ai-600-1.json"]) {
    copyFileSync(join(repoData, "risk-taxonomies", f), join(dir, "risk-taxonomies", f));
  }
  return dir;
}

/** A CV-screening system in the fictional jurisdiction XA (high-risk under the Model Act). */
export function cvScreeningDocument(overrides: Partial<SystemDocument> = {}): SystemDocument {
  return {
    kind: "system",
    name: "TalentSift CV ranker",
    versionLabel: "2.1.0",
    intendedPurpose: "Ranks job applications for recruiters, who make the decision.",
    description: "Gradient-boosted ranking over parsed curricula vitae; recruiters see a shortlist with reasons.",
    translations: { zh: { name: "人才筛选简历排序", intendedPurpose: "为招聘人员对求职申请进行排序" } },
    profile: {
      profileVersion: "1",
      roles: ["provider"],
      places: { placedOnMarket: ["XA"], used: ["XA"] },
      purposes: ["employment"],
      functions: ["profiling"],
      derogation: { preparatoryTask: false },
    },
    modelCard: { approach: "supervised", task: "ranking", metrics: [{ name: "NDCG@10", value: "0.71" }] },
    datasets: [{ name: "Historical applications 2019–2023", containsPersonalData: true }],
    deploymentCountries: ["XA"],
    contact: { name: "Compliance desk", email: "compliance@talentsift.example" },
    links: [{ label: "Documentation", url: "https://talentsift.example/docs" }],
    visibility: {
      description: "public",
      profile: "public",
      modelCard: "public",
      datasets: "members",
      deployment: "public",
      contact: "members",
      links: "public",
    },
    ...overrides,
  };
}
