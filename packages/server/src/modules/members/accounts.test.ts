import { NO_ABILITIES } from "@concordia/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type Agent, adminAgent, createTestApp, sessionAgent, type TestApp } from "../../../test/harness.js";

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await adminAgent(t);
});
afterAll(() => t.close());

/** The newest email sent to `to`, read from the outbox as the secretariat does. */
async function lastEmailTo(to: string) {
  const res = await t.request("GET", `/api/v1/admin/outbox?to=${encodeURIComponent(to)}`, { as: admin });
  expect(res.statusCode).toBe(200);
  return res.json().items[0] as { subject: string; text: string; kind: string };
}
const tokenIn = (text: string, path: string) =>
  new RegExp(`${path}[?=/]?(?:token=)?([A-Za-z0-9_-]{20,})`).exec(text)?.[1];

describe("sign-up, verification, sign-in, sign-out", () => {
  const email = "ada@example.org";
  const password = "a long and good password";
  let session: Agent;

  it("signs up: 202 without a session, a verification email; signs in before confirming", async () => {
    const res = await t.request("POST", "/api/v1/auth/sign-up", {
      body: { email: "Ada@Example.org", password, name: "Ada" },
    });
    expect(res.statusCode).toBe(202);
    expect(res.body).toBe("");
    expect(res.cookies).toEqual([]);
    const mail = await lastEmailTo(email);
    expect(mail.kind).toBe("verify_email");
    const signedIn = await t.request("POST", "/api/v1/auth/sign-in", { body: { email, password } });
    expect(signedIn.json().user).toMatchObject({ email, name: "Ada", emailVerified: false, roles: [] });
    expect(signedIn.json().user).not.toHaveProperty("passwordHash");
    const cookie = signedIn.cookies.find((c) => c.name === "concordia_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    session = sessionAgent(signedIn);
  });

  it("a second sign-up with the same email (any case) changes nothing and warns the owner", async () => {
    const res = await t.request("POST", "/api/v1/auth/sign-up", {
      body: { email: "ADA@example.org", password: "another long password", name: "Ada 2" },
    });
    expect(res.statusCode).toBe(202);
    expect((await lastEmailTo(email)).kind).toBe("sign_up_existing");
    await expect(t.signIn(email, "another long password")).rejects.toThrow(/401/);
  });

  it("refuses a short password, naming the field", async () => {
    const res = await t.request("POST", "/api/v1/auth/sign-up", {
      body: { email: "b@example.org", password: "short", name: "B" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("body.password");
  });

  it("verifies the email with the emailed token, once", async () => {
    const res = await t.request("GET", `/api/v1/admin/outbox?to=${encodeURIComponent(email)}`, { as: admin });
    const mail = (res.json().items as { kind: string; text: string }[]).find((m) => m.kind === "verify_email")!;
    const token = tokenIn(mail.text, "/verify-email")!;
    expect((await t.request("POST", "/api/v1/auth/verify-email", { body: { token } })).statusCode).toBe(204);
    expect((await t.request("POST", "/api/v1/auth/verify-email", { body: { token } })).statusCode).toBe(400);
    const me = await t.request("GET", "/api/v1/auth/session", { as: session });
    expect(me.json().user.emailVerified).toBe(true);
  });

  it("requires the CSRF token for mutating requests made with the session cookie", async () => {
    const noCsrf = await t.request("POST", "/api/v1/auth/tokens", {
      as: { cookie: session.cookie },
      body: { name: "x" },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().errors[0].field).toBe("headers.x-csrf-token");
    const wrong = await t.request("POST", "/api/v1/auth/tokens", {
      as: { cookie: session.cookie, csrf: "wrong" },
      body: { name: "x" },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.request("POST", "/api/v1/auth/tokens", { as: session, body: { name: "x" } });
    expect(ok.statusCode).toBe(201);
  });

  it("rejects a wrong password with the same answer as an unknown email", async () => {
    const wrong = await t.request("POST", "/api/v1/auth/sign-in", {
      body: { email, password: "not the password at all" },
    });
    const unknown = await t.request("POST", "/api/v1/auth/sign-in", {
      body: { email: "nobody@example.org", password: "whatever it is" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it("signs out: the session no longer works", async () => {
    const again = await t.signIn(email, password);
    expect((await t.request("POST", "/api/v1/auth/sign-out", { as: again })).statusCode).toBe(204);
    const me = await t.request("GET", "/api/v1/auth/session", { as: again });
    expect(me.json()).toEqual({ user: null, csrfToken: null, can: NO_ABILITIES });
  });

  it("resets a forgotten password; old sessions end; unknown emails look the same", async () => {
    expect(
      (await t.request("POST", "/api/v1/auth/password-reset", { body: { email: "nobody@example.org" } })).statusCode,
    ).toBe(202);
    expect((await t.request("POST", "/api/v1/auth/password-reset", { body: { email } })).statusCode).toBe(202);
    const token = tokenIn((await lastEmailTo(email)).text, "/reset-password")!;
    const res = await t.request("POST", "/api/v1/auth/password-reset/confirm", {
      body: { token, password: "a brand new passphrase" },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.request("GET", "/api/v1/auth/session", { as: session })).json().user).toBeNull();
    await expect(t.signIn(email, password)).rejects.toThrow(/401/);
    await t.signIn(email, "a brand new passphrase");
  });

  it("a disabled account cannot sign in and its sessions stop working", async () => {
    const s = await t.signIn(email, "a brand new passphrase");
    const res = await t.request("PATCH", `/api/v1/members/people/${s.userId}`, { as: admin, body: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect((await t.request("GET", "/api/v1/auth/session", { as: s })).json().user).toBeNull();
    await expect(t.signIn(email, "a brand new passphrase")).rejects.toThrow(/401/);
  });
});

describe("API tokens", () => {
  it("creates a token shown once, authenticates with it, lists it without the secret, revokes it", async () => {
    const created = await t.request("POST", "/api/v1/auth/tokens", {
      as: admin,
      body: { name: "robot", expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^cnc_/);
    const me = await t.request("GET", "/api/v1/auth/session", { as: { token } });
    expect(me.json().user.email).toBe(ADMIN.email);
    const list = await t.request("GET", "/api/v1/auth/tokens", { as: admin });
    const listed = list.json().items.find((x: { id: string }) => x.id === id);
    expect(listed.name).toBe("robot");
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await t.request("DELETE", `/api/v1/auth/tokens/${id}`, { as: admin })).statusCode).toBe(204);
    expect((await t.request("GET", "/api/v1/auth/session", { as: { token } })).statusCode).toBe(401);
  });
});

describe("rate limiting", () => {
  it("limits sign-in attempts per address", async () => {
    const limited = await createTestApp({ authRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.request("POST", "/api/v1/auth/sign-in", {
          body: { email: "x@example.org", password: "wrong password" },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
