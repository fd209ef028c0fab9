import { randomBytes, randomUUID } from "node:crypto";
import {
  formatVerifierKey,
  generateNoteKeyPair,
  parseSignerKey,
  ROLES,
  type Role,
  SIGNATURE_TYPE_COSIGNATURE_V1,
} from "@concordia/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelAct } from "../../../../core/test/rules-fixture.js";
import { type Agent, adminAgent, createTestApp, PUBLIC, type TestApp } from "../../../test/harness.js";
import { cvScreeningDocument } from "../../../test/registry-fixture.js";

/**
 * Every role × every mutating (or restricted) route: allowed (2xx) or refused
 * (401 for the public, 403 for everyone else). The expectations are written out
 * by hand here, independently of the policy tables they check.
 */
type Who = "public" | "registered" | Role;
const EVERYONE: Who[] = ["public", "registered", ...ROLES];
const SECRETARIAT: Who[] = ["secretariat_admin"];
const SIGNED_IN: Who[] = EVERYONE.filter((w) => w !== "public");

interface Case {
  name: string;
  allowed: Who[];
  /** Signed-in callers who cannot see the resource at all get 404 (it is not public), not 403. */
  notFound?: Who[];
  /** Made with the person's browser session instead of their API token (tokens cannot mint tokens). */
  session?: boolean;
  /** Builds a fresh request (fresh resources, so an allowed call never spoils the next). */
  make(ctx: { orgId: string; self: Agent }): Promise<{ method: string; url: string; body?: unknown }>;
}

let t: TestApp;
let admin: Agent;
/** The password of the harness's people (`t.person`). */
const PASSWORD = "long-enough-password";

const newOrg = () => t.organization();
async function newInvitation() {
  const orgId = await newOrg();
  const res = await t.request("POST", "/api/v1/members/invitations", {
    as: admin,
    body: { email: `${randomUUID()}@example.org`, organizationId: orgId, role: "researcher" },
  });
  return res.json().id as string;
}

/** A fresh cosignature/v1 witness key each time. */
function witnessKey() {
  const signer = parseSignerKey(
    generateNoteKeyPair(`w${randomUUID().slice(0, 8)}.example`, new Uint8Array(randomBytes(32))).signerKey,
  );
  return formatVerifierKey({ name: signer.name, type: SIGNATURE_TYPE_COSIGNATURE_V1, publicKey: signer.publicKey });
}

/** A fresh, valid instrument file each time (a new version of the fictional test act). */
const instrumentUpload = () => ({ format: "json", content: JSON.stringify(modelAct(randomUUID())) });

/** A fresh draft system of the organization, created by the secretariat. */
async function newSystem(orgId: string, status: "draft" | "submitted" | "published" = "draft") {
  const res = await t.request("POST", "/api/v1/registry/systems", {
    as: admin,
    body: { organizationId: orgId, document: cvScreeningDocument() },
  });
  const id = res.json().id as string;
  if (status !== "draft")
    await t.request("POST", `/api/v1/registry/systems/${id}/transitions`, { as: admin, body: { action: "submit" } });
  if (status === "published")
    await t.request("POST", `/api/v1/registry/systems/${id}/transitions`, { as: admin, body: { action: "publish" } });
  return id;
}

