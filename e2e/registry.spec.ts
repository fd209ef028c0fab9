import { readFile } from "node:fs/promises";
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { ADMIN, unique } from "./helpers";

/** Signs a request context in through the API; mutations then carry the session's CSRF token. */
async function signInApi(request: APIRequestContext, email: string, password: string) {
  const res = await request.post("/api/v1/auth/sign-in", { data: { email, password } });
  expect(res.ok(), await res.text()).toBe(true);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = async (method: "POST" | "PUT", path: string, data: unknown) => {
    const r = await request.fetch(path, { method, data, headers: { "x-csrf-token": csrfToken } });
    expect(r.ok(), `${method} ${path}: ${await r.text()}`).toBe(true);
    return r.json();
  };
  return {
    post: (path: string, data: unknown = {}) => send("POST", path, data),
    put: (path: string, data: unknown) => send("PUT", path, data),
    get: async (path: string) => {
      const r = await request.get(path);
      expect(r.ok(), `GET ${path}: ${await r.text()}`).toBe(true);
      return r.json();
    },
  };
}
type Api = Awaited<ReturnType<typeof signInApi>>;

/** Signs a browser context in (its pages share the session cookie) and returns its API handle. */
async function signedInContext(context: BrowserContext, email: string, password: string): Promise<Api> {
  return signInApi(context.request, email, password);
}

/** A high-risk hiring system under the EU AI Act (every fact the Act's scope turns on is answered). */
function hiringSystem(name: string, visibility: Record<string, string> = {}) {
  return {
    kind: "system",
    name,
    versionLabel: "2.1.0",
    intendedPurpose: `Ranks job applications for recruiters (${name}).`,
    description: "A gradient-boosted model scores CVs against a job description. Recruiters review every shortlist.",
    translations: { fr: { intendedPurpose: "Classe les candidatures pour les recruteurs." } },
    profile: {
      profileVersion: "1",
      roles: ["provider"],
      places: {
        establishment: ["DE"],
        placedOnMarket: ["EU"],
        putIntoService: ["DE"],
        used: ["DE", "FR"],
        outputsUsed: ["DE", "FR"],
      },
      purposes: ["employment"],
      functions: ["profiling", "automated-decision"],
      contexts: ["workplace"],
      interactsWithPeople: false,
      publicFacing: false,
      consequentialDecision: true,
      generative: { modalities: [] },
      safetyComponent: { annexIProduct: false },
      derogation: {
        narrowProceduralTask: false,
        improvesHumanActivity: false,
        detectsPatternsWithoutReplacingReview: false,
        preparatoryTask: false,
      },
      gpai: { isGeneralPurposeModel: false },
      exclusions: {
        militaryDefenceNationalSecurity: false,
        scientificResearchOnly: false,
        personalNonProfessional: false,
      },
    },
    modelCard: {
      task: "ranking",
      metrics: [{ name: "NDCG@10", value: "0.82", dataset: "hold-out 2025" }],
      limitations: ["Less accurate for CVs in languages other than English."],
    },
    deploymentCountries: ["DE", "FR"],
    contact: { name: "Compliance desk", email: "compliance@hiring.example" },
    links: [{ label: "Instructions for use", url: "https://hiring.example/ifu" }],
    visibility: {
      description: "public",
      profile: "public",
      modelCard: "public",
      datasets: "members",
      deployment: "public",
      contact: "members",
      links: "public",
      ...visibility,
    },
  };
}

interface Fixture {
  organizationId: string;
  systemId: string;
  name: string;
}

/** The secretariat registers an organization and a system for it, and publishes the system. */
async function publishedSystem(admin: Api, visibility: Record<string, string> = {}): Promise<Fixture> {
  const name = unique("Hiring ranker");
  const org = await admin.post("/api/v1/members/organizations", { name: unique("Talent Analytics"), type: "industry" });
  const system = await admin.post("/api/v1/registry/systems", {
    organizationId: org.id,
    document: hiringSystem(name, visibility),
  });
  await admin.post(`/api/v1/registry/systems/${system.id}/transitions`, { action: "submit" });
  const published = await admin.post(`/api/v1/registry/systems/${system.id}/transitions`, { action: "publish" });
  expect(published.status).toBe("published");
  expect(published.classification.categories).toContain("eu-ai-act:high-risk");
  return { organizationId: org.id, systemId: system.id, name };
}

