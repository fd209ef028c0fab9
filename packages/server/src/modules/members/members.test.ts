import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, adminAgent, createTestApp, type TestApp } from "../../../test/harness.js";

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await adminAgent(t);
});
afterAll(() => t.close());

describe("member states", () => {
  it("lists ISO 3166-1 countries with names in the six UN languages", async () => {
    const res = await t.request("GET", "/api/v1/members/countries");
    const items = res.json().items as { code: string; names: Record<string, string> }[];
    expect(items.length).toBeGreaterThanOrEqual(249);
    const cn = items.find((c) => c.code === "CN")!;
    expect(cn.names.zh).toBe("中国");
    expect(cn.names.en).toBe("People's Republic of China");
    expect(items.find((c) => c.code === "EG")!.names.ar).toBe("مصر");
    expect(items.find((c) => c.code === "DE")!.names.ru).toBe("Германия");
  });

  it("admits, changes status and removes a state; the public sees the list", async () => {
    expect(
      (await t.request("PUT", "/api/v1/members/states/KE", { as: admin, body: { status: "observer" } })).json(),
    ).toMatchObject({ code: "KE", status: "observer" });
    expect(
      (await t.request("PUT", "/api/v1/members/states/KE", { as: admin, body: { status: "member" } })).json().status,
    ).toBe("member");
    const list = await t.request("GET", "/api/v1/members/states");
    expect(list.json().items.map((s: { code: string }) => s.code)).toContain("KE");
    expect((await t.request("DELETE", "/api/v1/members/states/KE", { as: admin })).statusCode).toBe(204);
    expect((await t.request("DELETE", "/api/v1/members/states/KE", { as: admin })).statusCode).toBe(404);
  });
});

