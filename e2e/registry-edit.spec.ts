import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, unique } from "./helpers";

const INVALID_BOM_FIXTURE = "packages/server/test/fixtures/cyclonedx/invalid-ml-bom.json";

/** A CycloneDX 1.6 BOM with schema errors (used when the shared fixture is absent). */
const INLINE_INVALID_BOM = {
  bomFormat: "CycloneDX",
  specVersion: "1.6",
  serialNumber: "not-a-uuid",
  version: 0,
  metadata: { component: { type: "machine-learning-model", name: "Broken model" } },
};

/**
 * Signs in as the secretariat. (The shared helper waits for the user menu, which the header folds
 * into its menu button when the navigation does not fit.)
 */
async function signInAsAdmin(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

async function createOrganization(page: Page, name: string) {
  await page.goto("/admin/organizations");
  const form = page.getByTestId("create-organization-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Type").selectOption("industry");
  await form.getByRole("button", { name: "Register" }).click();
  await expect(page.getByTestId("org-row").filter({ hasText: name })).toBeVisible();
}

/** Opens a section of the system editor (an accordion item) unless it is open. */
async function openSection(page: Page, name: string) {
  const control = page.getByRole("button", { name, exact: false }).first();
  if ((await control.getAttribute("aria-expanded")) !== "true") await control.click();
}

test("the secretariat registers a system, records a risk, answers an assessment with evidence and publishes it", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const orgName = unique("Talentia Labs");
  const systemName = unique("CV screening assistant");
  await signInAsAdmin(page);
  await createOrganization(page, orgName);

  // The form: the secretariat may register for any organization.
  await page.goto("/registry/new");
  await expect(page.getByRole("heading", { level: 1, name: "Register an AI system" })).toBeVisible();
  const form = page.getByTestId("system-form");
  await form.getByLabel("Provider organization").selectOption({ label: orgName });
  await form.getByLabel("Name", { exact: true }).fill(systemName);
  await form.getByLabel("Version", { exact: true }).fill("1.0.0");
  await form.getByLabel("Intended purpose").fill("Ranks job applications for recruiters to review.");
  await form.getByLabel("Description", { exact: true }).fill("A gradient-boosted ranker over parsed CVs.");

  // Profile: the provider role and the employment purpose, and a yes / no / don't know fact.
  await openSection(page, "System profile");
  const roles = form.getByTestId("fact-roles");
  await roles.getByText("Choose", { exact: true }).click();
  await roles.getByLabel("Provider").check();
  const purposes = form.getByTestId("fact-purposes");
  await purposes.getByText("Choose", { exact: true }).click();
  await purposes.getByLabel(/^Employment/).check();
  await form.getByTestId("fact-interactsWithPeople").getByText("Yes", { exact: true }).click();

  // Model card: one metric and one limitation.
  await openSection(page, "Model card");
  await form.getByRole("button", { name: "Add a metric" }).click();
  await form.getByTestId("metric-0-name").fill("NDCG@10");
  await form.getByTestId("metric-0-value").fill("0.81");
  await form.getByRole("button", { name: "Add an entry: Limitations" }).click();
  await form.getByTestId("modelCard.limitations.0").fill("Less accurate on CVs not written in English.");

  // A dataset whose digest is checked before anything is sent.
  await openSection(page, "Datasets");
  await form.getByRole("button", { name: "Add a dataset" }).click();
  const dataset = form.getByTestId("dataset-0");
  await dataset.getByLabel("Dataset name").fill("Historic applications 2019–2023");
  await dataset.getByLabel("SHA-256 of the snapshot").fill("abc");
  await dataset.getByText("Yes", { exact: true }).click();

  // Deployment and contact; the address is refused by the server, not by the browser.
  await openSection(page, "Deployment, contact and links");
  const countries = form.getByTestId("deployment-countries");
  await countries.click();
  await countries.fill("France");
  await page
    .getByRole("option", { name: /France/ })
    .first()
    .click();
  await form.getByLabel("Contact email").fill("ai@talentia.x");

  await openSection(page, "Who may read what");
  await form.getByTestId("visibility-datasets").selectOption("secretariat");

  await form.getByTestId("save-system").click();
  const sha = dataset.getByLabel("SHA-256 of the snapshot");
  await expect(sha).toHaveAttribute("aria-invalid", "true");
  await expect(dataset).toContainText("Enter 64 hexadecimal characters");
  await sha.fill("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  await form.getByTestId("save-system").click();

  // The server's 400 is shown at the field it names (body.document.contact.email).
  const email = form.getByLabel("Contact email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("section-deployment")).toContainText("Problems: 1");
  await email.fill("ai@talentia.example");
  await form.getByTestId("save-system").click();
  await expect(page).toHaveURL(/\/registry\/systems\/[0-9a-f-]{36}$/);
  const systemUrl = new URL(page.url()).pathname;

  // A risk, then the matrix shows it in its cell (likelihood 4, impact 3).
  await page.getByTestId("tab-risks").click();
  await page.getByTestId("add-risk").click();
  const risk = page.getByTestId("risk-form");
  await risk.getByTestId("risk-category").click();
  await risk.getByTestId("risk-category").fill("1.1");
  await page.getByRole("option", { name: /^1\.1 · / }).click();
  await risk.getByLabel("Risk", { exact: true }).fill("Ranks women lower for the same experience");
  await risk.getByLabel("Likelihood", { exact: true }).selectOption("4");
  await risk.getByLabel("Impact", { exact: true }).selectOption("3");
  await risk.getByRole("button", { name: "Add an entry: Mitigations" }).click();
  await risk.getByTestId("mitigations.0").fill("Quarterly disparate-impact audit");
  await risk.getByLabel("Owner").fill("Head of data science");
  await risk.getByTestId("risk-save").click();
  const row = page.getByTestId("risk-row").filter({ hasText: "Ranks women lower" });
  await expect(row).toContainText("4 × 3 = 12");
  await expect(row).toContainText("High");
  await expect(page.getByTestId("summary-inherent-high")).toHaveText("1");
  await page.getByTestId("risk-view").getByText("5 × 5 matrix").click();
  await expect(page.getByTestId("matrix-cell-4-3")).toHaveAttribute("data-count", "1");
  await expect(page.getByTestId("matrix-cell-3-4")).toHaveAttribute("data-count", "0");

  // A NIST AI RMF assessment: answer the first question with an evidence file.
  await page.getByTestId("tab-assessments").click();
  await page.getByTestId("assessment-kind").selectOption("nist-ai-rmf");
  await page.getByTestId("start-assessment").click();
  await expect(page).toHaveURL(/\/registry\/assessments\/[0-9a-f-]{36}$/);
  const question = page.getByTestId("question").first();
  await question.getByLabel("Yes", { exact: true }).check();
  await expect(question.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  const evidence = "Bias audit report, Q3.\n";
  await question.getByTestId("evidence-file").setInputFiles({
    name: "bias-audit.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(evidence),
  });
  const sha256 = createHash("sha256").update(evidence).digest("hex");
  await expect(question.getByTestId("evidence-sha256")).toHaveAttribute("data-sha256", sha256);
  await expect(question.getByTestId("evidence-item")).toContainText("bias-audit.txt");
  await expect(question.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await page.reload();
  await expect(page.getByTestId("question").first().getByTestId("evidence-item")).toContainText("bias-audit.txt");
  await expect(page.getByTestId("assessment-score")).toContainText("100%");

  // Submitted from the editor, sent back with a note the provider then reads, submitted again.
  await page.goto(`${systemUrl}/edit`);
  await page.getByTestId("submit-system").click();
  await expect(page.getByTestId("not-editable")).toBeVisible();
  await expect(page.getByTestId("lifecycle-submitted-on")).toContainText("Submitted for review on");
  await page.goto("/admin/registry");
  await page.getByRole("button", { name: `Send back ${systemName}` }).click();
  await page.getByRole("dialog").getByLabel("Note to the provider").fill("Name the datasets' licences.");
  await page.getByTestId("confirm-reject").click();
  await expect(page.getByTestId("queue-done")).toContainText("was sent back to its provider.");
  await page.goto(`${systemUrl}/edit`);
  const returned = page.getByTestId("lifecycle-returned");
  await expect(returned).toContainText("Returned by the secretariat on");
  await expect(returned).toContainText("Name the datasets' licences.");
  await page.getByTestId("submit-system").click();
  await expect(page.getByTestId("not-editable")).toBeVisible();

  // Published from the secretariat's queue.
  await page.goto("/admin/registry");
  const queued = page.getByTestId("queue-row").filter({ hasText: systemName });
  await expect(queued).toContainText(orgName);
  await queued.getByTestId("publish-system").click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("queue-done")).toContainText(systemName);
  await expect(page.getByTestId("queue-done")).toContainText("is published.");
  await expect(page.getByTestId("queue-row").filter({ hasText: systemName })).toHaveCount(0);
});

test("an invalid ML-BOM is refused with every schema error and its path; nothing is saved", async ({ page }) => {
  const orgName = unique("BOM Importers");
  await signInAsAdmin(page);
  await createOrganization(page, orgName);
  await page.goto("/registry/new");
  await page.getByTestId("editor-mode").getByText("Import a CycloneDX ML-BOM").click();
  const form = page.getByTestId("bom-import-form");
  await page.getByLabel("Provider organization").selectOption({ label: orgName });
  const buffer = existsSync(INVALID_BOM_FIXTURE)
    ? readFileSync(INVALID_BOM_FIXTURE)
    : Buffer.from(JSON.stringify(INLINE_INVALID_BOM));
  await form
    .getByTestId("bom-file")
    .setInputFiles({ name: "invalid-ml-bom.json", mimeType: "application/json", buffer });
  await form.getByTestId("bom-import").click();
  const errors = page.getByTestId("bom-errors");
  await expect(errors).toContainText("Nothing was saved");
  await expect(errors.getByTestId("bom-error").filter({ hasText: "bom.serialNumber" })).toBeVisible();
  expect(await errors.getByTestId("bom-error").count()).toBeGreaterThan(1);
  await expect(page).toHaveURL(/\/registry\/new$/);

  // Not JSON at all: said in the browser, nothing sent.
  await form
    .getByTestId("bom-file")
    .setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{oops") });
  await form.getByTestId("bom-import").click();
  await expect(form).toContainText("This file is not valid JSON.");
});

test("the system editor and the review queue fit a phone screen @phone", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/registry/new");
  await expect(page.getByTestId("system-form")).toBeVisible();
  const form = page.getByTestId("system-form");
  for (const section of [
    "System profile",
    "Model card",
    "Datasets",
    "Deployment, contact and links",
    "Who may read what",
  ]) {
    await openSection(page, section);
  }
  await form.getByRole("button", { name: "Add a metric" }).click();
  await form.getByRole("button", { name: "Add a dataset" }).click();
  await expect(page.getByTestId("visibility-datasets")).toBeVisible();
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByTestId("editor-mode").getByText("Import a CycloneDX ML-BOM").click();
  await expect(page.getByTestId("bom-import-form")).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.goto("/admin/registry");
  await expect(page.getByRole("heading", { name: "Systems waiting for review" })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
