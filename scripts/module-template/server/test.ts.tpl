import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/harness.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("__name__ items", () => {
  it("a member adds an item to their organization; the public lists it", async () => {
    const p = await t.person("provider");
    const created = await t.request("POST", "/api/v1/__name__/items", {
      as: p.agent,
      body: { organizationId: p.organizationId, title: "First" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = await t.request("GET", "/api/v1/__name__/items");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { title: string }) => i.title)).toContain("First");
  });

  it("refuses the public (401), other organizations (403) and bad input (400, field named), saving nothing", async () => {
    const p = await t.person("provider");
    const other = await t.person("provider");
    expect((await t.request("POST", "/api/v1/__name__/items", { body: { organizationId: p.organizationId, title: "x" } })).statusCode).toBe(401);
    const forbidden = await t.request("POST", "/api/v1/__name__/items", {
      as: other.agent,
      body: { organizationId: p.organizationId, title: "x" },
    });
    expect(forbidden.statusCode).toBe(403);
    const bad = await t.request("POST", "/api/v1/__name__/items", {
      as: p.agent,
      body: { organizationId: p.organizationId, title: "" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("body.title");
    const list = await t.request("GET", "/api/v1/__name__/items?pageSize=200");
    expect(list.json().items.filter((i: { title: string }) => i.title === "x")).toEqual([]);
  });
});