const row = (page: Page, name: string) => page.getByTestId("system-row").filter({ hasText: name });

test("a published system is found by text and filters, exported as CSV, and shows its classification and obligations", async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const { name, systemId } = await publishedSystem(await signInApi(api, ADMIN.email, ADMIN.password));
  await api.dispose();

  // A visitor searches the public register.
  await page.goto("/registry");
  await expect(page.getByRole("heading", { level: 1, name: "AI system register" })).toBeVisible();
  await page.getByTestId("filter-q").fill(name);
  await page.getByTestId("registry-filters").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(row(page, name)).toHaveCount(1);
  await expect(page.getByTestId("registry-count")).toHaveText("Matching systems: 1");
  await expect(row(page, name).getByTestId("system-categories")).toContainText("EU AI Act: high-risk");

  // Filters live in the URL; a filter that excludes the system empties the list.
  await page.getByTestId("filter-category").selectOption("eu-ai-act:high-risk");
  await expect(page).toHaveURL(/category=eu-ai-act%3Ahigh-risk/);
  await page.getByTestId("filter-sector").selectOption("employment");
  await expect(row(page, name)).toHaveCount(1);
  await page.getByTestId("filter-sector").selectOption("education");
  await expect(page.getByTestId("registry-empty")).toContainText("No system matches");
  await page.getByTestId("filter-sector").selectOption("employment");
  await expect(row(page, name)).toHaveCount(1);

  // The results as CSV: a header and the system's row.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^concordia-registry-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await file.path(), "utf8")).trim().split(/\r?\n/);
  expect(lines[0]).toContain("name");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(name);
  expect(lines[1]).toContain("eu-ai-act:high-risk");

  // The statistics chart the published systems by category (as a table).
  await expect(page.getByTestId("stats-by-category").locator('[data-key="eu-ai-act:high-risk"]')).toBeVisible();

  // The system's page.
  await row(page, name).getByTestId("system-link").click();
  await expect(page).toHaveURL(new RegExp(`/registry/systems/${systemId}`));
  await expect(page.getByTestId("system-name")).toHaveText(name);
  await expect(page.getByTestId("system-status")).toHaveAttribute("data-status", "published");
  await expect(page.getByTestId("system-log-entry")).toHaveAttribute("href", /\/log\/entries\/\d+$/);
  await expect(page.getByTestId("system-log-verify")).toHaveAttribute("href", /\/verify\?index=\d+$/);

  await page.getByTestId("tab-classification").click();
  await expect(page).toHaveURL(/tab=classification/);
  const euAiAct = page.locator('[data-testid="classified-instrument"][data-instrument="eu-ai-act"]');
  await expect(euAiAct.getByTestId("classified-category")).toContainText("High-risk AI system");
  await expect(euAiAct).toContainText("Binding");

  await page.getByTestId("tab-obligations").click();
  await expect(page.getByTestId("system-obligations")).toBeVisible();
  const act = page.locator('[data-testid="instrument-result"][data-instrument="eu-ai-act"]');
  await expect(act.getByTestId("obligation").first()).toBeVisible();
  await expect(act.getByTestId("requirement-link").first()).toHaveAttribute(
    "href",
    /\/instruments\/eu-ai-act\/requirements\//,
  );
  // The profile is public here: the reasons are given.
  await expect(page.getByTestId("reasons-withheld")).toHaveCount(0);
  await act.getByTestId("reasons-toggle").first().click();
  await expect(act.getByTestId("trace").first()).toBeVisible();
});

