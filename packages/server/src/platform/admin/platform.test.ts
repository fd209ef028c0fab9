import { contracts } from "@concordia/contracts";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, openTestDatabase, type TestApp } from "../../../test/harness.js";
import { migrate } from "../../db/migrate.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("platform endpoints", () => {
  it("GET /api/health reports liveness and the database", async () => {
    const res = await t.request("GET", "/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: { ok: true, kind: process.env.CONCORDIA_TEST_DB } });
  });

  it("serves an OpenAPI document that validates against the official OpenAPI 3.1 schema and lists every contract", async () => {
    const res = await t.request("GET", "/api/openapi.json");
    const doc = res.json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    const ops = new Set<string>();
    for (const methods of Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>)) {
      for (const op of Object.values(methods)) if (op.operationId) ops.add(op.operationId);
    }
    expect([...ops].sort()).toEqual(Object.keys(contracts).sort());
  });

  it("serves the interactive API reference", async () => {
    const res = await t.request("GET", "/api/docs/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("swagger");
  });

  it("sets security headers", async () => {
    const res = await t.request("GET", "/api/health");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toBeDefined();
  });
});

describe("migrations", () => {
  it("several instances starting at once apply each migration exactly once", async () => {
    const database = await openTestDatabase();
    try {
      const results = await Promise.all([migrate(database), migrate(database), migrate(database)]);
      expect(results.map((r) => r.applied).sort()).toEqual([0, 0, results[0]!.total].sort());
      expect((await migrate(database)).applied).toBe(0);
    } finally {
      await database.close();
    }
  });
});