describe("organizations", () => {
  let orgId: string;
  it("creates an organization with defaults and refuses a duplicate name", async () => {
    const res = await t.request("POST", "/api/v1/members/organizations", {
      as: admin,
      body: { name: "Université de Genève", type: "academia", countryCode: "CH", website: "https://www.unige.ch" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: "Université de Genève",
      status: "observer",
      description: "",
      peopleCount: 0,
    });
    orgId = res.json().id;
    const dup = await t.request("POST", "/api/v1/members/organizations", {
      as: admin,
      body: { name: "université de genève", type: "academia" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe("body.name");
  });

  it("refuses an unknown country and a non-http website", async () => {
    const c = await t.request("POST", "/api/v1/members/organizations", {
      as: admin,
      body: { name: "X Org", type: "industry", countryCode: "ZZ" },
    });
    expect(c.statusCode).toBe(400);
    expect(c.json().errors[0].field).toBe("body.countryCode");
    const w = await t.request("POST", "/api/v1/members/organizations", {
      as: admin,
      body: { name: "Y Org", type: "industry", website: "javascript:alert(1)" },
    });
    expect(w.statusCode).toBe(400);
    expect(w.json().errors[0].field).toBe("body.website");
  });

  it("filters, searches and pages the public directory", async () => {
    for (const [name, type, country] of [
      ["Kenya ICT Authority", "government_agency", "KE"],
      ["Mozilla Foundation", "civil_society", "US"],
      ["Acme AI", "industry", "US"],
    ] as const) {
      await t.request("POST", "/api/v1/members/organizations", {
        as: admin,
        body: { name, type, countryCode: country, status: "member" },
      });
    }
    const us = await t.request("GET", "/api/v1/members/organizations?country=US&pageSize=1&page=2");
    expect(us.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(us.json().items[0].name).toBe("Mozilla Foundation");
    const q = await t.request("GET", "/api/v1/members/organizations?q=kenya");
    expect(q.json().items.map((o: { name: string }) => o.name)).toEqual(["Kenya ICT Authority"]);
    const wildcard = await t.request("GET", "/api/v1/members/organizations?q=%25");
    expect(wildcard.json().total).toBe(0);
    const civil = await t.request("GET", "/api/v1/members/organizations?type=civil_society&status=member");
    expect(civil.json().total).toBe(1);
  });

  it("lets the organization's delegate edit it; people are listed to signed-in users only", async () => {
    const delegate = await t.person("member_delegate", { organizationId: orgId, name: "Delegate D" });
    const res = await t.request("PATCH", `/api/v1/members/organizations/${orgId}`, {
      as: delegate.agent,
      body: { description: "Research on AI" },
    });
    expect(res.json()).toMatchObject({ description: "Research on AI", peopleCount: 1 });
    expect((await t.request("GET", `/api/v1/members/organizations/${orgId}/people`)).statusCode).toBe(401);
    const people = await t.request("GET", `/api/v1/members/organizations/${orgId}/people`, { as: delegate.agent });
    expect(people.json().items).toEqual([expect.objectContaining({ name: "Delegate D", role: "member_delegate" })]);
    expect(JSON.stringify(people.json())).not.toContain("@example.org");
  });

  it("does not remove an organization that still has people", async () => {
    const res = await t.request("DELETE", `/api/v1/members/organizations/${orgId}`, { as: admin });
    expect(res.statusCode).toBe(409);
  });
});

describe("invitations", () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = await t.organization({ name: "Republic of Kenya delegation" });
  });

  async function invite(email: string, role = "member_delegate") {
    const res = await t.request("POST", "/api/v1/members/invitations", {
      as: admin,
      body: { email, organizationId: orgId, role },
    });
    expect(res.statusCode).toBe(201);
    const mail = (await t.request("GET", `/api/v1/admin/outbox?to=${encodeURIComponent(email)}`, { as: admin })).json()
      .items[0];
    return { id: res.json().id as string, token: /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]! };
  }

  it("a new person accepts: account created with the role, signed in, invitation used", async () => {
    const { token, id } = await invite("wanjiru@example.org");
    const preview = await t.request("GET", `/api/v1/members/invitations/by-token/${token}`);
    expect(preview.json()).toMatchObject({
      email: "wanjiru@example.org",
      organizationName: "Republic of Kenya delegation",
      role: "member_delegate",
      accountExists: false,
    });
    const res = await t.request("POST", "/api/v1/members/invitations/accept", {
      body: { token, name: "Wanjiru", password: "kenya delegate password" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      emailVerified: true,
      roles: [expect.objectContaining({ role: "member_delegate", organizationId: orgId })],
    });
    const again = await t.request("POST", "/api/v1/members/invitations/accept", {
      body: { token, name: "W", password: "kenya delegate password" },
    });
    expect(again.statusCode).toBe(404);
    const list = await t.request("GET", "/api/v1/members/invitations?status=accepted", { as: admin });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it("an existing account proves its password to accept", async () => {
    const p = await t.person(undefined, { email: "existing@example.org" });
    const { token } = await invite("existing@example.org", "researcher");
    const wrong = await t.request("POST", "/api/v1/members/invitations/accept", {
      body: { token, password: "not my password" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe("body.password");
    const ok = await t.request("POST", "/api/v1/members/invitations/accept", {
      body: { token, password: "long-enough-password" },
    });
    expect(ok.json().user.id).toBe(p.userId);
  });

  it("a revoked invitation cannot be used", async () => {
    const { token, id } = await invite("revoked@example.org");
    expect((await t.request("DELETE", `/api/v1/members/invitations/${id}`, { as: admin })).statusCode).toBe(204);
    expect((await t.request("DELETE", `/api/v1/members/invitations/${id}`, { as: admin })).statusCode).toBe(409);
    expect((await t.request("GET", `/api/v1/members/invitations/by-token/${token}`)).statusCode).toBe(404);
  });
});

describe("people and roles", () => {
  it("grants and revokes roles, but never removes the last secretariat administrator", async () => {
    const p = await t.person();
    const org = await t.organization();
    const granted = await t.request("POST", "/api/v1/members/roles", {
      as: admin,
      body: { userId: p.userId, organizationId: org, role: "auditor" },
    });
    expect(granted.json().roles).toEqual([expect.objectContaining({ role: "auditor", organizationId: org })]);
    const dup = await t.request("POST", "/api/v1/members/roles", {
      as: admin,
      body: { userId: p.userId, organizationId: org, role: "auditor" },
    });
    expect(dup.statusCode).toBe(409);
    const auditors = await t.request("GET", "/api/v1/members/people?role=auditor", { as: admin });
    expect(auditors.json().items.map((u: { id: string }) => u.id)).toContain(p.userId);
    const membershipId = granted.json().roles[0].membershipId;
    expect((await t.request("DELETE", `/api/v1/members/roles/${membershipId}`, { as: admin })).statusCode).toBe(204);

    const me = (await t.request("GET", "/api/v1/auth/session", { as: admin })).json().user;
    const last = await t.request("DELETE", `/api/v1/members/roles/${me.roles[0].membershipId}`, { as: admin });
    expect(last.statusCode).toBe(409);
  });

  it("an administrator cannot disable themself", async () => {
    const res = await t.request("PATCH", `/api/v1/members/people/${admin.userId}`, {
      as: admin,
      body: { disabled: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("body.disabled");
  });
});

describe("audit trail", () => {
  it("records who did what to which ids, and filters by action, resource and actor", async () => {
    const created = await t.request("POST", "/api/v1/members/organizations", {
      as: admin,
      body: { name: "Audited Org", type: "industry" },
    });
    const id = created.json().id;
    const res = await t.request("GET", `/api/v1/admin/audit?resourceId=${id}`, { as: admin });
    expect(res.json().items).toEqual([
      expect.objectContaining({
        action: "organization.create",
        resourceType: "organization",
        resourceIds: [id],
        actorUserId: admin.userId,
        actorName: "Secretariat administrator",
        viaApiToken: false,
      }),
    ]);
    const byAction = await t.request("GET", "/api/v1/admin/audit?action=invitation.create&pageSize=200", { as: admin });
    expect(byAction.json().total).toBeGreaterThanOrEqual(3);
    expect(byAction.json().items.every((e: { action: string }) => e.action === "invitation.create")).toBe(true);
    const future = await t.request("GET", `/api/v1/admin/audit?from=${encodeURIComponent("2999-01-01T00:00:00Z")}`, {
      as: admin,
    });
    expect(future.json().total).toBe(0);
  });
});
