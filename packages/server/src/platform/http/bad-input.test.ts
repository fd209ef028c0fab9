import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, adminAgent, createTestApp, type TestApp } from "../../../test/harness.js";
import { invitations } from "../../modules/members/tables.js";
import { auditEvents } from "../audit/tables.js";
import { outboxEmails } from "../outbox/tables.js";

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp({ bodyLimit: 64 * 1024 });
  admin = await adminAgent(t);
});
afterAll(() => t.close());

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  field?: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers["content-type"])).toContain("application/problem+json");
  const body = res.json() as { status: number; title: string; errors?: { field: string }[] };
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
}

describe("bad input answers 4xx problem+json naming the field", () => {
  it("malformed JSON", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: { "content-type": "application/json" },
      payload: "{nope",
    });
    expectProblem(res, 400, "body");
  });
  it("wrong types", async () => {
    expectProblem(
      await t.request("POST", "/api/v1/auth/sign-in", { body: { email: 5, password: true } }),
      400,
      "body.email",
    );
  });
  it("unknown fields", async () => {
    expectProblem(
      await t.request("POST", "/api/v1/auth/sign-in", { body: { email: "a@b.org", password: "x", admin: true } }),
      400,
      "body.admin",
    );
  });
  it("oversized bodies", async () => {
    const res = await t.request("POST", "/api/v1/members/organizations", {
      as: admin,
      body: { name: "x".repeat(100_000), type: "academia" },
    });
    expectProblem(res, 413);
  });
  it("wrong content type", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: { "content-type": "text/plain" },
      payload: "hello",
    });
    expectProblem(res, 415);
  });
  it("bad ids in the path", async () => {
    expectProblem(await t.request("GET", "/api/v1/members/organizations/not-a-uuid"), 400, "params.id");
    expectProblem(await t.request("GET", "/api/v1/members/organizations/00000000-0000-4000-8000-000000000000"), 404);
    expectProblem(
      await t.request("PUT", "/api/v1/members/states/XX", { as: admin, body: { status: "member" } }),
      400,
      "params.code",
    );
    expectProblem(
      await t.request("PUT", "/api/v1/members/states/fr", { as: admin, body: { status: "member" } }),
      400,
      "params.code",
    );
  });
  it("bad query parameters", async () => {
    expectProblem(await t.request("GET", "/api/v1/members/organizations?page=abc"), 400, "querystring.page");
    expectProblem(await t.request("GET", "/api/v1/members/organizations?pageSize=100000"), 400, "querystring.pageSize");
    expectProblem(await t.request("GET", "/api/v1/members/organizations?type=pirates"), 400, "querystring.type");
  });
  it("unknown routes", async () => {
    expectProblem(await t.request("GET", "/api/v1/nothing-here"), 404);
  });
  it("a bad API token is 401, never treated as the public", async () => {
    expectProblem(await t.request("GET", "/api/v1/members/states", { as: { token: "cnc_forged" } }), 401);
    expectProblem(await t.request("GET", "/api/v1/members/states", { headers: { authorization: "Basic abc" } }), 401);
  });
  it("a failed request writes nothing (no partial write)", async () => {
    const before = await Promise.all([
      t.db.select({ n: count() }).from(auditEvents),
      t.db.select({ n: count() }).from(outboxEmails),
      t.db.select({ n: count() }).from(invitations),
    ]);
    const res = await t.request("POST", "/api/v1/members/invitations", {
      as: admin,
      body: { email: "new@example.org", organizationId: "00000000-0000-4000-8000-000000000000", role: "auditor" },
    });
    expectProblem(res, 400, "body.organizationId");
    const after = await Promise.all([
      t.db.select({ n: count() }).from(auditEvents),
      t.db.select({ n: count() }).from(outboxEmails),
      t.db.select({ n: count() }).from(invitations),
    ]);
    expect(after.map((r) => r[0]?.n)).toEqual(before.map((r) => r[0]?.n));
  });
});
