import { describe, expect, it } from "vitest";
import { abilities } from "../policy/policy.js";
import { PUBLIC_ACTOR } from "../policy/actor.js";
import { __camel__Policy } from "./policy.js";

describe("__camel__Policy", () => {
  it("lets the public read and an organization's members create", () => {
    expect(abilities(__camel__Policy, PUBLIC_ACTOR)).toEqual({ list: true, create: false });
    const member = { userId: "u", emailVerified: true, grants: [{ role: "provider" as const, organizationId: "o" }] };
    expect(abilities(__camel__Policy, member, { organizationId: "o" })).toEqual({ list: true, create: true });
    expect(abilities(__camel__Policy, member, { organizationId: "other" })).toEqual({ list: true, create: false });
  });
});
