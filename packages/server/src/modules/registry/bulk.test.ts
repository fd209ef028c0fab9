import { randomUUID } from "node:crypto";
import type { SystemDocument } from "@concordia/core";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/harness.js";
import { cvScreeningDocument, registryDataDir } from "../../../test/registry-fixture.js";
import { auditEvents } from "../../platform/audit/tables.js";
import { type RequestContext, SYSTEM_CONTEXT } from "../../platform/context.js";
import { logIndexesOf } from "../log/queries.js";
import { BulkImportError, importSystems } from "./bulk.service.js";
import {
  registryClassificationEvents,
  registryClassifications,
  registrySystems,
  registrySystemVersions,
} from "./tables.js";

let t: TestApp;
let provider: { agent: Agent; userId: string; organizationId: string };

beforeAll(async () => {
  t = await createTestApp({ seedReferenceData: true, referenceDataDir: registryDataDir() });
  const p = await t.person("provider");
  provider = { agent: p.agent, userId: p.userId, organizationId: p.organizationId! };
});
afterAll(() => t.close());

const providerCtx = (): RequestContext => ({
  ...SYSTEM_CONTEXT,
  actor: {
    userId: provider.userId,
    emailVerified: true,
    grants: [{ role: "provider", organizationId: provider.organizationId }],
  },
  requestId: `test-${randomUUID()}`,
});
const operator = { ...SYSTEM_CONTEXT, requestId: "cli-test" };

/** Documents with two profiles: high-risk CV screening in XA, and a chatbot outside any scope. */
function documents(n: number, tag: string): SystemDocument[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? cvScreeningDocument({ name: `${tag} ranker ${i}` })
      : cvScreeningDocument({
          name: `${tag} helper ${i}`,
          translations: { zh: { name: `客服助手 ${i}` } },
          profile: { profileVersion: "1", roles: ["provider"], places: { used: ["ZZ"] }, purposes: ["general"] },
        }),
  );
}

async function systemsNamed(prefix: string) {
  return t.db
    .select()
    .from(registrySystems)
    .where(sql`${registrySystems.name} like ${`${prefix}%`}`);
}

