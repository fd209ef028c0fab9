import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, adminAgent, createTestApp, type TestApp } from "../../../test/harness.js";
import { cvScreeningDocument, registryDataDir } from "../../../test/registry-fixture.js";

let t: TestApp;
let provider: { agent: Agent; organizationId: string };
let other: Agent;
let auditor: Agent;
let systemId: string;

beforeAll(async () => {
  t = await createTestApp({ seedReferenceData: true, referenceDataDir: registryDataDir() });
  const admin = await adminAgent(t);
  const p = await t.person("provider");
  provider = { agent: p.agent, organizationId: p.organizationId! };
  other = (await t.person("provider")).agent;
  auditor = (await t.person("auditor")).agent;
  const res = await t.request("POST", "/api/v1/registry/systems", {
    as: provider.agent,
    body: { organizationId: provider.organizationId, document: cvScreeningDocument() },
  });
  systemId = res.json().id;
  // Published, so that auditors of other organizations may read its risk register.
  await t.request("POST", `/api/v1/registry/systems/${systemId}/transitions`, {
    as: provider.agent,
    body: { action: "submit" },
  });
  const published = await t.request("POST", `/api/v1/registry/systems/${systemId}/transitions`, {
    as: admin,
    body: { action: "publish" },
  });
  expect(published.statusCode).toBe(200);
});
afterAll(() => t.close());

const risk = {
  taxonomy: "mit-ai-risk-repository",
  categoryCode: "6.2",
  title: "Screening displaces recruiters' judgement",
  description: "Recruiters may defer to the ranking.",
  likelihood: 4,
  impact: 4,
  owner: "Head of HR technology",
  mitigations: ["Show reasons for each rank", "Quarterly override audit"],
  residualLikelihood: 2,
  residualImpact: 3,
  reviewDate: "2027-03-01",
};

