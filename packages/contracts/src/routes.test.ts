import { describe, expect, it } from "vitest";
import { SignUpBody } from "./auth.js";
import { CreateOrganizationBody } from "./members.js";
import { buildPath, contracts } from "./routes.js";

describe("route table", () => {
  it("has one contract per method and path", () => {
    const keys = Object.values(contracts).map((c) => `${c.method} ${c.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it("puts every API route under /api/v1 except health", () => {
    for (const [name, c] of Object.entries(contracts)) {
      if (name !== "health") expect(c.path.startsWith("/api/v1/")).toBe(true);
    }
  });
  it("declares a body only on methods that carry one", () => {
    for (const c of Object.values(contracts)) {
      if ("body" in c) expect(["POST", "PUT", "PATCH"]).toContain(c.method);
    }
  });
});

describe("buildPath", () => {
  it("fills and encodes parameters", () => {
    expect(buildPath("/api/v1/x/:id/y/:code", { id: "a b", code: "FR" })).toBe("/api/v1/x/a%20b/y/FR");
  });
  it("when a parameter is missing → throws", () => {
    expect(() => buildPath("/api/v1/x/:id")).toThrow(/id/);
  });
});

describe("schemas", () => {
  it("normalizes emails to lower case and rejects unknown fields", () => {
    expect(SignUpBody.parse({ email: "A@B.ORG", password: "x".repeat(12), name: "A" }).email).toBe("a@b.org");
    expect(SignUpBody.safeParse({ email: "a@b.org", password: "x".repeat(12), name: "A", role: "admin" }).success).toBe(
      false,
    );
  });
  it("fills organization defaults and rejects bad countries", () => {
    expect(CreateOrganizationBody.parse({ name: "Org", type: "academia" })).toMatchObject({
      status: "observer",
      countryCode: null,
      website: null,
      description: "",
    });
    expect(CreateOrganizationBody.safeParse({ name: "Org", type: "academia", countryCode: "fr" }).success).toBe(false);
  });
});