describe("importSystems", () => {
  it("stores what createSystem would, in batches, one audit event per batch", async () => {
    const progress: [number, number | undefined][] = [];
    const r = await importSystems(
      { deps: t.started.deps, ctx: providerCtx() },
      {
        organizationId: provider.organizationId,
        documents: documents(7, "Bulk"),
        publish: false,
        batchSize: 3,
        onProgress: (done, total) => progress.push([done, total]),
      },
    );
    expect(r).toMatchObject({ imported: 7, batches: 3, published: false, distinctProfiles: 2, logSeqs: null });
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    const rows = await systemsNamed("Bulk ");
    expect(rows).toHaveLength(7);
    const ids = rows.map((x) => x.id);
    expect(new Set(rows.map((x) => x.status))).toEqual(new Set(["draft"]));
    expect(
      await t.db.select().from(registrySystemVersions).where(inArray(registrySystemVersions.systemId, ids)),
    ).toHaveLength(7);
    const events = await t.db
      .select()
      .from(registryClassificationEvents)
      .where(inArray(registryClassificationEvents.systemId, ids));
    expect(events).toHaveLength(7);
    expect(events.every((e) => Array.isArray(e.changes) && e.changes.length === 0)).toBe(true);
    const hashes = [...new Set(rows.map((x) => x.classificationHash!))];
    expect(
      await t.db.select().from(registryClassifications).where(inArray(registryClassifications.hash, hashes)),
    ).toHaveLength(hashes.length);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "registry.system.import"));
    expect(audits.map((a) => a.resourceIds.length).sort()).toEqual([1, 3, 3]);
    expect(audits.every((a) => a.actorUserId === provider.userId)).toBe(true);

    // The same document through the API: same classification, same search columns.
    const api = await t.request("POST", "/api/v1/registry/systems", {
      as: provider.agent,
      body: { organizationId: provider.organizationId, document: cvScreeningDocument({ name: "Bulk ranker 0" }) },
    });
    expect(api.statusCode, api.body).toBe(201);
    const pair = await t.db.execute<{
      id: string;
      search: string;
      categories: string[];
      jurisdictions: string[];
      sectors: string[];
      classification_hash: string;
      classified_revision: number;
    }>(
      sql`select id, search::text as search, categories, jurisdictions, sectors, classification_hash, classified_revision
          from registry_systems where name = 'Bulk ranker 0' order by created_at`,
    );
    const [bulk, single] = (pair as unknown as { rows: Record<string, unknown>[] }).rows;
    const { id: _a, ...b } = bulk!;
    const { id: _b, ...s } = single!;
    expect(b).toEqual(s);
    expect(b.categories).toContain("test-model-act:high-risk");

    // The owner sees the classification as for any system.
    const view = await t.request("GET", `/api/v1/registry/systems/${bulk!.id}`, { as: provider.agent });
    expect(view.json().classification).toMatchObject({ jurisdictions: ["XA"], changes: [] });
  });

  it("publishes with one log record per system, searchable by the public in any language", async () => {
    const r = await importSystems(
      { deps: t.started.deps, ctx: operator },
      {
        organizationId: provider.organizationId,
        documents: documents(4, "Pub"),
        publish: true,
        batchSize: 10,
        operator: true,
      },
    );
    expect(r.logSeqs!.last - r.logSeqs!.first).toBe(3);
    await t.started.deps.log.sequencer.run();
    const rows = await systemsNamed("Pub ");
    expect(rows.every((x) => x.status === "published" && x.logSeq !== null && x.publishedAt !== null)).toBe(true);
    // Read back through the log's query face and its public API, as any other module or client would.
    const indexes = await logIndexesOf(
      t.db,
      rows.map((x) => x.logSeq!),
    );
    expect(indexes.size).toBe(4);
    const entries = await Promise.all(
      [...indexes.values()].map(async (index) => (await t.request("GET", `/api/v1/log/entries/${index}`)).json()),
    );
    expect(entries.every((e) => e.recordType === "registry.system.published")).toBe(true);
    const record = JSON.parse(entries[0]!.record);
    expect(record).toMatchObject({ organizationId: provider.organizationId, version: 1 });
    expect(record.documentSha256).toMatch(/^[0-9a-f]{64}$/);

    const found = (await t.request("GET", `/api/v1/registry/systems?q=${encodeURIComponent("客服")}`)).json();
    expect(found.items.map((i: { name: string }) => i.name).sort()).toEqual(["Pub helper 1", "Pub helper 3"]);
    expect(found.items[0].logIndex).toEqual(expect.any(Number));
    const versions = (await t.request("GET", `/api/v1/registry/systems/${rows[0]!.id}/versions`)).json();
    expect(versions.items).toMatchObject([{ version: 1, status: "published", logIndex: expect.any(Number) }]);
  });

  it("stops at the first invalid document: its batch is not saved, earlier batches are", async () => {
    async function* source() {
      const docs: unknown[] = documents(5, "Half");
      (docs[3] as { profile: unknown }).profile = { profileVersion: "1", functions: ["mind-reading"] };
      (docs[3] as { name: string }).name = " ";
      for (const d of docs) yield d;
    }
    const err = await importSystems(
      { deps: t.started.deps, ctx: providerCtx() },
      {
        organizationId: provider.organizationId,
        documents: source(),
        publish: false,
        batchSize: 2,
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkImportError);
    const e = err as BulkImportError;
    expect(e.index).toBe(3);
    expect(e.imported).toBe(2);
    expect(e.issues.map((i) => i.path).sort()).toEqual(["name", "profile.functions.0"]);
    expect((await systemsNamed("Half ")).map((x) => x.name).sort()).toEqual(["Half ranker 0", "Half helper 1"].sort());
  });

  it("checks the registry policy unless the operator imports", async () => {
    const other = await t.person("provider");
    const ctx: RequestContext = {
      ...SYSTEM_CONTEXT,
      actor: {
        userId: other.userId,
        emailVerified: true,
        grants: [{ role: "provider", organizationId: other.organizationId! }],
      },
    };
    const run = (c: RequestContext, publish: boolean) =>
      importSystems(
        { deps: t.started.deps, ctx: c },
        {
          organizationId: provider.organizationId,
          documents: [],
          publish,
          batchSize: 10,
        },
      ).catch((e: { kind?: string }) => e.kind);
    expect(await run(ctx, false)).toBe("forbidden");
    expect(await run(providerCtx(), true)).toBe("forbidden");
    expect(await run(SYSTEM_CONTEXT, false)).toBe("unauthenticated");
    const missing = await importSystems(
      { deps: t.started.deps, ctx: operator },
      {
        organizationId: randomUUID(),
        documents: [],
        publish: false,
        batchSize: 1,
        operator: true,
      },
    ).catch((e: Error) => e.message);
    expect(missing).toContain("no such organization");
  });
});
