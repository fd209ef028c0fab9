import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { modelAct, modelCode, modelCrosswalks, modelStandard } from "../../../../core/test/rules-fixture.js";
import { type Agent, adminAgent, createTestApp, type TestApp } from "../../../test/harness.js";

/** A reference-data folder holding the fictional test instruments and crosswalks. */
function fixtureDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "concordia-rules-"));
  mkdirSync(join(dir, "frameworks"));
  mkdirSync(join(dir, "crosswalks"));
  for (const i of [modelAct(), modelCode(), modelStandard()])
    writeFileSync(join(dir, "frameworks", `${i.id}.json`), JSON.stringify(i));
  for (const c of modelCrosswalks()) writeFileSync(join(dir, "crosswalks", `${c.id}.json`), JSON.stringify(c));
  return dir;
}

const employer = {
  profileVersion: "1",
  roles: ["deployer"],
  places: { used: ["XA"] },
  purposes: ["employment"],
  functions: [],
  derogation: { preparatoryTask: false },
};

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp({ seedReferenceData: true, referenceDataDir: fixtureDataDir() });
  admin = await adminAgent(t);
});
afterAll(() => t.close());

describe("instrument library", () => {
  it("lists the seeded instruments with filters and search in any language", async () => {
    const all = (await t.request("GET", "/api/v1/instruments")).json();
    expect(all.total).toBe(3);
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([
      "test-model-code",
      "test-model-standard",
      "test-model-act",
    ]);
    const act = all.items.find((i: { id: string }) => i.id === "test-model-act");
    expect(act).toMatchObject({ binding: true, requirementCount: 8, verifyCount: 1, kind: "binding-law" });
    expect(typeof act.logIndex).toBe("number");
    const byJurisdiction = (await t.request("GET", "/api/v1/instruments?jurisdiction=XA")).json();
    expect(byJurisdiction.items.map((i: { id: string }) => i.id)).toEqual(["test-model-act"]);
    const voluntary = (await t.request("GET", "/api/v1/instruments?kind=voluntary-standard")).json();
    expect(voluntary.total).toBe(1);
    const chinese = (await t.request("GET", `/api/v1/instruments?q=${encodeURIComponent("示范法")}`)).json();
    expect(chinese.items.map((i: { id: string }) => i.id)).toEqual(["test-model-act"]);
    const text = (await t.request("GET", "/api/v1/instruments?q=HUMAN%20oversight")).json();
    expect(text.items[0]).toMatchObject({ id: "test-model-act", matches: 1 });
    const none = (await t.request("GET", "/api/v1/instruments?q=zzzz")).json();
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it("answers bad filters with the field named", async () => {
    const res = await t.request("GET", "/api/v1/instruments?kind=law&pageSize=1000");
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["querystring.kind", "querystring.pageSize"]);
  });

  it("serves an instrument, a requirement with its mappings, requirement search and OSCAL", async () => {
    const view = (await t.request("GET", "/api/v1/instruments/test-model-act")).json();
    expect(view).toMatchObject({ current: true, instrument: { id: "test-model-act", version: "1" } });
    const req = (await t.request("GET", "/api/v1/instruments/test-model-act/requirements/art-2-1")).json();
    expect(req).toMatchObject({
      appliesFrom: "2026-06-01",
      ancestors: [{ id: "art-2" }],
      requirement: { ref: "Art. 2(1)" },
    });
    expect(
      req.mappings.map((m: { other: { requirementId: string }; relation: string; hops: number }) => [
        m.other.requirementId,
        m.relation,
        m.hops,
      ]),
    ).toEqual([
      ["c-1", "subset-of", 1],
      ["s-6", "subset-of", 2],
    ]);
    const hits = (await t.request("GET", "/api/v1/requirements?q=oversight")).json();
    expect(hits.items.map((h: { requirementId: string }) => h.requirementId).sort()).toEqual(["art-2-2", "s-8"]);
    expect((await t.request("GET", "/api/v1/instruments/nope")).statusCode).toBe(404);
    expect((await t.request("GET", "/api/v1/instruments/test-model-act/requirements/nope")).statusCode).toBe(404);
    const oscal = await t.request("GET", "/api/v1/instruments/test-model-act/oscal");
    expect(oscal.statusCode).toBe(200);
    expect(oscal.json().catalog.metadata.title).toContain("Model Act");
  });
});

describe("overdue reviews", () => {
  it("lists to the secretariat the instruments and requirements reviewed too long ago, and no one else", async () => {
    const url = "/api/v1/instruments/reviews/overdue";
    expect((await t.request("GET", url)).statusCode).toBe(401);
    const provider = await t.person("provider");
    expect((await t.request("GET", url, { as: provider.agent })).statusCode).toBe(403);
    // Ten years on, everything is overdue; the day after review, nothing is.
    const late = await t.request("GET", `${url}?asOf=2036-01-01`, { as: admin });
    expect(late.statusCode, late.body).toBe(200);
    const items = late.json().items as { instrumentId: string; requirementId?: string; ageDays: number }[];
    expect(new Set(items.map((i) => i.instrumentId))).toEqual(
      new Set([modelAct().id, modelCode().id, modelStandard().id]),
    );
    expect(items.some((i) => i.requirementId)).toBe(true);
    expect(items[0]!.ageDays).toBeGreaterThanOrEqual(items.at(-1)!.ageDays);
    const fresh = await t.request("GET", `${url}?asOf=${modelAct().lastReviewed}&maxAgeDays=3650`, { as: admin });
    expect(fresh.json().items.filter((i: { instrumentId: string }) => i.instrumentId === modelAct().id)).toEqual([]);
    const bad = await t.request("GET", `${url}?maxAgeDays=-1`, { as: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("querystring.maxAgeDays");
  });
});

describe("obligation finder", () => {
  it("evaluates a profile per jurisdiction with reasons", async () => {
    const res = await t.request("POST", "/api/v1/obligations/evaluate", {
      body: { profile: employer, asOf: "2026-11-26" },
    });
    expect(res.statusCode).toBe(200);
    const xa = res.json().jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === "XA");
    const act = xa.instruments[0];
    expect(act).toMatchObject({ instrumentId: "test-model-act", status: "applies", category: { id: "high-risk" } });
    expect(
      act.obligations.map((o: { requirementId: string; status: string }) => `${o.requirementId} ${o.status}`),
    ).toEqual(["art-2-2 applies"]);
  });

  it("rejects an invalid profile naming the field, and builds the comply-once checklist", async () => {
    const bad = await t.request("POST", "/api/v1/obligations/evaluate", {
      body: { profile: { ...employer, functions: ["telepathy"], gpai: { trainingComputeFlop: -1 } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["body.profile.functions.0", "body.profile.gpai.trainingComputeFlop"]);
    const list = (await t.request("POST", "/api/v1/obligations/comply-once", { body: { profile: employer } })).json();
    const oversight = list.items.find(
      (i: { anchor: { requirementId: string } }) => i.anchor.requirementId === "art-2-2",
    );
    expect(oversight.satisfies.map((s: { requirementId: string }) => s.requirementId).sort()).toEqual(["c-2", "s-8"]);
    const schema = (await t.request("GET", "/api/v1/obligations/profile-schema")).json();
    expect(schema.$id).toContain("system-profile.schema.json");
  });
});

describe("crosswalks and gaps", () => {
  it("lists crosswalks, the coverage matrix, pairs and the gap analysis", async () => {
    const list = (await t.request("GET", "/api/v1/crosswalks")).json();
    expect(list.items).toHaveLength(2);
    expect(list.dangling).toEqual([]);
    const matrix = (await t.request("GET", "/api/v1/crosswalks/coverage")).json();
    expect(matrix.cells).toHaveLength(6);
    const pairs = (
      await t.request("GET", "/api/v1/crosswalks/pairs?source=test-model-act&target=test-model-standard")
    ).json();
    expect(pairs.pairs.every((p: { direct: boolean; hops: number }) => !p.direct && p.hops === 2)).toBe(true);
    const gap = (await t.request("GET", "/api/v1/gap?covering=test-model-code&target=test-model-act")).json();
    expect(gap.summary).toMatchObject({ total: 8, full: 3, partial: 1, none: 4 });
    expect(gap.items.find((i: { requirementId: string }) => i.requirementId === "art-2-2").coverage).toBe("full");
    const bad = await t.request("GET", "/api/v1/gap?covering=nope&target=test-model-act&maxHops=9");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("querystring.maxHops");
    const unknown = await t.request("GET", "/api/v1/gap?covering=nope&target=test-model-act");
    expect(unknown.json().errors).toEqual([{ field: "querystring.covering", message: 'no instrument "nope"' }]);
  });
});

describe("publishing instrument versions", () => {
  const versionsOf = async () => (await t.request("GET", "/api/v1/instruments/test-model-act/versions")).json().items;

  it("lets only the secretariat validate and publish", async () => {
    const body = { format: "json", content: JSON.stringify(modelAct("2")) };
    expect((await t.request("POST", "/api/v1/instruments", { body })).statusCode).toBe(401);
    const delegate = await t.person("member_delegate");
    expect((await t.request("POST", "/api/v1/instruments", { as: delegate.agent, body })).statusCode).toBe(403);
    expect((await t.request("POST", "/api/v1/instruments/validate", { as: delegate.agent, body })).statusCode).toBe(
      403,
    );
    expect(await versionsOf()).toHaveLength(1);
    // The pages show the buttons from the same policy.
    const noButtons = { validate: false, publish: false };
    expect((await t.request("GET", "/api/v1/instruments")).json().can).toEqual(noButtons);
    expect((await t.request("GET", "/api/v1/instruments", { as: delegate.agent })).json().can).toEqual(noButtons);
    expect((await t.request("GET", "/api/v1/instruments/test-model-act", { as: admin })).json().can).toEqual({
      validate: true,
      publish: true,
    });
  });

  it("reports every schema error with its path and saves nothing", async () => {
    const broken = modelAct("2") as unknown as Record<string, unknown> & { requirements: Record<string, unknown>[] };
    broken.jurisdiction = "Europe";
    broken.requirements[0]!.appliesFrom = "never";
    const content = stringify(broken);
    const report = (
      await t.request("POST", "/api/v1/instruments/validate", { as: admin, body: { format: "yaml", content } })
    ).json();
    expect(report.valid).toBe(false);
    expect(report.errors.map((e: { field: string }) => e.field)).toEqual([
      "content.jurisdiction",
      "content.requirements.0.appliesFrom",
    ]);
    const res = await t.request("POST", "/api/v1/instruments", { as: admin, body: { format: "yaml", content } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toHaveLength(2);
    const notJson = await t.request("POST", "/api/v1/instruments", {
      as: admin,
      body: { format: "json", content: "{nope" },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().errors[0].field).toBe("content");
    expect(await versionsOf()).toHaveLength(1);
  });

  it("publishes a new version from YAML to the log, keeps the old one and diffs them", async () => {
    const next = modelAct("2");
    next.requirements[2]!.summary = "People are told, before the conversation starts, that they talk to a machine.";
    next.requirements.push({
      id: "art-6",
      ref: "Art. 6",
      title: "Incident reports",
      summary: "Report serious incidents.",
      addressees: ["provider"],
    });
    const res = await t.request("POST", "/api/v1/instruments", {
      as: admin,
      body: { format: "yaml", content: stringify(next) },
    });
    expect(res.statusCode).toBe(201);
    const published = res.json();
    expect(published).toMatchObject({ id: "test-model-act", version: "2" });
    const entry = (await t.request("GET", `/api/v1/log/entries/${published.logIndex}`)).json();
    expect(entry.recordType).toBe("instrument.published");
    expect(JSON.parse(entry.record)).toMatchObject({ instrumentId: "test-model-act", version: "2" });
    const versions = await versionsOf();
    expect(versions.map((v: { version: string; current: boolean }) => [v.version, v.current])).toEqual([
      ["2", true],
      ["1", false],
    ]);
    expect((await t.request("GET", "/api/v1/instruments/test-model-act")).json().instrument.version).toBe("2");
    expect((await t.request("GET", "/api/v1/instruments/test-model-act?version=1")).json()).toMatchObject({
      current: false,
    });
    const diff = (await t.request("GET", "/api/v1/instruments/test-model-act/diff?from=1&to=2")).json();
    expect(diff.metadata).toEqual([{ field: "version", before: "1", after: "2" }]);
    expect(
      diff.requirements.map((r: { change: string; requirementId: string }) => `${r.change} ${r.requirementId}`),
    ).toEqual(["changed art-3", "added art-6"]);
    // The engine now sees the new requirement.
    const e = (
      await t.request("POST", "/api/v1/obligations/evaluate", {
        body: { profile: { ...employer, roles: ["provider"] } },
      })
    ).json();
    const act = e.jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === "XA").instruments[0];
    expect(act.obligations.some((o: { requirementId: string }) => o.requirementId === "art-6")).toBe(true);
    const audit = (await t.request("GET", "/api/v1/admin/audit?action=rules.instrument.publish", { as: admin })).json();
    expect(audit.items).toHaveLength(1);
  });

  it("refuses to publish the same version twice and oversized uploads", async () => {
    const again = await t.request("POST", "/api/v1/instruments", {
      as: admin,
      body: { format: "json", content: JSON.stringify(modelAct("2")) },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe("content.version");
    const huge = await t.request("POST", "/api/v1/instruments", {
      as: admin,
      body: { format: "json", content: "x".repeat(5_000_000) },
    });
    expect(huge.statusCode).toBe(413);
  });
});

describe("the repository's reference data", () => {
  it("loads every instrument of data/frameworks at start, once", async () => {
    const real = await createTestApp({ seedReferenceData: true });
    try {
      const files = readdirSync(new URL("../../../../../data/frameworks/", import.meta.url)).filter((f) =>
        f.endsWith(".json"),
      );
      const list = (await real.request("GET", "/api/v1/instruments?pageSize=200")).json();
      expect(list.total).toBe(files.length);
      expect((await real.request("GET", "/api/v1/crosswalks")).json().dangling).toEqual([]);
    } finally {
      await real.close();
    }
  });
});
