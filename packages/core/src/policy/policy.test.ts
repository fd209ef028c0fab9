import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../members/roles.js";
import { type Actor, PUBLIC_ACTOR } from "./actor.js";
import { abilities, authorize, ensure, evaluateRule, type Rule } from "./policy.js";

const ORG = "org-1";
const OTHER = "org-2";
const actor = (role?: Role, org = ORG, userId = "u1"): Actor => ({
  userId,
  emailVerified: true,
  grants: role ? [{ role, organizationId: org }] : [],
});

describe("evaluateRule", () => {
  it("public rules allow everyone, the public included", () => {
    expect(evaluateRule("public", PUBLIC_ACTOR)).toBe("allow");
    expect(evaluateRule("public", actor("auditor"))).toBe("allow");
  });

  it("every other rule asks the public to sign in", () => {
    const rules: Rule[] = [
      "signed_in",
      "secretariat",
      "self",
      { anyRole: ["auditor"] },
      { orgRole: ["member_delegate"] },
    ];
    for (const r of rules)
      expect(evaluateRule(r, PUBLIC_ACTOR, { organizationId: ORG, userId: "u1" })).toBe("unauthenticated");
  });

  it("the secretariat may do everything", () => {
    const rules: Rule[] = [
      "signed_in",
      "secretariat",
      "self",
      { anyRole: ["auditor"] },
      { orgRole: ["member_delegate"] },
    ];
    for (const r of rules)
      expect(evaluateRule(r, actor("secretariat_admin", "sec", "admin"), { organizationId: ORG, userId: "u1" })).toBe(
        "allow",
      );
  });

  it("secretariat-only rules forbid every other role", () => {
    for (const role of ROLES.filter((r) => r !== "secretariat_admin")) {
      expect(evaluateRule("secretariat", actor(role))).toBe("forbidden");
    }
    expect(evaluateRule("secretariat", actor())).toBe("forbidden");
  });

  it("organization rules need the role in that very organization", () => {
    const rule: Rule = { orgRole: ["member_delegate"] };
    expect(evaluateRule(rule, actor("member_delegate", ORG), { organizationId: ORG })).toBe("allow");
    expect(evaluateRule(rule, actor("member_delegate", OTHER), { organizationId: ORG })).toBe("forbidden");
    expect(evaluateRule(rule, actor("auditor", ORG), { organizationId: ORG })).toBe("forbidden");
    expect(evaluateRule(rule, actor("member_delegate", ORG), {})).toBe("forbidden");
  });

  it("self rules allow only the owner", () => {
    expect(evaluateRule("self", actor(undefined, ORG, "u1"), { userId: "u1" })).toBe("allow");
    expect(evaluateRule("self", actor(undefined, ORG, "u2"), { userId: "u1" })).toBe("forbidden");
    expect(evaluateRule("self", actor(undefined, ORG, "u2"), {})).toBe("forbidden");
  });

  it("anyRole rules accept the role in any organization", () => {
    expect(evaluateRule({ anyRole: ["auditor", "researcher"] }, actor("researcher", OTHER))).toBe("allow");
    expect(evaluateRule({ anyRole: ["auditor"] }, actor("provider"))).toBe("forbidden");
  });

  it("property: gaining a grant never turns an allow into a refusal", () => {
    const role = fc.constantFrom(...ROLES);
    const rule = fc.oneof(
      fc.constantFrom<Rule>("public", "signed_in", "secretariat", "self"),
      fc.array(role, { minLength: 1 }).map((r): Rule => ({ anyRole: r })),
      fc.array(role, { minLength: 1 }).map((r): Rule => ({ orgRole: r })),
    );
    const grant = fc.record({ role, organizationId: fc.constantFrom(ORG, OTHER) });
    fc.assert(
      fc.property(rule, fc.array(grant), grant, (r, grants, extra) => {
        const before = evaluateRule(
          r,
          { userId: "u1", emailVerified: true, grants },
          { organizationId: ORG, userId: "u1" },
        );
        const after = evaluateRule(
          r,
          { userId: "u1", emailVerified: true, grants: [...grants, extra] },
          { organizationId: ORG, userId: "u1" },
        );
        return before !== "allow" || after === "allow";
      }),
    );
  });
});

describe("authorize", () => {
  it("looks the action up in the policy", () => {
    const policy = { read: "public", write: "secretariat" } as const;
    expect(authorize(policy, "read", PUBLIC_ACTOR)).toBe("allow");
    expect(authorize(policy, "write", actor("auditor"))).toBe("forbidden");
  });
});

describe("ensure and abilities", () => {
  const policy = { read: "public", edit: { orgRole: ["provider"] }, admin: "secretariat" } as const;

  it("ensure throws domain errors: unauthenticated for the public, forbidden for others", () => {
    expect(() => ensure(policy, "read", PUBLIC_ACTOR)).not.toThrow();
    expect(() => ensure(policy, "edit", PUBLIC_ACTOR, { organizationId: ORG })).toThrow(
      expect.objectContaining({ kind: "unauthenticated" }),
    );
    expect(() => ensure(policy, "edit", actor("provider", OTHER), { organizationId: ORG })).toThrow(
      expect.objectContaining({ kind: "forbidden" }),
    );
    expect(() => ensure(policy, "edit", actor("provider", ORG), { organizationId: ORG })).not.toThrow();
  });

  it("abilities lists every action of the policy with the caller's answer", () => {
    expect(abilities(policy, PUBLIC_ACTOR, { organizationId: ORG })).toEqual({ read: true, edit: false, admin: false });
    expect(abilities(policy, actor("provider", ORG), { organizationId: ORG })).toEqual({
      read: true,
      edit: true,
      admin: false,
    });
    expect(abilities(policy, actor("secretariat_admin", "sec", "admin"))).toEqual({
      read: true,
      edit: true,
      admin: true,
    });
  });
});
