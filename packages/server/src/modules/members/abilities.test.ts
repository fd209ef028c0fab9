import {
  abilities,
  adminPolicy,
  instrumentPolicy,
  invitationPolicy,
  memberStatePolicy,
  notarizationPolicy,
  organizationPolicy,
  peoplePolicy,
  type Role,
  registryPolicy,
} from "@concordia/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type Agent, adminAgent, createTestApp, PUBLIC, type TestApp } from "../../../test/harness.js";

/**
 * The `can` fields of the answers are the policy table's answer for the caller: checked here
 * against `abilities()` for the public, a registered person, several roles and the secretariat,
 * and against what the server then accepts.
 */
let t: TestApp;
let admin: Agent;
let orgId: string;
let otherOrgId: string;

interface Caller {
  name: string;
  agent: () => Agent;
  actor: () => { userId: string | null; emailVerified: boolean; grants: { role: Role; organizationId: string }[] };
}
const callers: Caller[] = [];
const ADMIN_ORG = { id: "" };

beforeAll(async () => {
  t = await createTestApp();
  admin = await adminAgent(t);
  orgId = await t.organization();
  otherOrgId = await t.organization();
  const session = (await t.request("GET", "/api/v1/auth/session", { as: admin })).json();
  ADMIN_ORG.id = session.user.roles[0].organizationId;
  callers.push({
    name: "public",
    agent: () => PUBLIC,
    actor: () => ({ userId: null, emailVerified: false, grants: [] }),
  });
  callers.push({
    name: "secretariat",
    agent: () => admin,
    actor: () => ({
      userId: admin.userId!,
      emailVerified: true,
      grants: [{ role: "secretariat_admin", organizationId: ADMIN_ORG.id }],
    }),
  });
  const registered = await t.person();
  callers.push({
    name: "registered",
    agent: () => registered.agent,
    actor: () => ({ userId: registered.userId, emailVerified: true, grants: [] }),
  });
  for (const role of ["member_delegate", "provider", "auditor"] as const) {
    const p = await t.person(role, { organizationId: orgId });
    callers.push({
      name: role,
      agent: () => p.agent,
      actor: () => ({ userId: p.userId, emailVerified: true, grants: [{ role, organizationId: orgId }] }),
    });
  }
});
afterAll(() => t.close());

const pick = <T extends Record<string, boolean>, K extends keyof T>(o: T, keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

describe("can fields follow the policy tables", () => {
  it("on the session", async () => {
    for (const c of callers) {
      const actor = c.actor();
      const can = (await t.request("GET", "/api/v1/auth/session", { as: c.agent() })).json().can;
      expect(can, c.name).toEqual({
        admin: abilities(adminPolicy, actor).readAudit,
        createOrganization: abilities(organizationPolicy, actor).create,
        managePeople: abilities(peoplePolicy, actor).list,
        invite: abilities(invitationPolicy, actor).create,
        admitMemberStates: abilities(memberStatePolicy, actor).admit,
        notarize: Object.values(abilities(notarizationPolicy, actor))[0],
        publishInstruments: abilities(instrumentPolicy, actor).publish,
        reviewSystems: abilities(registryPolicy, actor).publish,
      });
    }
    // Written out for two callers, independently of the tables.
    const [pub, sec] = [callers[0]!, callers[1]!];
    expect(
      Object.values((await t.request("GET", "/api/v1/auth/session", { as: pub.agent() })).json().can),
    ).not.toContain(true);
    expect(
      Object.values((await t.request("GET", "/api/v1/auth/session", { as: sec.agent() })).json().can),
    ).not.toContain(false);
  });

  it("on an organization, scoped to it: a delegate may update their own, not another", async () => {
    for (const c of callers) {
      const actor = c.actor();
      for (const id of [orgId, otherOrgId]) {
        const org = (await t.request("GET", `/api/v1/members/organizations/${id}`, { as: c.agent() })).json();
        expect(org.can, `${c.name} ${id === orgId ? "own" : "other"}`).toEqual(
          pick(abilities(organizationPolicy, actor, { organizationId: id }), ["update", "remove", "listPeople"]),
        );
      }
    }
    const delegate = callers.find((c) => c.name === "member_delegate")!;
    const own = (await t.request("GET", `/api/v1/members/organizations/${orgId}`, { as: delegate.agent() })).json();
    const other = (
      await t.request("GET", `/api/v1/members/organizations/${otherOrgId}`, { as: delegate.agent() })
    ).json();
    expect(own.can).toEqual({ update: true, remove: false, listPeople: true });
    expect(other.can).toEqual({ update: false, remove: false, listPeople: true });
    // The list carries the same per-organization abilities.
    const listed = (
      await t.request("GET", "/api/v1/members/organizations?pageSize=200", { as: delegate.agent() })
    ).json();
    expect(listed.items.find((o: { id: string }) => o.id === orgId).can).toEqual(own.can);
    // And the server accepts exactly what `can` offers.
    const ok = await t.request("PATCH", `/api/v1/members/organizations/${orgId}`, {
      as: delegate.agent(),
      body: { description: "updated by its delegate" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().can).toEqual(own.can);
    const refused = await t.request("PATCH", `/api/v1/members/organizations/${otherOrgId}`, {
      as: delegate.agent(),
      body: { description: "not theirs" },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("on the member states list", async () => {
    for (const c of callers) {
      const can = (await t.request("GET", "/api/v1/members/states", { as: c.agent() })).json().can;
      expect(can, c.name).toEqual(pick(abilities(memberStatePolicy, c.actor()), ["admit", "remove"]));
    }
    expect((await t.request("GET", "/api/v1/members/states")).json().can).toEqual({ admit: false, remove: false });
    expect((await t.request("GET", "/api/v1/members/states", { as: admin })).json().can).toEqual({
      admit: true,
      remove: true,
    });
  });

  it("on the people and invitations lists (secretariat)", async () => {
    const people = (await t.request("GET", "/api/v1/members/people", { as: admin })).json();
    expect(people.can).toEqual({ update: true, grantRole: true, revokeRole: true });
    const invitations = (await t.request("GET", "/api/v1/members/invitations", { as: admin })).json();
    expect(invitations.can).toEqual({ create: true, revoke: true });
  });

  it("on a new session: sign-in answers the signed-in person's abilities", async () => {
    const res = await t.request("POST", "/api/v1/auth/sign-in", {
      body: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(res.json().can).toMatchObject({ admin: true, createOrganization: true, reviewSystems: true });
  });
});
