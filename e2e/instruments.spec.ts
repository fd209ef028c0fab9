import { expect, type Page, test } from "@playwright/test";
import { ADMIN, unique } from "./helpers";

/**
 * The rules library against the reviewed reference data (data/frameworks), loaded into the fresh
 * database when the server starts; and the secretariat publishing a new instrument.
 */

/** Signs in and waits until the sign-in page has been left (the user menu may sit in the burger menu). */
async function signInAsAdmin(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

const cards = (page: Page) => page.getByTestId("instrument-card");

test("the library filters by jurisdiction, kind and status in the URL and searches in any language", async ({
  page,
}) => {
  await page.goto("/instruments");
  await expect(page.getByRole("heading", { level: 1, name: "AI rules library" })).toBeVisible();
  await expect(cards(page).first()).toBeVisible();
  const all = await cards(page).count();

  // A country also lists its states and cities, each labelled in words.
  await page.getByLabel("Jurisdiction").selectOption("US");
  await expect(page).toHaveURL(/jurisdiction=US/);
  await expect(page.locator('[data-id="eu-ai-act"]')).toHaveCount(0);
  await expect(page.locator('[data-id="us-co-sb24-205"]')).toBeVisible();
  const places = await cards(page).getByTestId("jurisdiction").allInnerTexts();
  expect(places.length).toBeGreaterThan(0);
  expect(places.length).toBeLessThan(all);
  for (const place of places) expect(place).toMatch(/United States$/);
  expect(places).toContain("Colorado, United States");

  // Binding laws only: voluntary frameworks drop out.
  await page.getByLabel("Kind").selectOption("binding-law");
  await expect(page).toHaveURL(/kind=binding-law/);
  await expect(page.locator('[data-id="nist-ai-rmf"]')).toHaveCount(0);
  for (const badge of await cards(page).getByTestId("binding-badge").allInnerTexts()) expect(badge).toMatch(/binding/i);
  await page.getByLabel("Status").selectOption("in-force");
  await expect(page).toHaveURL(/status=in-force/);
  await expect(page.locator('[data-id="us-co-sb24-205"]')).toHaveCount(0); // repealed
  for (const status of await cards(page).getByTestId("status-badge").allInnerTexts())
    expect(status).toMatch(/in force/i);

  // The filters survive a reload: they live in the URL.
  await page.reload();
  await expect(page.getByLabel("Kind")).toHaveValue("binding-law");
  await expect(page.getByLabel("Jurisdiction")).toHaveValue("US");

  // Full-text search in Chinese finds the Chinese labelling measures, with the number of matching requirements.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/instruments$/);
  await page.getByTestId("library-search").fill("标识");
  await page.getByTestId("library-search-submit").click();
  await expect(page).toHaveURL(/q=/);
  const labelling = page.locator('[data-id="cn-ai-content-labeling"]');
  await expect(labelling).toBeVisible();
  await expect(labelling.getByTestId("official-title")).toHaveAttribute("lang", "zh");
  await expect(page.getByTestId("instrument-count")).not.toHaveText("Instruments found: 0");
  await expect(labelling.getByTestId("matches")).toHaveText(/^\d+$/);

  // In English, the matching requirements are counted.
  await page.getByTestId("library-search").fill("implicit label");
  await page.getByTestId("library-search-submit").click();
  await expect(page.locator('[data-id="nist-ai-rmf"]')).toHaveCount(0);
  await expect(labelling.getByTestId("matches")).toHaveText(/^[1-9]\d*$/);

  // Nothing found: an empty state, not an error.
  await page.getByTestId("library-search").fill("zzzz-no-such-word");
  await page.getByTestId("library-search-submit").click();
  await expect(page.getByText("Nothing matches")).toBeVisible();
  await expect(page.getByTestId("instrument-count")).toHaveText("Instruments found: 0");

  // Requirement search lists requirements with links to their pages.
  await page.getByRole("tab", { name: "Requirements" }).click();
  await page.getByTestId("library-search").fill("emotion recognition");
  await page.getByTestId("library-search-submit").click();
  const hit = page.getByTestId("requirement-hit").filter({ hasText: "Art. 5(1)(f)" });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(/\/instruments\/eu-ai-act\/requirements\/art-5-1-f$/);
  await expect(page.getByTestId("requirement-title")).toContainText(/emotion recognition/i);
});

test("an instrument's requirement tree leads to a requirement page with its citation and condition", async ({
  page,
}) => {
  await page.goto("/instruments/eu-ai-act");
  await expect(page.getByTestId("instrument-title")).toHaveText("EU AI Act");
  await expect(page.getByTestId("application-timeline")).toBeVisible();
  // Postponed dates keep their earlier date, shown as replaced.
  await expect(page.getByTestId("date-change").first()).toBeVisible();
  await expect(page.getByTestId("source-link").first()).toHaveAttribute("href", /^https?:\/\//);
  await expect(page.getByTestId("version-row").first()).toContainText("Current");
  await expect(page.getByTestId("version-log-link").first()).toHaveAttribute("href", /\/log\/entries\/\d+$/);

  // The tree opens and closes with buttons that say so.
  const art5 = page.locator('[data-testid="tree-node"][data-id="art-5"]');
  const toggle = art5.getByTestId("tree-toggle").first();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const emotion = art5.locator('[data-testid="tree-node"][data-id="art-5-1-f"]');
  await expect(emotion).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(emotion).toHaveCount(0);
  await toggle.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");

  await emotion.getByTestId("tree-link").first().click();
  await expect(page).toHaveURL(/\/instruments\/eu-ai-act\/requirements\/art-5-1-f$/);
  await expect(page.getByTestId("requirement-ref")).toContainText("Art. 5(1)(f)");
  await expect(page.getByTestId("breadcrumb")).toContainText("EU AI Act");
  await expect(page.getByTestId("breadcrumb")).toContainText("Art. 5 (Chapter II)");
  await expect(page.getByTestId("condition-text")).toContainText("functions includes emotion-recognition AND contexts");
  await expect(page.getByTestId("section-mappings")).toBeVisible();
  await expect(page).toHaveTitle(/Art\. 5\(1\)\(f\)/);

  // Back up the breadcrumb to the parent requirement, which lists this one among its children.
  await page.getByTestId("breadcrumb").getByRole("link", { name: "Art. 5 (Chapter II)" }).click();
  await expect(page).toHaveURL(/\/requirements\/art-5$/);
  await expect(page.getByTestId("child-link").filter({ hasText: "Art. 5(1)(f)" })).toBeVisible();

  // Crosswalk mappings (data/crosswalks): direct ones first, each a link to the other instrument's requirement.
  await page.goto("/instruments/eu-ai-act/requirements/art-9-1");
  const direct = page.locator('[data-testid="mapping-row"][data-direct="true"]');
  await expect(direct.first()).toBeVisible();
  await expect(direct.first()).toContainText(/\d+ \/ 10/);
  const inferredToggle = page.getByTestId("toggle-inferred");
  if (await inferredToggle.isVisible()) {
    await inferredToggle.click();
    await expect(page.locator('[data-testid="mapping-row"][data-direct="false"]').first()).toContainText(
      /Inferred, \d+ hops/,
    );
  }
  await direct.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/instruments\/(?!eu-ai-act\/)[^/]+\/requirements\/[^/]+$/);
  await expect(page.getByTestId("requirement-title")).toBeVisible();
});

const instrumentYaml = (id: string, version: string, title: string, addressee: string) => `# A test instrument
id: ${id}
version: "${version}"
shortTitle: E2E Act ${id}
titles:
  en: Act on testing AI end to end
jurisdiction: US-CO
issuingBody: Test legislature
kind: binding-law
status: in-force
dates:
  entryIntoForce: "2026-01-01"
applicationDates: []
sources:
  - label: The test act
    url: https://example.org/act
lastReviewed: "2026-01-01"
summary: A test instrument published by the end-to-end tests.
requirements:
  - id: s-1
    ref: "§ 1"
    ${title ? `title: ${title}\n    ` : ""}summary: Keep records of the system's use.
    addressees: [${addressee}]
`;

test("the secretariat sees each schema error with its path, then publishes versions logged and compared", async ({
  page,
}) => {
  const id = unique("e2e-act");
  await signInAsAdmin(page);
  await page.goto("/admin/instruments");
  await expect(page.getByRole("heading", { name: "Publish an instrument version" })).toBeVisible();
  // Overdue reviews: none at a year, every reviewed item when the limit is 0 days.
  await expect(page.getByRole("heading", { name: "Reviews overdue" })).toBeVisible();
  await page.getByLabel("Overdue after (days)").fill("0");
  await expect(page.getByTestId("overdue-count")).toContainText(/Overdue reviews: [1-9]/);

  // A YAML file with two mistakes: every error is listed with its path inside the file.
  await page.getByTestId("instrument-file").setInputFiles({
    name: "act.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from(instrumentYaml(id, "1", "", "robot")),
  });
  await expect(page.getByTestId("instrument-content")).toHaveValue(/# A test instrument/);
  await expect(page.getByTestId("instrument-format").locator("option").first()).toHaveText("Detect (YAML)");
  await page.getByTestId("validate-button").click();
  await expect(page.getByTestId("validation-invalid")).toBeVisible();
  const paths = page.getByTestId("validation-error-path");
  await expect(paths).toHaveCount(2);
  await expect(paths).toContainText(["requirements.0.title", "requirements.0.addressees.0"]);
  await expect(page.getByTestId("publish-button")).toBeDisabled();

  // Corrected and pasted: valid, then published, with a link to its log record.
  await page.getByTestId("instrument-content").fill(instrumentYaml(id, "1", "Records", "deployer"));
  await page.getByTestId("validate-button").click();
  await expect(page.getByTestId("validation-valid")).toContainText(`${id}, version 1: 1 requirements`);
  await page.getByTestId("publish-button").click();
  const published = page.getByTestId("published");
  await expect(published).toContainText(`${id}, version 1, was published`);
  const index = await published.getAttribute("data-index");
  expect(index).toMatch(/^\d+$/);

  // Publishing the same version twice is refused with the server's problem.
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("problem-alert")).toContainText(/already published/i);

  // A second version, as JSON this time.
  const v2 = {
    id,
    version: "2",
    shortTitle: `E2E Act ${id}`,
    titles: { en: "Act on testing AI end to end" },
    jurisdiction: "US-CO",
    issuingBody: "Test legislature",
    kind: "binding-law",
    status: "partially-applicable",
    dates: { entryIntoForce: "2026-01-01" },
    applicationDates: [],
    sources: [{ label: "The test act", url: "https://example.org/act" }],
    lastReviewed: "2026-02-01",
    summary: "A test instrument published by the end-to-end tests.",
    requirements: [
      {
        id: "s-1",
        ref: "§ 1",
        title: "Records of use",
        summary: "Keep records of the system's use.",
        addressees: ["deployer"],
      },
      { id: "s-2", ref: "§ 2", title: "Notice", summary: "Tell people.", addressees: ["deployer"] },
    ],
  };
  await page.getByTestId("instrument-content").fill(JSON.stringify(v2, null, 2));
  await expect(page.getByTestId("instrument-format").locator("option").first()).toHaveText("Detect (JSON)");
  await page.getByTestId("publish-button").click();
  await expect(published).toContainText(`${id}, version 2, was published`);
  const index2 = await published.getAttribute("data-index");

  // The record verifies in the browser.
  await published.getByTestId("published-verify").click();
  await expect(page).toHaveURL(new RegExp(`/verify\\?index=${index2}$`));
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.reload(); // the receipt may need a moment to be in a checkpoint
    await expect(page.getByTestId("verify-result")).toHaveAttribute("data-status", "pass", { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });

  // The instrument page lists both versions with their log records and shows what changed.
  await page.goto(`/instruments/${id}`);
  await expect(page.getByTestId("instrument-version")).toHaveText("2");
  await expect(page.getByTestId("version-row")).toHaveCount(2);
  await expect(
    page.locator('[data-testid="version-row"][data-version="1"]').getByTestId("version-log-link"),
  ).toHaveAttribute("href", `/log/entries/${index}`);
  await page.getByTestId("compare-button").click();
  await expect(page).toHaveURL(/from=.*1.*&to=.*2/);
  const diff = page.getByTestId("diff-view");
  await expect(diff.locator('[data-testid="diff-field"][data-field="status"]')).toContainText("In force");
  await expect(diff.locator('[data-testid="diff-field"][data-field="status"]')).toContainText("Partly applicable");
  await expect(diff.locator('[data-testid="diff-requirement"][data-change="added"]')).toContainText("§ 2");
  const changed = diff.locator('[data-testid="diff-requirement"][data-change="changed"]');
  await expect(changed.locator('[data-field="title"]')).toContainText("Records");
  await expect(changed.locator('[data-field="title"]')).toContainText("Records of use");

  // The old version stays readable, marked as not current.
  await page
    .locator('[data-testid="version-row"][data-version="1"]')
    .getByRole("link", { name: "1", exact: true })
    .click();
  await expect(page).toHaveURL(/version=/);
  await expect(page.getByText("You are reading version 1, not the current one.")).toBeVisible();
});

test("a visitor cannot open the publishing tab", async ({ page }) => {
  await page.goto("/admin/instruments");
  await expect(page.getByTestId("not-authorized")).toBeVisible();
  await expect(page.getByTestId("upload-instrument-form")).toHaveCount(0);
});

test("the library and an instrument fit a phone screen @phone", async ({ page }) => {
  for (const path of ["/instruments", "/instruments/eu-ai-act", "/instruments/eu-ai-act/requirements/art-5-1-f"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
