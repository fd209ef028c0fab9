import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelAct } from "../../../../core/test/rules-fixture.js";
import { type Agent, adminAgent, createTestApp, PUBLIC, type TestApp } from "../../../test/harness.js";
import { cvScreeningDocument, registryDataDir } from "../../../test/registry-fixture.js";
import { SYSTEM_CONTEXT } from "../../platform/context.js";
import { reclassifyStale } from "./classify.service.js";
import { validateCycloneDx } from "./cyclonedx-validator.js";
import { searchSystems } from "./search.service.js";

let t: TestApp;
let admin: Agent;
let provider: { agent: Agent; organizationId: string };
let otherProvider: { agent: Agent; organizationId: string };
let auditor: Agent;

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/cyclonedx/${name}`, import.meta.url), "utf8"));

beforeAll(async () => {
  t = await createTestApp({ seedReferenceData: true, referenceDataDir: registryDataDir() });
  admin = await adminAgent(t);
  const p = await t.person("provider");
  provider = { agent: p.agent, organizationId: p.organizationId! };
  const o = await t.person("provider");
  otherProvider = { agent: o.agent, organizationId: o.organizationId! };
  auditor = (await t.person("auditor")).agent;
});
afterAll(() => t.close());

async function register(doc = cvScreeningDocument(), as = provider) {
  const res = await t.request("POST", "/api/v1/registry/systems", {
    as: as.agent,
    body: { organizationId: as.organizationId, document: doc },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    classification: { categories: string[]; jurisdictions: string[] };
    [k: string]: unknown;
  };
}

async function publish(id: string) {
  expect(
    (
      await t.request("POST", `/api/v1/registry/systems/${id}/transitions`, {
        as: provider.agent,
        body: { action: "submit" },
      })
    ).statusCode,
  ).toBe(200);
  const res = await t.request("POST", `/api/v1/registry/systems/${id}/transitions`, {
    as: admin,
    body: { action: "publish" },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const countSystems = async () =>
  (await t.request("GET", "/api/v1/registry/systems?mine=true", { as: admin })).json().total;

describe("registering and classifying", () => {
  it("creates a draft, classifies it on save and keeps it from the public", async () => {
    const created = await register();
    expect(created).toMatchObject({ status: "draft", version: 1, canEdit: true, hidden: [] });
    const c = created.classification;
    expect(c.categories).toContain("test-model-act:high-risk");
    expect(c.jurisdictions).toEqual(["XA"]);
    expect((await t.request("GET", `/api/v1/registry/systems/${created.id}`)).statusCode).toBe(404);
    expect(
      (await t.request("GET", `/api/v1/registry/systems/${created.id}`, { as: otherProvider.agent })).statusCode,
    ).toBe(404);
  });

  it("rejects bad documents with every field named and saves nothing", async () => {
    const before = await countSystems();
    const doc = { ...cvScreeningDocument(), name: "", profile: { profileVersion: "1", functions: ["mind-reading"] } };
    const res = await t.request("POST", "/api/v1/registry/systems", {
      as: provider.agent,
      body: { organizationId: provider.organizationId, document: doc },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["body.document.name", "body.document.profile.functions.0"]);
    expect(await countSystems()).toBe(before);
  });

  it("refuses to register for another organization", async () => {
    const res = await t.request("POST", "/api/v1/registry/systems", {
      as: otherProvider.agent,
      body: { organizationId: provider.organizationId, document: cvScreeningDocument() },
    });
    expect(res.statusCode).toBe(403);
    const anonymous = await t.request("POST", "/api/v1/registry/systems", {
      body: { organizationId: provider.organizationId, document: cvScreeningDocument() },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("review", () => {
  it("lists the actions each caller may take, and shows the provider why a submission was returned", async () => {
    const { id } = await register(cvScreeningDocument({ name: "Returned screener" }));
    const view = async (as: Agent) => (await t.request("GET", `/api/v1/registry/systems/${id}`, { as })).json();
    const transition = (as: Agent, body: Record<string, string>) =>
      t.request("POST", `/api/v1/registry/systems/${id}/transitions`, { as, body });
    expect(await view(provider.agent)).toMatchObject({
      allowedActions: ["submit"],
      review: null,
      can: { update: true, submit: true, publish: false, reject: false, writeRisks: true },
    });
    expect((await view(admin)).can).toMatchObject({ update: true, publish: true, reject: true });
    expect((await transition(provider.agent, { action: "submit" })).statusCode).toBe(200);
    const submitted = await view(provider.agent);
    expect(submitted.allowedActions).toEqual(["withdraw"]);
    expect(submitted.review).toMatchObject({ action: "submit", note: null });
    expect((await view(admin)).allowedActions).toEqual(expect.arrayContaining(["publish", "reject"]));
    const rejected = await transition(admin, { action: "reject", note: "Add the datasets' provenance." });
    expect(rejected.statusCode).toBe(200);
    const back = await view(provider.agent);
    expect(back).toMatchObject({ status: "draft", allowedActions: ["submit"] });
    expect(back.review).toMatchObject({ action: "reject", note: "Add the datasets' provenance." });
    expect(new Date(back.review.at).getTime()).toBeGreaterThanOrEqual(new Date(submitted.review.at).getTime());
    // Others who may read the draft (none but owners and the secretariat) see no review; members see none on published systems.
    expect((await t.request("GET", `/api/v1/registry/systems/${id}`, { as: otherProvider.agent })).statusCode).toBe(
      404,
    );
    expect((await transition(provider.agent, { action: "submit" })).statusCode).toBe(200);
    expect((await transition(admin, { action: "publish" })).statusCode).toBe(200);
    const seenByAuditor = await view(auditor);
    expect(seenByAuditor).toMatchObject({ allowedActions: [], review: null });
    expect((await t.request("GET", `/api/v1/registry/systems/${id}`)).json()).toMatchObject({
      allowedActions: [],
      review: null,
      can: { update: false, submit: false, publish: false, readRisks: false, writeRisks: false },
    });
  });
});

describe("publication and visibility", () => {
  let id: string;
  beforeAll(async () => {
    id = (await register(cvScreeningDocument({ name: "Visible ranker" }))).id;
  });

  it("publishes through review and logs it", async () => {
    expect(
      (
        await t.request("POST", `/api/v1/registry/systems/${id}/transitions`, {
          as: provider.agent,
          body: { action: "publish" },
        })
      ).statusCode,
    ).toBe(403);
    const published = await publish(id);
    expect(published.status).toBe("published");
    const entry = (await t.request("GET", `/api/v1/log/entries/${published.logIndex}`)).json();
    expect(entry.recordType).toBe("registry.system.published");
    expect(JSON.parse(entry.record)).toMatchObject({
      systemId: id,
      name: "Visible ranker",
      categories: expect.arrayContaining(["test-model-act:high-risk"]),
    });
    const again = await t.request("POST", `/api/v1/registry/systems/${id}/transitions`, {
      as: admin,
      body: { action: "publish" },
    });
    expect(again.statusCode).toBe(409);
  });

  it("shows each caller only the field groups they may read", async () => {
    const pub = (await t.request("GET", `/api/v1/registry/systems/${id}`)).json();
    expect(pub.hidden.sort()).toEqual(["contact", "datasets"]);
    expect(pub.document.contact).toBeUndefined();
    expect(pub.document.datasets).toBeUndefined();
    expect(pub.document.visibility).toBeUndefined();
    expect(pub.document.intendedPurpose).toContain("Ranks job applications");
    const member = (await t.request("GET", `/api/v1/registry/systems/${id}`, { as: auditor })).json();
    expect(member.hidden).toEqual([]);
    expect(member.document.contact.email).toBe("compliance@talentsift.example");
    expect(member.canEdit).toBe(false);
  });

  it("keeps secretariat-only fields from members but not from owners", async () => {
    const doc = cvScreeningDocument({ name: "Visible ranker" });
    doc.visibility.modelCard = "secretariat";
    const res = await t.request("PUT", `/api/v1/registry/systems/${id}`, {
      as: provider.agent,
      body: { document: doc, changeNote: "model card to the secretariat only" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    expect(
      (await t.request("GET", `/api/v1/registry/systems/${id}`, { as: auditor })).json().document.modelCard,
    ).toBeUndefined();
    expect(
      (await t.request("GET", `/api/v1/registry/systems/${id}`, { as: admin })).json().document.modelCard.task,
    ).toBe("ranking");
    expect(
      (await t.request("GET", `/api/v1/registry/systems/${id}`, { as: provider.agent })).json().document.modelCard.task,
    ).toBe("ranking");
    const bom = (await t.request("GET", `/api/v1/registry/systems/${id}/export/cyclonedx`, { as: auditor })).json();
    expect(JSON.stringify(bom)).not.toContain("NDCG");
    const versions = (await t.request("GET", `/api/v1/registry/systems/${id}/versions`)).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it("lets only the owner and the secretariat change a published system", async () => {
    const body = { document: cvScreeningDocument() };
    expect(
      (await t.request("PUT", `/api/v1/registry/systems/${id}`, { as: otherProvider.agent, body })).statusCode,
    ).toBe(403);
    expect((await t.request("PUT", `/api/v1/registry/systems/${id}`, { as: auditor, body })).statusCode).toBe(403);
    expect((await t.request("PUT", `/api/v1/registry/systems/${id}`, { body })).statusCode).toBe(401);
  });

  it("withholds the reasons behind obligations when the profile is not public", async () => {
    const open = (await t.request("GET", `/api/v1/registry/systems/${id}/obligations`)).json();
    const act = open.jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === "XA").instruments[0];
    expect(act.obligations[0].trace.length).toBeGreaterThan(0);
    const doc = cvScreeningDocument({ name: "Visible ranker" });
    doc.visibility.profile = "members";
    await t.request("PUT", `/api/v1/registry/systems/${id}`, { as: provider.agent, body: { document: doc } });
    const closed = (await t.request("GET", `/api/v1/registry/systems/${id}/obligations`)).json();
    const act2 = closed.jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === "XA").instruments[0];
    expect(act2.obligations.every((o: { trace: unknown[] }) => o.trace.length === 0)).toBe(true);
    expect((await t.request("GET", `/api/v1/registry/systems/${id}`)).json().document.profile).toBeUndefined();
  });
});

describe("the public register", () => {
  let id: string;
  beforeAll(async () => {
    const doc = cvScreeningDocument({
      name: "Searchable screener",
      description: "Uses a confidential zebrafinch ensemble.",
    });
    doc.visibility.description = "members";
    id = (await register(doc)).id;
    await publish(id);
    await register(cvScreeningDocument({ name: "Searchable draft" }));
  });

  it("finds published systems by text in any language and by filters, never drafts", async () => {
    const q = async (qs: string, as: Agent = PUBLIC) =>
      (await t.request("GET", `/api/v1/registry/systems?${qs}`, { as })).json();
    expect((await q("q=searchable")).items.map((s: { name: string }) => s.name)).toEqual(["Searchable screener"]);
    expect((await q(`q=${encodeURIComponent("简历")}`)).total).toBeGreaterThanOrEqual(1);
    expect((await q("q=zebrafinch")).total).toBe(0); // only in a members-only description
    expect((await q("q=searchable&category=test-model-act:high-risk&jurisdiction=XA&sector=employment")).total).toBe(1);
    expect((await q("q=searchable&sector=housing")).total).toBe(0);
    expect((await q(`q=searchable&provider=${otherProvider.organizationId}`)).total).toBe(0);
    const hit = (await q("q=searchable")).items[0];
    expect(hit.intendedPurpose).toBeNull();
    expect(typeof hit.logIndex).toBe("number");
    expect((await q("q=searchable&mine=true", provider.agent)).total).toBe(2);
    expect((await t.request("GET", "/api/v1/registry/systems?status=draft")).statusCode).toBe(401);
    expect((await q("status=draft", otherProvider.agent)).total).toBe(0);
  });

  it("counts up to the count limit, ranks up to the rank limit, then estimates and lists newest first", async () => {
    const second = (await register(cvScreeningDocument({ name: "Searchable searchable second" }))).id;
    await publish(second);
    const third = (await register(cvScreeningDocument({ name: "Searchable third" }))).id;
    await publish(third);
    const input = { q: "searchable", sort: "relevance" as const, page: 1, pageSize: 25 };
    const ranked = await searchSystems({ deps: t.started.deps, ctx: SYSTEM_CONTEXT }, input, {
      rankLimit: 10,
      countLimit: 10,
    });
    expect(ranked).toMatchObject({ total: 3, totalIsEstimate: false, rankedByRelevance: true });
    // Ranked: the name with the word twice first.
    expect(ranked.items[0]!.id).toBe(second);
    const newestFirst = [third, second, id];
    const unranked = await searchSystems({ deps: t.started.deps, ctx: SYSTEM_CONTEXT }, input, {
      rankLimit: 2,
      countLimit: 10,
    });
    expect(unranked).toMatchObject({ total: 3, totalIsEstimate: false, rankedByRelevance: false });
    expect(unranked.items.map((s) => s.id)).toEqual(newestFirst);
    const estimated = await searchSystems({ deps: t.started.deps, ctx: SYSTEM_CONTEXT }, input, {
      rankLimit: 2,
      countLimit: 2,
    });
    expect(estimated.totalIsEstimate).toBe(true);
    expect(estimated.total).toBeGreaterThanOrEqual(3);
    expect(estimated.rankedByRelevance).toBe(false);
    expect(estimated.items.map((s) => s.id)).toEqual(newestFirst);
    // Over the count limit by the planner's estimate (never below 1 row): the page is read alone, newest first.
    const pageAlone = await searchSystems(
      { deps: t.started.deps, ctx: SYSTEM_CONTEXT },
      { ...input, pageSize: 2 },
      { countLimit: 0 },
    );
    expect(pageAlone).toMatchObject({ totalIsEstimate: true, rankedByRelevance: false });
    expect(pageAlone.total).toBeGreaterThanOrEqual(2);
    expect(pageAlone.items.map((s) => s.id)).toEqual(newestFirst.slice(0, 2));
    const byName = await searchSystems({ deps: t.started.deps, ctx: SYSTEM_CONTEXT }, { ...input, sort: "name" });
    expect(byName.items.map((s) => s.name)).toEqual([
      "Searchable screener",
      "Searchable searchable second",
      "Searchable third",
    ]);
    const paged = await searchSystems(
      { deps: t.started.deps, ctx: SYSTEM_CONTEXT },
      { ...input, pageSize: 2, page: 2 },
    );
    expect(paged).toMatchObject({ total: 3, totalIsEstimate: false });
    expect(paged.items.map((s) => s.id)).toEqual([ranked.items[2]!.id]);
  });

  it("pages through the first 10,000 results only, naming the field", async () => {
    const last = await t.request("GET", "/api/v1/registry/systems?q=searchable&page=400&pageSize=25");
    expect(last.statusCode).toBe(200);
    expect(last.json().items).toEqual([]);
    const beyond = await t.request("GET", "/api/v1/registry/systems?q=searchable&page=401&pageSize=25");
    expect(beyond.statusCode).toBe(400);
    expect(beyond.headers["content-type"]).toContain("application/problem+json");
    expect(beyond.json().errors[0].field).toBe("querystring.page");
  });

  it("exports the results as CSV and JSON, and counts them for the charts", async () => {
    const csv = await t.request("GET", "/api/v1/registry/export?format=csv&q=searchable");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,name,kind,version,status,provider,intended_purpose,categories,jurisdictions,sectors,published_at,log_index",
    );
    expect(lines).toHaveLength(4); // the three published "Searchable" systems
    expect(lines[1]).toContain("Searchable searchable second"); // ranked first, as on the page
    const json = await t.request("GET", "/api/v1/registry/export?format=json&q=searchable");
    expect(JSON.parse(json.body).map((s: { id: string }) => s.id)).toContain(id);
    const stats = (await t.request("GET", "/api/v1/registry/stats")).json();
    expect(stats.total).toBeGreaterThanOrEqual(2);
    expect(
      stats.byCategory.find((c: { category: string }) => c.category === "test-model-act:high-risk").count,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe("re-classification when an instrument changes", () => {
  it("re-evaluates every system and records what changed", async () => {
    const { id } = await register(cvScreeningDocument({ name: "Reclassified" }));
    const next = modelAct("2");
    next.requirements[1]!.applicability = { fact: "purposes", includes: "credit" };
    const published = await t.request("POST", "/api/v1/instruments", {
      as: admin,
      body: { format: "json", content: JSON.stringify(next) },
    });
    expect(published.statusCode).toBe(201);
    const stale = (await t.request("GET", `/api/v1/registry/systems/${id}`, { as: provider.agent })).json();
    expect(stale.classification.stale).toBe(true);
    let done = 0;
    for (let n = -1; n !== 0; ) {
      n = await reclassifyStale(t.db, await t.started.deps.catalog(t.db));
      done += n;
    }
    expect(done).toBeGreaterThanOrEqual(1);
    const fresh = (await t.request("GET", `/api/v1/registry/systems/${id}`, { as: provider.agent })).json();
    expect(fresh.classification.stale).toBe(false);
    expect(fresh.classification.categories).toContain("test-model-act:minimal");
    expect(fresh.classification.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          instrumentId: "test-model-act",
          kind: "category",
          before: "High risk",
          after: "Minimal",
        }),
        expect.objectContaining({ instrumentId: "test-model-act", kind: "version", before: "1", after: "2" }),
      ]),
    );
    const history = (
      await t.request("GET", `/api/v1/registry/systems/${id}/classifications`, { as: provider.agent })
    ).json();
    expect(history.items).toHaveLength(2);
  });
});

describe("CycloneDX", () => {
  it("imports a valid ML-BOM and exports a valid one", async () => {
    const res = await t.request("POST", "/api/v1/registry/import/cyclonedx", {
      as: provider.agent,
      body: { organizationId: provider.organizationId, bom: fixture("cv-screening-ml-bom.json") },
    });
    expect(res.statusCode, res.body).toBe(200);
    const system = res.json();
    expect(system.status).toBe("draft");
    expect(system.document.name).toBeTruthy();
    const bom = (
      await t.request("GET", `/api/v1/registry/systems/${system.id}/export/cyclonedx`, { as: provider.agent })
    ).json();
    expect(await validateCycloneDx(bom)).toEqual([]);
    expect(bom.specVersion).toBe("1.6");
    const annex = (
      await t.request("GET", `/api/v1/registry/systems/${system.id}/export/eu-annex-viii`, { as: provider.agent })
    ).json();
    expect(annex.fields.length).toBeGreaterThan(5);
    const atrs = (
      await t.request("GET", `/api/v1/registry/systems/${system.id}/export/uk-atrs`, { as: provider.agent })
    ).json();
    expect(atrs.fields.length).toBeGreaterThan(5);
  });

  it("reports every schema error of an invalid ML-BOM with its path and saves nothing", async () => {
    const before = await countSystems();
    const res = await t.request("POST", "/api/v1/registry/import/cyclonedx", {
      as: provider.agent,
      body: { organizationId: provider.organizationId, bom: fixture("invalid-ml-bom.json") },
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { field: string }[];
    expect(errors.length).toBeGreaterThan(1);
    expect(errors.every((e) => e.field.startsWith("body.bom"))).toBe(true);
    const notMl = await t.request("POST", "/api/v1/registry/import/cyclonedx", {
      as: provider.agent,
      body: { organizationId: provider.organizationId, bom: fixture("not-ml-sbom.json") },
    });
    expect(notMl.statusCode).toBe(400);
    expect(await countSystems()).toBe(before);
  });

  it("marks withheld fields in the field sets for the public", async () => {
    const { id } = await register(cvScreeningDocument({ name: "Field set ranker" }));
    await publish(id);
    const atrs = (await t.request("GET", `/api/v1/registry/systems/${id}/export/uk-atrs`)).json();
    const statuses = new Set(atrs.fields.map((f: { status: string }) => f.status));
    expect(statuses.has("withheld")).toBe(true);
    expect(JSON.stringify(atrs)).not.toContain("compliance@talentsift.example");
  });
});

describe("field visibility for every role", () => {
  it("each role reads exactly the field groups its level allows, and no more through search or exports", async () => {
    const doc = cvScreeningDocument({ name: "Role matrix ranker" });
    doc.visibility = {
      ...doc.visibility,
      modelCard: "secretariat",
      datasets: "members",
      contact: "members",
      links: "public",
    };
    const { id } = await register(doc);
    await publish(id);
    const expectations: [string, Agent, string[]][] = [
      ["public", PUBLIC, ["contact", "datasets", "modelCard"]],
      ["registered (no role)", (await t.person()).agent, ["contact", "datasets", "modelCard"]],
      ["member delegate", (await t.person("member_delegate")).agent, ["modelCard"]],
      ["auditor", auditor, ["modelCard"]],
      ["researcher", (await t.person("researcher")).agent, ["modelCard"]],
      ["provider of another organization", otherProvider.agent, ["modelCard"]],
      ["provider of the owner", provider.agent, []],
      ["secretariat", admin, []],
    ];
    for (const [who, agent, hidden] of expectations) {
      const view = (await t.request("GET", `/api/v1/registry/systems/${id}`, { as: agent })).json();
      expect(view.hidden.sort(), who).toEqual(hidden);
      for (const group of hidden) {
        const field = group === "modelCard" ? "modelCard" : group;
        expect(view.document[field], `${who} must not receive ${group}`).toBeUndefined();
      }
      const bom = JSON.stringify(
        (await t.request("GET", `/api/v1/registry/systems/${id}/export/cyclonedx`, { as: agent })).json(),
      );
      expect(bom.includes("NDCG"), `${who}: model card metrics in the BOM`).toBe(!hidden.includes("modelCard"));
      expect(bom.includes("compliance@talentsift.example"), `${who}: contact in the BOM`).toBe(
        !hidden.includes("contact"),
      );
    }
  });
});
