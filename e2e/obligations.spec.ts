import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";

/** Answers a list question: "Choose", then tick each option. */
async function chooseOptions(page: Page, fact: string, labels: string[]) {
  const field = page.getByTestId(`fact-${fact}`);
  await field.getByText("Choose", { exact: true }).click();
  for (const label of labels) await field.getByLabel(label, { exact: true }).check();
}

/** Answers a list question with "None" (an empty, complete list). */
async function answerNone(page: Page, fact: string) {
  await page.getByTestId(`fact-${fact}`).getByText("None", { exact: true }).click();
}

/** Answers a place question with one jurisdiction, picked from the searchable list. */
async function choosePlace(page: Page, fact: string, search: string, option: string) {
  const field = page.getByTestId(`fact-${fact}`);
  await field.getByText("Choose", { exact: true }).click();
  await field.getByRole("combobox").fill(search);
  await page.getByRole("option", { name: option, exact: true }).click();
  await page.keyboard.press("Escape");
}

/** Answers a yes / no / don't know question. */
async function answer(page: Page, fact: string, choice: "Yes" | "No") {
  await page.getByTestId(`fact-${fact}`).getByText(choice, { exact: true }).click();
}

async function next(page: Page, heading: string) {
  await page.getByTestId("wizard-next").click();
  await expect(page.getByTestId("step-heading")).toHaveText(heading);
}

const aiAct = (page: Page) => page.locator('[data-testid="instrument-result"][data-instrument="eu-ai-act"]');

async function expectHighRiskDeployer(page: Page) {
  await expect(aiAct(page).getByTestId("instrument-category")).toContainText("High-risk");
  const art26 = aiAct(page).locator('[data-testid="obligation"][data-requirement="art-26-1"]');
  await expect(art26).toHaveAttribute("data-status", "applies");
  await expect(art26.getByRole("link", { name: /Art\. 26\(1\)/ })).toHaveAttribute(
    "href",
    "/instruments/eu-ai-act/requirements/art-26-1",
  );
  return art26;
}

test("an employer screening CVs in Germany finds the EU AI Act's high-risk deployer duties, shareable and exportable", async ({
  page,
}) => {
  // Five steps of answers, two result pages and a download: longer than one page's budget.
  test.setTimeout(150_000);
  await page.goto("/obligations");
  await expect(page.getByTestId("step-heading")).toHaveText("Roles and places");

  await chooseOptions(page, "roles", ["Deployer"]);
  await choosePlace(page, "places.establishment", "Germ", "Germany (DE)");
  await choosePlace(page, "places.used", "Germ", "Germany (DE)");
  await next(page, "Purposes and uses");

  await chooseOptions(page, "purposes", ["Employment, workers' management and access to self-employment"]);
  await chooseOptions(page, "functions", ["Profiling of natural persons", "Automated decision-making"]);
  await answerNone(page, "contexts");
  await next(page, "Output and interaction");

  await answerNone(page, "generative.modalities");
  await answer(page, "consequentialDecision", "Yes");
  await next(page, "Safety and derogation");

  await answer(page, "safetyComponent.annexIProduct", "No");
  await next(page, "Models and organization");

  await answer(page, "gpai.isGeneralPurposeModel", "No");
  // Scientific notation is read back as understood.
  await page.getByTestId("number-gpai.trainingComputeFlop").fill("10^22");
  await expect(page.getByTestId("readback-gpai.trainingComputeFlop")).toContainText("10²²");
  for (const fact of [
    "exclusions.militaryDefenceNationalSecurity",
    "exclusions.scientificResearchOnly",
    "exclusions.personalNonProfessional",
  ]) {
    await answer(page, fact, "No");
  }
  await page.getByTestId("wizard-next").click();
  await expect(page.getByTestId("step-heading")).toHaveText("Results");
  await page.getByTestId("as-of").fill("2026-11-26");

  // EU AI Act: high-risk, with the deployer's Art. 26 duties and the facts they rest on.
  const art26 = await expectHighRiskDeployer(page);
  await expect(art26.getByTestId("applies-from")).toHaveText(/Applies from|In effect since/);
  await art26.getByTestId("reasons-toggle").click();
  const rows = art26.getByTestId("trace-row");
  const roles = rows.filter({ hasText: "Roles" }).first();
  await expect(roles).toContainText("deployer");
  await expect(roles).toContainText("Met");
  await expect(rows.filter({ hasText: "Purposes" }).first()).toContainText("employment");
  await expect(rows.filter({ hasText: "Unknown" })).toHaveCount(0);

  // The address holds the whole profile: reloading it shows the same results.
  await expect(page).toHaveURL(/[?&]p=[A-Za-z0-9_-]+/);
  await expect(page).toHaveURL(/asOf=2026-11-26/);
  const url = page.url();
  const p = new URL(url).searchParams.get("p")!;
  const profile = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  expect(profile).toMatchObject({
    profileVersion: "1",
    roles: ["deployer"],
    places: { establishment: ["DE"], used: ["DE"] },
    purposes: ["employment"],
    contexts: [],
    gpai: { isGeneralPurposeModel: false, trainingComputeFlop: 1e22 },
  });
  expect(profile.publicFacing).toBeUndefined(); // "Don't know" leaves the fact out

  const visitor = await page.context().browser()!.newContext();
  const shared = await visitor.newPage();
  await shared.goto(url);
  await expect(shared.getByTestId("step-heading")).toHaveText("Results");
  await expectHighRiskDeployer(shared);
  await visitor.close();

  // CSV: one row per obligation, with the reasons.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("concordia-obligations-2026-11-26.csv");
  const csv = await readFile(await file.path(), "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "jurisdiction,instrument,instrumentId,binding,category,possibleCategories,requirementRef,requirementId,title,status,appliesFrom,inEffect,reasons",
  );
  const row = lines.find((l) => l.includes(",eu-ai-act,") && l.includes(",art-26-1,"));
  expect(row).toBeDefined();
  expect(row).toContain(",applies,");
  expect(row).toContain("roles includes any of");

  // The comply-once checklist answers for the same profile.
  await page.getByTestId("tab-comply-once").click();
  await expect(page.getByTestId("checklist-item").first()).toBeVisible();
});