const cases: Case[] = [
  {
    name: "register an AI system for one's organization",
    allowed: ["secretariat_admin", "provider"],
    make: async ({ orgId }) => ({
      method: "POST",
      url: "/api/v1/registry/systems",
      body: { organizationId: orgId, document: cvScreeningDocument() },
    }),
  },
  {
    name: "publish a submitted AI system",
    allowed: SECRETARIAT,
    notFound: ["registered"],
    make: async ({ orgId }) => ({
      method: "POST",
      url: `/api/v1/registry/systems/${await newSystem(orgId, "submitted")}/transitions`,
      body: { action: "publish" },
    }),
  },
  {
    name: "add a risk to one's organization's system",
    allowed: ["secretariat_admin", "provider"],
    make: async ({ orgId }) => ({
      method: "POST",
      url: `/api/v1/registry/systems/${await newSystem(orgId, "published")}/risks`,
      body: {
        taxonomy: "nist-ai-600-1",
        categoryCode: "confabulation",
        title: "Made-up facts",
        likelihood: 2,
        impact: 3,
        owner: "QA",
        reviewDate: "2027-01-01",
      },
    }),
  },
  {
    name: "upload assessment evidence for one's organization",
    allowed: ["secretariat_admin", "provider"],
    make: async ({ orgId }) => ({
      method: "POST",
      url: "/api/v1/registry/evidence",
      body: { organizationId: orgId, fileName: "e.txt", contentBase64: Buffer.from(randomUUID()).toString("base64") },
    }),
  },
  {
    name: "validate an instrument file",
    allowed: SECRETARIAT,
    make: async () => ({ method: "POST", url: "/api/v1/instruments/validate", body: instrumentUpload() }),
  },
  {
    name: "publish an instrument version",
    allowed: SECRETARIAT,
    make: async () => ({ method: "POST", url: "/api/v1/instruments", body: instrumentUpload() }),
  },
  {
    name: "admit a member state",
    allowed: SECRETARIAT,
    make: async () => ({ method: "PUT", url: "/api/v1/members/states/DE", body: { status: "member" } }),
  },
  {
    name: "remove a member state",
    allowed: SECRETARIAT,
    make: async () => {
      await t.request("PUT", "/api/v1/members/states/JP", { as: admin, body: { status: "observer" } });
      return { method: "DELETE", url: "/api/v1/members/states/JP" };
    },
  },
  {
    name: "create an organization",
    allowed: SECRETARIAT,
    make: async () => ({
      method: "POST",
      url: "/api/v1/members/organizations",
      body: { name: `New ${randomUUID()}`, type: "academia" },
    }),
  },
  {
    name: "update one's own organization",
    allowed: ["secretariat_admin", "member_delegate"],
    make: async ({ orgId }) => ({
      method: "PATCH",
      url: `/api/v1/members/organizations/${orgId}`,
      body: { description: "updated" },
    }),
  },
  {
    name: "update another organization",
    allowed: SECRETARIAT,
    make: async () => ({
      method: "PATCH",
      url: `/api/v1/members/organizations/${await newOrg()}`,
      body: { description: "updated" },
    }),
  },
  {
    name: "remove an organization",
    allowed: SECRETARIAT,
    make: async () => ({ method: "DELETE", url: `/api/v1/members/organizations/${await newOrg()}` }),
  },
  {
    name: "list an organization's people",
    allowed: SIGNED_IN,
    make: async ({ orgId }) => ({ method: "GET", url: `/api/v1/members/organizations/${orgId}/people` }),
  },
  {
    name: "disable a person",
    allowed: SECRETARIAT,
    make: async () => ({
      method: "PATCH",
      url: `/api/v1/members/people/${(await t.person()).userId}`,
      body: { disabled: true },
    }),
  },
  {
    name: "grant a role",
    allowed: SECRETARIAT,
    make: async () => ({
      method: "POST",
      url: "/api/v1/members/roles",
      body: { userId: (await t.person()).userId, organizationId: await newOrg(), role: "auditor" },
    }),
  },
  {
    name: "revoke a role",
    allowed: SECRETARIAT,
    make: async () => {
      const p = await t.person("researcher");
      const person = await t.request("GET", `/api/v1/members/people?q=${encodeURIComponent(p.email)}`, { as: admin });
      return { method: "DELETE", url: `/api/v1/members/roles/${person.json().items[0].roles[0].membershipId}` };
    },
  },
  { name: "list people", allowed: SECRETARIAT, make: async () => ({ method: "GET", url: "/api/v1/members/people" }) },
  {
    name: "invite someone",
    allowed: SECRETARIAT,
    make: async () => ({
      method: "POST",
      url: "/api/v1/members/invitations",
      body: { email: `${randomUUID()}@example.org`, organizationId: await newOrg(), role: "provider" },
    }),
  },
  {
    name: "list invitations",
    allowed: SECRETARIAT,
    make: async () => ({ method: "GET", url: "/api/v1/members/invitations" }),
  },
  {
    name: "revoke an invitation",
    allowed: SECRETARIAT,
    make: async () => ({ method: "DELETE", url: `/api/v1/members/invitations/${await newInvitation()}` }),
  },
  {
    name: "read the audit trail",
    allowed: SECRETARIAT,
    make: async () => ({ method: "GET", url: "/api/v1/admin/audit" }),
  },
  {
    name: "read the email outbox",
    allowed: SECRETARIAT,
    make: async () => ({ method: "GET", url: "/api/v1/admin/outbox" }),
  },
  {
    name: "notarize a document",
    allowed: ["secretariat_admin", "member_delegate"],
    make: async () => ({
      method: "POST",
      url: "/api/v1/log/notarizations",
      body: { title: "Doc", sha256: "b".repeat(64) },
    }),
  },
  {
    name: "register a witness",
    allowed: SECRETARIAT,
    make: async () => ({
      method: "POST",
      url: "/api/v1/log/witnesses",
      body: { verifierKey: witnessKey(), countryCode: "KE" },
    }),
  },
  {
    name: "remove a witness",
    allowed: SECRETARIAT,
    make: async () => {
      const res = await t.request("POST", "/api/v1/log/witnesses", {
        as: admin,
        body: { verifierKey: witnessKey(), countryCode: null },
      });
      return { method: "DELETE", url: `/api/v1/log/witnesses/${res.json().id}` };
    },
  },
  {
    name: "create an API token (from a session)",
    allowed: SIGNED_IN,
    session: true,
    make: async () => ({ method: "POST", url: "/api/v1/auth/tokens", body: { name: "ci" } }),
  },
  {
    name: "create an API token with an API token",
    allowed: [],
    make: async () => ({ method: "POST", url: "/api/v1/auth/tokens", body: { name: "child" } }),
  },
  {
    name: "list one's API tokens",
    allowed: SIGNED_IN,
    make: async () => ({ method: "GET", url: "/api/v1/auth/tokens" }),
  },
  {
    name: "revoke one's own API token",
    allowed: SIGNED_IN,
    session: true,
    make: async ({ self }) => {
      const res = await t.request("POST", "/api/v1/auth/tokens", { as: self, body: { name: "to revoke" } });
      // The public has no token of its own: point it at someone else's.
      const id =
        res.statusCode === 201
          ? res.json().id
          : (await t.request("POST", "/api/v1/auth/tokens", { as: admin, body: { name: "x" } })).json().id;
      return { method: "DELETE", url: `/api/v1/auth/tokens/${id}` };
    },
  },
];

