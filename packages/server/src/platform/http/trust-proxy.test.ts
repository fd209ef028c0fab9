import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, createTestApp, type TestApp } from "../../../test/harness.js";
import { loadConfig, parseTrustProxy, type TrustProxy } from "../../config.js";
import { sessions } from "../auth/tables.js";

/** An app whose trusted proxies are `trustProxy`, with a route that shows the client address it sees. */
async function appWith(trustProxy: TrustProxy, authRateLimit = 10_000) {
  const t = await createTestApp({ trustProxy, authRateLimit });
  t.app.get("/test/ip", { schema: { hide: true } }, async (request) => ({ ip: request.ip }));
  return t;
}

// app.inject's socket address is 127.0.0.1: the reverse proxy in front of the server.
const ipSeen = async (t: TestApp, xff?: string) =>
  (await t.request("GET", "/test/ip", { headers: xff ? { "x-forwarded-for": xff } : {} })).json().ip as string;

// Each attempt names another (unknown) account, so only the per-IP limit can stop them.
let attempt = 0;
const signInAttempts = async (t: TestApp, n: number, header: (i: number) => string) => {
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.request("POST", "/api/v1/auth/sign-in", {
      body: { email: `guess-${attempt++}@example.org`, password: `wrong password, attempt ${i}` },
      headers: { "x-forwarded-for": header(i) },
    });
    codes.push(res.statusCode);
  }
  return codes;
};

describe("CONCORDIA_TRUST_PROXY", () => {
  it("reads false, a hop count, or a list of proxy addresses and CIDRs", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("false")).toBe(false);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("10.0.0.0/8, 127.0.0.1,::1")).toEqual(["10.0.0.0/8", "127.0.0.1", "::1"]);
    expect(() => parseTrustProxy("yes")).toThrow(/CONCORDIA_TRUST_PROXY/);
    expect(() => parseTrustProxy("10.0.0.0/8,proxy.example")).toThrow(/proxy\.example/);
  });

  it('"true" no longer trusts every X-Forwarded-For: it is 1 hop, with a warning', () => {
    const warnings: string[] = [];
    expect(parseTrustProxy("true", (m) => warnings.push(m))).toBe(1);
    expect(warnings.join()).toMatch(/read as 1/);
    expect(loadConfig({ CONCORDIA_TRUST_PROXY: "7" }).trustProxy).toBe(7);
  });
});

describe("behind one proxy (CONCORDIA_TRUST_PROXY=1)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWith(1, 5);
  });
  afterAll(() => t.close());

  it("the client is the address the proxy saw (the last hop), not a value the client wrote", async () => {
    // The proxy appends the address it saw to whatever the client sent.
    expect(await ipSeen(t, "203.0.113.7")).toBe("203.0.113.7");
    expect(await ipSeen(t, "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await ipSeen(t, "1.1.1.1, 2.2.2.2, 203.0.113.7")).toBe("203.0.113.7");
    expect(await ipSeen(t)).toBe("127.0.0.1");
  });

  it("rotating X-Forwarded-For does not get around the sign-in limit", async () => {
    const codes = await signInAttempts(t, 8, (i) => `198.51.100.${i}, 203.0.113.50`);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429, 429]);
    // Another client behind the same proxy still has its own budget.
    expect(await signInAttempts(t, 1, () => "203.0.113.51")).toEqual([401]);
  });

  it("the session records the real client address", async () => {
    const res = await t.request("POST", "/api/v1/auth/sign-in", {
      body: { email: ADMIN.email, password: ADMIN.password },
      headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.99" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const userId = res.json().user.id as string;
    const rows = await t.db.select({ ip: sessions.ip }).from(sessions).where(eq(sessions.userId, userId));
    expect(rows.map((r) => r.ip)).toContain("203.0.113.99");
    expect(rows.map((r) => r.ip)).not.toContain("6.6.6.6");
  });
});

describe("trusted proxies by address (CONCORDIA_TRUST_PROXY=127.0.0.1,10.0.0.0/8)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWith(["127.0.0.1", "10.0.0.0/8"], 3);
  });
  afterAll(() => t.close());

  it("walks back through the trusted proxies only", async () => {
    expect(await ipSeen(t, "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await ipSeen(t, "6.6.6.6, 203.0.113.7, 10.1.2.3")).toBe("203.0.113.7");
    expect(await ipSeen(t, "6.6.6.6, 10.9.9.9")).toBe("6.6.6.6"); // only a trusted proxy could have added 6.6.6.6's hop
  });

  it("rotating X-Forwarded-For does not get around the sign-in limit", async () => {
    const codes = await signInAttempts(t, 5, (i) => `198.51.100.${i}, 203.0.113.60, 10.0.0.1`);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});

describe("no proxy (the default)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWith(false, 3);
  });
  afterAll(() => t.close());

  it("ignores X-Forwarded-For entirely", async () => {
    expect(await ipSeen(t, "6.6.6.6")).toBe("127.0.0.1");
    const codes = await signInAttempts(t, 5, (i) => `198.51.100.${i}`);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});