describe("risk register", () => {
  it("scores risks on the 5 × 5 matrix and keeps their history", async () => {
    const created = await t.request("POST", `/api/v1/registry/systems/${systemId}/risks`, {
      as: provider.agent,
      body: risk,
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({
      score: 16,
      level: "high",
      residualScore: 6,
      residualLevel: "medium",
      categoryLabel: expect.any(String),
      overdue: false,
    });
    const patched = await t.request("PATCH", `/api/v1/registry/risks/${r.id}`, {
      as: provider.agent,
      body: { likelihood: 5, impact: 5, status: "mitigating" },
    });
    expect(patched.json()).toMatchObject({ score: 25, level: "critical", status: "mitigating" });
    const history = (await t.request("GET", `/api/v1/registry/risks/${r.id}/history`, { as: provider.agent })).json();
    expect(history.items.map((h: { snapshot: { likelihood: number } }) => h.snapshot.likelihood)).toEqual([5, 4]);
    const list = (await t.request("GET", `/api/v1/registry/systems/${systemId}/risks`, { as: auditor })).json();
    expect(list.summary).toMatchObject({ total: 1, open: 1, inherent: { critical: 1 }, residual: { medium: 1 } });
    const view = (await t.request("GET", `/api/v1/registry/systems/${systemId}`, { as: provider.agent })).json();
    expect(view.riskSummary.open).toBe(1);
  });

  it("names the bad field and saves nothing on bad input", async () => {
    const bad = await t.request("POST", `/api/v1/registry/systems/${systemId}/risks`, {
      as: provider.agent,
      body: { ...risk, categoryCode: "9.9" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("body.categoryCode");
    const half = await t.request("POST", `/api/v1/registry/systems/${systemId}/risks`, {
      as: provider.agent,
      body: { ...risk, residualImpact: null },
    });
    expect(half.json().errors[0].field).toBe("body.residualImpact");
    const range = await t.request("POST", `/api/v1/registry/systems/${systemId}/risks`, {
      as: provider.agent,
      body: { ...risk, likelihood: 6 },
    });
    expect(range.json().errors[0].field).toBe("body.likelihood");
    const nist = await t.request("POST", `/api/v1/registry/systems/${systemId}/risks`, {
      as: provider.agent,
      body: { ...risk, taxonomy: "nist-ai-600-1", categoryCode: "information-integrity", title: "Deepfake CVs" },
    });
    expect(nist.statusCode).toBe(201);
    expect(
      (await t.request("GET", `/api/v1/registry/systems/${systemId}/risks`, { as: provider.agent })).json().items,
    ).toHaveLength(2);
  });

  it("is closed to the public and to other providers, open to auditors", async () => {
    expect((await t.request("GET", `/api/v1/registry/systems/${systemId}/risks`)).statusCode).toBe(401);
    expect((await t.request("GET", `/api/v1/registry/systems/${systemId}/risks`, { as: other })).statusCode).toBe(403);
    expect(
      (await t.request("POST", `/api/v1/registry/systems/${systemId}/risks`, { as: auditor, body: risk })).statusCode,
    ).toBe(403);
    const taxonomies = (await t.request("GET", "/api/v1/registry/risk-taxonomies")).json();
    expect(taxonomies.taxonomies.map((x: { id: string }) => x.id).sort()).toEqual([
      "mit-ai-risk-repository",
      "nist-ai-600-1",
    ]);
  });
});

describe("evidence by hash", () => {
  it("is readable only through a system the caller may see: another organization's auditor gets 404 for a draft's file", async () => {
    const owner = await t.person("provider");
    const ownOrgAuditor = await t.person("auditor", { organizationId: owner.organizationId });
    const draft = await t.request("POST", "/api/v1/registry/systems", {
      as: owner.agent,
      body: { organizationId: owner.organizationId, document: cvScreeningDocument() },
    });
    const content = Buffer.from("Draft-only evidence.");
    const sha256 = createHash("sha256").update(content).digest("hex");
    const upload = await t.request("POST", "/api/v1/registry/evidence", {
      as: owner.agent,
      body: { organizationId: owner.organizationId, fileName: "draft.txt", contentBase64: content.toString("base64") },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const assessment = await t.request("POST", `/api/v1/registry/systems/${draft.json().id}/assessments`, {
      as: owner.agent,
      body: { kind: "nist-ai-rmf" },
    });
    const q = encodeURIComponent(assessment.json().questions[0].id);
    await t.request("PUT", `/api/v1/registry/assessments/${assessment.json().id}/answers/${q}`, {
      as: owner.agent,
      body: { answer: "yes", evidence: [sha256] },
    });
    const url = `/api/v1/registry/evidence/${sha256}`;
    expect((await t.request("GET", url, { as: auditor })).statusCode).toBe(404);
    expect((await t.request("GET", url, { as: other })).statusCode).toBe(404);
    expect((await t.request("GET", url, { as: owner.agent })).statusCode).toBe(200);
    expect((await t.request("GET", url, { as: ownOrgAuditor.agent })).statusCode).toBe(200);
    expect((await t.request("GET", url, { as: await adminAgent(t) })).statusCode).toBe(200);
  });
});

describe("assessments and evidence", () => {
  it("runs a NIST AI RMF questionnaire with evidence stored by SHA-256", async () => {
    const created = await t.request("POST", `/api/v1/registry/systems/${systemId}/assessments`, {
      as: provider.agent,
      body: { kind: "nist-ai-rmf" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect(a.questions.length).toBe(72);
    expect(new Set(a.questions.map((q: { group: string }) => q.group)).size).toBe(4);
    const content = Buffer.from("Bias audit report 2026, signed.");
    const sha256 = createHash("sha256").update(content).digest("hex");
    const upload = await t.request("POST", "/api/v1/registry/evidence", {
      as: provider.agent,
      body: {
        organizationId: provider.organizationId,
        fileName: "bias-audit.txt",
        mediaType: "text/plain",
        contentBase64: content.toString("base64"),
      },
    });
    expect(upload.json()).toEqual({
      sha256,
      fileName: "bias-audit.txt",
      size: content.length,
      mediaType: "text/plain",
    });
    const q = a.questions[0].id as string;
    const answered = await t.request("PUT", `/api/v1/registry/assessments/${a.id}/answers/${encodeURIComponent(q)}`, {
      as: provider.agent,
      body: { answer: "partial", note: "Audit done, not yet repeated", evidence: [sha256] },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().score).toMatchObject({ answered: 1, total: 72, score: 50 });
    expect(answered.json().answers[0].evidence[0]).toMatchObject({ sha256, fileName: "bias-audit.txt" });
    const file = (await t.request("GET", `/api/v1/registry/evidence/${sha256}`, { as: auditor })).json();
    expect(Buffer.from(file.contentBase64, "base64").toString()).toBe("Bias audit report 2026, signed.");
    // A provider of another organization: the same 404 as an unknown hash (a 403 would confirm the file exists).
    const forbidden = await t.request("GET", `/api/v1/registry/evidence/${sha256}`, { as: other });
    const unknown = await t.request("GET", `/api/v1/registry/evidence/${"f".repeat(64)}`, { as: other });
    expect(forbidden.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(forbidden.json().title).toBe(unknown.json().title);
    expect((await t.request("GET", `/api/v1/registry/evidence/${sha256}`)).statusCode).toBe(401);

    const unknownQuestion = await t.request("PUT", `/api/v1/registry/assessments/${a.id}/answers/nope`, {
      as: provider.agent,
      body: { answer: "yes" },
    });
    expect(unknownQuestion.json().errors[0].field).toBe("params.questionId");
    const foreign = await t.request("PUT", `/api/v1/registry/assessments/${a.id}/answers/${encodeURIComponent(q)}`, {
      as: provider.agent,
      body: { answer: "yes", evidence: ["0".repeat(64)] },
    });
    expect(foreign.json().errors[0].field).toBe("body.evidence.0");
    expect(
      (await t.request("POST", `/api/v1/registry/assessments/${a.id}/complete`, { as: provider.agent })).statusCode,
    ).toBe(409);
    const list = (
      await t.request("GET", `/api/v1/registry/systems/${systemId}/assessments`, { as: provider.agent })
    ).json();
    expect(list.items[0].score.answered).toBe(1);
  });

  it("builds an obligations checklist from the rules engine", async () => {
    const res = await t.request("POST", `/api/v1/registry/systems/${systemId}/assessments`, {
      as: provider.agent,
      body: { kind: "obligations" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ids = res.json().questions.map((q: { id: string }) => q.id);
    expect(ids).toContain("test-model-act:art-2-1");
    for (const id of ids) {
      await t.request("PUT", `/api/v1/registry/assessments/${res.json().id}/answers/${encodeURIComponent(id)}`, {
        as: provider.agent,
        body: { answer: "yes" },
      });
    }
    const done = await t.request("POST", `/api/v1/registry/assessments/${res.json().id}/complete`, {
      as: provider.agent,
    });
    expect(done.json()).toMatchObject({ status: "completed", score: { score: 100 } });
    const late = await t.request(
      "PUT",
      `/api/v1/registry/assessments/${res.json().id}/answers/${encodeURIComponent(ids[0])}`,
      { as: provider.agent, body: { answer: "no" } },
    );
    expect(late.statusCode).toBe(409);
  });

  it("refuses oversized evidence and other organizations' uploads", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1).toString("base64");
    const res = await t.request("POST", "/api/v1/registry/evidence", {
      as: provider.agent,
      body: { organizationId: provider.organizationId, fileName: "big.bin", contentBase64: big },
    });
    expect(res.statusCode).toBe(413);
    const foreign = await t.request("POST", "/api/v1/registry/evidence", {
      as: other,
      body: { organizationId: provider.organizationId, fileName: "x.txt", contentBase64: "eA==" },
    });
    expect(foreign.statusCode).toBe(403);
  });
});
