// Issue 11 (hardening), items 1, 8, 9, 10 and 11: account takeover through surviving credentials,
// token scopes and tokens minting tokens, reset links, email enumeration at sign-up, sign-in limits
// kept in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  type Agent,
  adminAgent,
  createTestApp,
  newPostgresDatabaseUrl,
  openTestDatabase,
  sessionAgent,
  TestApp,
} from "../../../test/harness.js";
import { loadConfig } from "../../config.js";
import { type Database, openDatabase } from "../../db/connection.js";
import { rateLimits } from "../../platform/auth/tables.js";
import { SYSTEM_CONTEXT } from "../../platform/context.js";
import { prepare } from "../../server.js";
import { createApiToken } from "./accounts.service.js";

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await adminAgent(t);
});
afterAll(() => t.close());

/** The emails sent to `to`, newest first, read from the outbox as the secretariat does. */
async function emailsTo(to: string) {
  const res = await t.request("GET", `/api/v1/admin/outbox?to=${encodeURIComponent(to)}`, { as: admin });
  expect(res.statusCode).toBe(200);
  return res.json().items as { subject: string; text: string; kind: string }[];
}
const lastEmailTo = async (to: string) => (await emailsTo(to))[0]!;
const tokenIn = (text: string, path: string) =>
  new RegExp(`${path}[?=/]?(?:token=)?([A-Za-z0-9_-]{20,})`).exec(text)?.[1];

const signUp = (email: string, password: string, name = "Someone") =>
  t.request("POST", "/api/v1/auth/sign-up", { body: { email, password, name } });