const agents = new Map<Who, { agent: Agent; session: Agent; orgId: string }>();

beforeAll(async () => {
  t = await createTestApp();
  admin = await adminAgent(t);
  for (const who of EVERYONE) {
    if (who === "public") {
      agents.set(who, { agent: PUBLIC, session: PUBLIC, orgId: await newOrg() });
    } else if (who === "registered") {
      const p = await t.person();
      agents.set(who, { agent: p.agent, session: await t.signIn(p.email, PASSWORD), orgId: await newOrg() });
    } else {
      const p = await t.person(who);
      agents.set(who, { agent: p.agent, session: await t.signIn(p.email, PASSWORD), orgId: p.organizationId! });
    }
  }
});
afterAll(() => t.close());

describe.each(cases)("$name", (c) => {
  it.each(EVERYONE)("as %s", async (who) => {
    const { orgId, ...as } = agents.get(who)!;
    const agent = c.session ? as.session : as.agent;
    const req = await c.make({ orgId, self: agent });
    const res = await t.request(req.method, req.url, { as: agent, body: req.body });
    if (c.allowed.includes(who)) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body).toBeLessThan(300);
    } else {
      expect(res.statusCode, res.body).toBe(who === "public" ? 401 : c.notFound?.includes(who) ? 404 : 403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});

it("someone else's API token cannot be revoked (answers 404, not confirming it exists)", async () => {
  const mine = await t.request("POST", "/api/v1/auth/tokens", { as: admin, body: { name: "mine" } });
  const other = agents.get("researcher")!.agent;
  const res = await t.request("DELETE", `/api/v1/auth/tokens/${mine.json().id}`, { as: other });
  expect(res.statusCode).toBe(404);
});

it("a delegate cannot change their organization's membership status", async () => {
  const { agent, orgId } = agents.get("member_delegate")!;
  const res = await t.request("PATCH", `/api/v1/members/organizations/${orgId}`, {
    as: agent,
    body: { status: "observer" },
  });
  expect(res.statusCode).toBe(400);
  expect(res.json().errors[0].field).toBe("body.status");
});