test("a profile file can be imported, and a broken link says so", async ({ page }) => {
  await page.goto("/obligations?p=not-a-profile");
  await expect(page.getByTestId("bad-link")).toBeVisible();
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("import-profile").click();
  await (await chooser).setFiles({
    name: "profile.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({
        profileVersion: "1",
        roles: ["deployer"],
        places: { establishment: ["DE"], used: ["DE"] },
        purposes: ["employment"],
        functions: ["profiling"],
        safetyComponent: { annexIProduct: false },
        exclusions: {
          militaryDefenceNationalSecurity: false,
          scientificResearchOnly: false,
          personalNonProfessional: false,
        },
      }),
    ),
  });
  await expect(page.getByTestId("step-heading")).toHaveText("Results");
  await expect(aiAct(page).getByTestId("instrument-category")).toContainText("High-risk");
});

test("crosswalk heatmap cells open their requirement pairs, and the gap page shows coverage", async ({
  page,
  request,
}) => {
  const crosswalks = await (await request.get("/api/v1/crosswalks")).json();
  // The reference data ships 10 crosswalk files; the test must never pass by having none to show.
  expect(crosswalks.items.length).toBeGreaterThan(0);

  await page.goto("/crosswalks");
  await expect(page.getByTestId("heatmap")).toBeVisible();
  await expect(page.getByTestId("heatmap-legend")).toBeVisible();
  await expect(page.getByTestId("crosswalk-file")).toHaveCount(crosswalks.items.length);
  const cell = page.getByTestId("heatmap-cell").first();
  const covering = (await cell.getAttribute("data-covering"))!;
  const target = (await cell.getAttribute("data-target"))!;
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`source=${covering}.*target=${target}|target=${target}.*source=${covering}`));
  await expect(page.getByTestId("pairs-section")).toBeVisible();
  await expect(page.getByTestId("pair-row").first()).toBeVisible();
  // Each pair links both requirements: the one complied with (covering) and the one covered (target).
  const links = page.getByTestId("pair-row").first().getByTestId("requirement-link");
  await expect(links.nth(0)).toHaveAttribute("href", new RegExp(`^/instruments/${covering}/requirements/`));
  await expect(links.nth(1)).toHaveAttribute("href", new RegExp(`^/instruments/${target}/requirements/`));

  await page.getByRole("link", { name: "Open as a gap analysis" }).click();
  await expect(page).toHaveURL(/\/gap\?/);
  await expect(page.getByTestId("gap-summary")).toBeVisible();
  await expect(page.getByTestId("gap-row").first()).toBeVisible();
  const covered = page.locator('[data-testid="gap-row"]:not([data-coverage="none"])');
  await expect(covered.first()).toBeVisible();
  // Filter by coverage.
  await page.getByTestId("gap-filter").getByText("Not covered", { exact: true }).click();
  await expect(page.locator('[data-testid="gap-row"][data-coverage="full"]')).toHaveCount(0);
});

test("the obligation finder fits a phone screen @phone", async ({ page }) => {
  await page.goto("/obligations");
  await expect(page.getByTestId("step-heading")).toBeVisible();
  await expect(page.getByText("Step 1 of 6: Roles and places")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