async function signInAgent(email: string, password: string): Promise<Agent> {
  const res = await t.request("POST", "/api/v1/auth/sign-in", { body: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  return sessionAgent(res);
}

describe("1. account takeover through credentials that survive a password reset", () => {
  const victim = "victim@example.org";
  const attackerPassword = "the attacker's own passphrase";
  const victimPassword = "the victim's new passphrase";

  it("an attacker who signed up with the victim's address loses everything when the victim takes the account over", async () => {
    // The attacker signs up with the victim's address and signs in: the address is never confirmed.
    expect((await signUp(victim, attackerPassword, "Not the victim")).statusCode).toBe(202);
    const attacker = await signInAgent(victim, attackerPassword);

    // An unconfirmed account cannot mint API tokens.
    const minted = await t.request("POST", "/api/v1/auth/tokens", { as: attacker, body: { name: "backdoor" } });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().detail).toMatch(/confirm your email/i);
    // A token made some other way (an older server, the CLI) must not survive the takeover either.
    const legacy = await createApiToken(t.db, SYSTEM_CONTEXT, { userId: attacker.userId!, name: "old" });
    expect((await t.request("GET", "/api/v1/auth/session", { as: { token: legacy.token } })).statusCode).toBe(200);

    // The secretariat invites the address to organization A as provider.
    const orgA = await t.organization({ name: "Organization A" });
    const invited = await t.request("POST", "/api/v1/members/invitations", {
      as: admin,
      body: { email: victim, organizationId: orgA, role: "provider" },
    });
    expect(invited.statusCode).toBe(201);
    const invite = /\/invite\/([A-Za-z0-9_-]+)/.exec((await lastEmailTo(victim)).text)![1]!;

    // The victim accepts: the account was never confirmed, so no role yet; a takeover link is emailed.
    const refused = await t.request("POST", "/api/v1/members/invitations/accept", {
      body: { token: invite, password: "a guess at some password" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/never confirmed/);
    expect(refused.cookies).toEqual([]);
    const me = await t.request("GET", "/api/v1/auth/session", { as: attacker });
    expect(me.json().user.roles).toEqual([]);
    const takeover = await lastEmailTo(victim);
    expect(takeover.kind).toBe("reset_password");

    // The victim resets the password with the emailed link: the address is proven, every session
    // and API token of the account ends.
    const reset = await t.request("POST", "/api/v1/auth/password-reset/confirm", {
      body: { token: tokenIn(takeover.text, "/reset-password")!, password: victimPassword },
    });
    expect(reset.statusCode).toBe(204);
    expect((await t.request("GET", "/api/v1/auth/session", { as: { token: legacy.token } })).statusCode).toBe(401);
    expect((await t.request("GET", "/api/v1/auth/session", { as: attacker })).json().user).toBeNull();
    expect(
      (await t.request("POST", "/api/v1/auth/sign-in", { body: { email: victim, password: attackerPassword } }))
        .statusCode,
    ).toBe(401);

    // Now the victim accepts with their password and gets the role.
    const accepted = await t.request("POST", "/api/v1/members/invitations/accept", {
      body: { token: invite, password: victimPassword },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().user).toMatchObject({
      emailVerified: true,
      roles: [expect.objectContaining({ role: "provider", organizationId: orgA })],
    });
  });

  it("a password reset revokes the account's API tokens", async () => {
    const p = await t.person("provider");
    expect((await t.request("GET", "/api/v1/auth/tokens", { as: p.agent })).statusCode).toBe(200);
    await t.request("POST", "/api/v1/auth/password-reset", { body: { email: p.email } });
    const token = tokenIn((await lastEmailTo(p.email)).text, "/reset-password")!;
    const res = await t.request("POST", "/api/v1/auth/password-reset/confirm", {
      body: { token, password: "a brand new passphrase" },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.request("GET", "/api/v1/auth/tokens", { as: p.agent })).statusCode).toBe(401);
  });

  it("the secretariat cannot give a role to an account whose email was never confirmed", async () => {
    const email = "squatted@example.org";
    expect((await signUp(email, "the squatter's passphrase", "Not the owner")).statusCode).toBe(202);
    const squatter = await signInAgent(email, "the squatter's passphrase");
    const org = await t.organization();
    const res = await t.request("POST", "/api/v1/members/roles", {
      as: admin,
      body: { userId: squatter.userId, organizationId: org, role: "provider" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe("body.userId");
    expect(res.json().detail).toMatch(/never confirmed/);
    expect((await t.request("GET", "/api/v1/auth/session", { as: squatter })).json().user.roles).toEqual([]);
  });
});

describe("8. tokens: no token minting, scopes", () => {
  it("an API token cannot create API tokens", async () => {
    const p = await t.person("provider");
    const res = await t.request("POST", "/api/v1/auth/tokens", { as: p.agent, body: { name: "child" } });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/API token cannot create API tokens/);
  });

  it("a read token reads but is refused every write, naming the scope; the owner sees the scopes", async () => {
    const p = await t.person("member_delegate");
    const session = await signInAgent(p.email, "long-enough-password");
    const created = await t.request("POST", "/api/v1/auth/tokens", {
      as: session,
      body: { name: "reader", scopes: ["read"] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().scopes).toEqual(["read"]);
    const reader = { token: created.json().token as string };
    const byDefault = await t.request("POST", "/api/v1/auth/tokens", { as: session, body: { name: "both" } });
    expect(byDefault.json().scopes).toEqual(["read", "write"]);

    const list = await t.request("GET", "/api/v1/auth/tokens", { as: reader });
    expect(list.statusCode).toBe(200);
    const scopes = Object.fromEntries(
      list.json().items.map((x: { name: string; scopes: string[] }) => [x.name, x.scopes]),
    );
    expect(scopes).toMatchObject({ reader: ["read"], both: ["read", "write"] });

    for (const [method, url, body] of [
      ["POST", "/api/v1/log/notarizations", { title: "Doc", sha256: "c".repeat(64) }],
      ["PATCH", `/api/v1/members/organizations/${p.organizationId}`, { description: "changed" }],
      ["DELETE", `/api/v1/auth/tokens/${byDefault.json().id}`, undefined],
      ["POST", "/api/v1/auth/sign-out", undefined],
    ] as const) {
      const res = await t.request(method, url, { as: reader, body });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().detail).toMatch(/lacks the `write` scope/);
    }
    // The same writes work with a read-and-write token.
    const writer = { token: byDefault.json().token as string };
    const notarized = await t.request("POST", "/api/v1/log/notarizations", {
      as: writer,
      body: { title: "Doc", sha256: "d".repeat(64) },
    });
    expect(notarized.statusCode).toBeLessThan(300);
  });

  it("a write-only token is refused reads; unknown scopes are refused", async () => {
    const p = await t.person();
    const session = await signInAgent(p.email, "long-enough-password");
    const writeOnly = await t.request("POST", "/api/v1/auth/tokens", {
      as: session,
      body: { name: "w", scopes: ["write"] },
    });
    const res = await t.request("GET", "/api/v1/auth/tokens", { as: { token: writeOnly.json().token } });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/`read` scope/);
    const bad = await t.request("POST", "/api/v1/auth/tokens", {
      as: session,
      body: { name: "x", scopes: ["admin"] },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe("9. password reset links", () => {
  it("using one reset link invalidates the older ones", async () => {
    const p = await t.person();
    await t.request("POST", "/api/v1/auth/password-reset", { body: { email: p.email } });
    await t.request("POST", "/api/v1/auth/password-reset", { body: { email: p.email } });
    const [newer, older] = (await emailsTo(p.email)).map((m) => tokenIn(m.text, "/reset-password")!);
    expect(newer).not.toBe(older);
    const used = await t.request("POST", "/api/v1/auth/password-reset/confirm", {
      body: { token: newer, password: "the newest passphrase" },
    });
    expect(used.statusCode).toBe(204);
    const stale = await t.request("POST", "/api/v1/auth/password-reset/confirm", {
      body: { token: older, password: "an attacker's passphrase" },
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().errors[0].field).toBe("body.token");
    await signInAgent(p.email, "the newest passphrase");
  });
});

describe("10. email enumeration", () => {
  it("sign-up with an existing email answers exactly like a new one, and tells the owner", async () => {
    const p = await t.person();
    const fresh = await signUp("someone-new@example.org", "a long enough passphrase");
    const taken = await signUp(p.email.toUpperCase(), "a long enough passphrase");
    for (const res of [fresh, taken]) {
      expect(res.statusCode).toBe(202);
      expect(res.body).toBe("");
      expect(res.cookies).toEqual([]);
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    expect(Object.keys(fresh.headers).sort()).toEqual(Object.keys(taken.headers).sort());
    expect((await lastEmailTo("someone-new@example.org")).kind).toBe("verify_email");
    const warning = await lastEmailTo(p.email);
    expect(warning.kind).toBe("sign_up_existing");
    expect(warning.text).toMatch(/reset-password/);
    // The owner's password is unchanged.
    await signInAgent(p.email, "long-enough-password");
  });

  it("a reset request takes as long for an unknown address as for an existing one (a fixed floor)", async () => {
    const p = await t.person();
    const time = async (email: string) => {
      const started = performance.now();
      const res = await t.request("POST", "/api/v1/auth/password-reset", { body: { email } });
      expect(res.statusCode).toBe(202);
      return performance.now() - started;
    };
    expect(await time("nobody-at-all@example.org")).toBeGreaterThanOrEqual(240);
    expect(await time(p.email)).toBeGreaterThanOrEqual(240);
  });
});

describe("11. sign-in limits", () => {
  it("an account waits after 5 failed sign-ins, whatever the address (429 + Retry-After), then signs in", async () => {
    const p = await t.person();
    const attempt = (password: string, remoteAddress: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { email: p.email, password },
        remoteAddress,
      });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong password", `10.0.0.${i + 1}`)).statusCode).toBe(401);
    const waiting = await attempt("long-enough-password", "10.0.1.1");
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers["content-type"]).toContain("application/problem+json");
    expect(Number(waiting.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(waiting.json().detail).toMatch(/failed sign-ins/);
    // An unknown address is limited the same way (no enumeration through the limit).
    for (let i = 0; i < 5; i++) {
      await t.request("POST", "/api/v1/auth/sign-in", { body: { email: "ghost@example.org", password: "nope nope" } });
    }
    expect(
      (await t.request("POST", "/api/v1/auth/sign-in", { body: { email: "ghost@example.org", password: "nope" } }))
        .statusCode,
    ).toBe(429);
    // Once the wait is over (moved into the past here), the right password works and clears the count.
    await t.db.update(rateLimits).set({ windowStart: new Date(Date.now() - 3_600_000) });
    expect((await attempt("long-enough-password", "10.0.1.1")).statusCode).toBe(200);
    expect((await attempt("wrong password", "10.0.1.1")).statusCode).toBe(401);
  });

  it("parallel guesses cannot all pass the per-account check: one is counted, the rest wait", async () => {
    const p = await t.person();
    const attempt = (password: string, remoteAddress: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { email: p.email, password },
        remoteAddress,
      });
    for (let i = 0; i < 4; i++) expect((await attempt("wrong password", `10.0.2.${i + 1}`)).statusCode).toBe(401);
    const codes = (
      await Promise.all(Array.from({ length: 10 }, (_, i) => attempt("wrong password", `10.0.3.${i + 1}`)))
    ).map((res) => res.statusCode);
    expect(codes.filter((code) => code === 401).length).toBeLessThanOrEqual(1);
    expect(codes.filter((code) => code === 429).length).toBeGreaterThanOrEqual(9);
    expect(codes.every((code) => code === 401 || code === 429)).toBe(true);
  });

  it("the per-address limit is shared by every instance on the same database", async () => {
    const config = { ...loadConfig({}), adminEmail: ADMIN.email, adminPassword: ADMIN.password };
    const overrides = { webDist: "/nonexistent", seedReferenceData: false, authRateLimit: 4 };
    let first: Database;
    let second: Database;
    if (process.env.CONCORDIA_TEST_DB === "postgres") {
      // Two instances: two connection pools to one PostgreSQL database.
      const url = await newPostgresDatabaseUrl();
      first = await openDatabase({ databaseUrl: url, poolSize: 2 });
      second = await openDatabase({ databaseUrl: url, poolSize: 2 });
    } else {
      // PGlite has one connection per process: two apps (two limiters) over the same database.
      first = await openTestDatabase();
      second = Object.create(first, { close: { value: async () => {} } }) as Database;
    }
    const a = new TestApp(await prepare({ ...config, ...overrides }, { database: first, logger: false }));
    const b = new TestApp(await prepare({ ...config, ...overrides }, { database: second, logger: false }));
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        // A different address each time: only the per-client (IP) limit counts here.
        const res = await (i % 2 ? b : a).request("POST", "/api/v1/auth/sign-in", {
          body: { email: `x${i}@example.org`, password: "wrong password" },
        });
        codes.push(res.statusCode);
        if (res.statusCode === 429) expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      }
      expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