test("members-only fields are hidden from the public and shown to the owner, who submits a new system", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const admin = await signInApi(api, ADMIN.email, ADMIN.password);
  const { name, systemId, organizationId } = await publishedSystem(admin, { profile: "members" });

  // The provider's own person: an account with the provider role in the organization.
  const email = `${unique("provider")}@example.org`;
  const password = "a provider's passphrase";
  const owner = await playwright.request.newContext({ baseURL });
  const signUp = await owner.post("/api/v1/auth/sign-up", { data: { email, password, name: "Pat Provider" } });
  expect(signUp.status(), await signUp.text()).toBe(202);
  // Signing up answers no body and no session: sign in to learn the new account's id.
  const signedIn = await owner.post("/api/v1/auth/sign-in", { data: { email, password } });
  expect(signedIn.ok(), await signedIn.text()).toBe(true);
  const { user } = (await signedIn.json()) as { user: { id: string } };
  // Roles go only to confirmed addresses: confirm it with the link the outbox holds.
  const outbox = (await admin.get(`/api/v1/admin/outbox?to=${encodeURIComponent(email)}`)) as {
    items: { text: string }[];
  };
  const token = outbox.items.map((m) => /verify-email\?token=([\w-]+)/.exec(m.text)?.[1]).find(Boolean);
  expect(token, "a confirmation link in the outbox").toBeTruthy();
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.post("/api/v1/auth/verify-email", { data: { token } })).status()).toBe(204);
  await anonymous.dispose();
  await admin.post("/api/v1/members/roles", { userId: user.id, organizationId, role: "provider" });
  await owner.dispose();

  // The public sees that contact details exist but not what they are; the reasons are withheld.
  await page.goto(`/registry/systems/${systemId}`);
  await expect(page.getByTestId("system-name")).toHaveText(name);
  await expect(page.getByTestId("hidden-notice")).toContainText("Contact details are visible to members only");
  await expect(page.getByTestId("hidden-notice")).toContainText("The system profile is visible to members only");
  await expect(page.getByTestId("overview-contact")).toHaveCount(0);
  await expect(page.getByText("compliance@hiring.example")).toHaveCount(0);
  await expect(page.getByTestId("edit-system")).toHaveCount(0);
  await page.getByTestId("tab-obligations").click();
  await expect(page.getByTestId("reasons-withheld")).toBeVisible();

  // The owner reads everything, may edit, and sees the lifecycle actions.
  const context = await browser.newContext();
  const ownerApi = await signedInContext(context, email, password);
  const ownerPage = await context.newPage();
  await ownerPage.goto(`/registry/systems/${systemId}`);
  await expect(ownerPage.getByTestId("system-name")).toHaveText(name);
  await expect(ownerPage.getByTestId("contact")).toContainText("compliance@hiring.example");
  await expect(ownerPage.getByTestId("hidden-notice")).toHaveCount(0);
  await expect(ownerPage.getByTestId("edit-system")).toHaveAttribute("href", `/registry/systems/${systemId}/edit`);
  await expect(ownerPage.getByTestId("lifecycle-withdraw")).toBeVisible();

  // A draft of the owner's: listed under "mine", submitted through the page (CSRF-protected mutation).
  const draftName = unique("Draft screener");
  const draft = await ownerApi.post("/api/v1/registry/systems", { organizationId, document: hiringSystem(draftName) });
  await ownerPage.goto("/registry");
  await ownerPage.getByTestId("filter-mine").check();
  await expect(ownerPage).toHaveURL(/mine=/);
  await expect(row(ownerPage, draftName).getByTestId("system-status")).toHaveAttribute("data-status", "draft");
  await row(ownerPage, draftName).getByTestId("system-link").click();
  await expect(ownerPage).toHaveURL(new RegExp(`/registry/systems/${draft.id}`));
  await ownerPage.getByTestId("lifecycle-submit").click();
  await ownerPage.getByRole("dialog").getByRole("button", { name: "Submit for review" }).click();
  await expect(ownerPage.getByTestId("system-status")).toHaveAttribute("data-status", "submitted");
  await expect(ownerPage.getByTestId("lifecycle-done")).toHaveText("The system was submitted for review.");
  // While it waits for the secretariat it cannot be edited, only withdrawn.
  await expect(ownerPage.getByTestId("edit-system")).toHaveCount(0);
  await expect(ownerPage.getByTestId("lifecycle-withdraw")).toBeVisible();
  await context.close();

  // The public register never lists the draft.
  await page.goto(`/registry?q=${encodeURIComponent(draftName)}`);
  await expect(page.getByTestId("registry-empty")).toBeVisible();
  await api.dispose();
});

test("the register on a phone: cards instead of a table @phone", async ({ page, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const { name } = await publishedSystem(await signInApi(api, ADMIN.email, ADMIN.password));
  await api.dispose();
  await page.goto(`/registry?q=${encodeURIComponent(name)}`);
  const card = row(page, name);
  await expect(card).toBeVisible();
  expect(await card.evaluate((el) => el.tagName)).toBe("LI");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
});
