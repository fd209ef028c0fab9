import { describe, expect, it } from "vitest";
import {
  decodeProfile,
  EMPTY_PROFILE,
  encodeProfile,
  fromBase64Url,
  parseProfileJson,
  toBase64Url,
  validDate,
} from "./profileUrl";

describe("base64url", () => {
  it("round-trips UTF-8 text without padding or URL-unsafe characters", () => {
    for (const text of ["", "a", "ab", "abc", '{"name":"Système d’IA — 招聘"}', "\u{1F600}??>>"]) {
      const encoded = toBase64Url(text);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(encoded)).toBe(text);
    }
    expect(toBase64Url("??>")).toBe("Pz8-");
  });

  it("rejects text that is not base64url", () => {
    expect(() => fromBase64Url("a+b/")).toThrow();
    expect(() => fromBase64Url("abcde")).toThrow();
    expect(() => fromBase64Url("_w")).toThrow(); // 0xFF is not UTF-8
  });
});

describe("profile in the URL", () => {
  const profile = {
    profileVersion: "1" as const,
    roles: ["deployer" as const],
    places: { used: ["DE"] },
    purposes: ["employment" as const],
    functions: [],
  };

  it("round-trips, and an empty profile is no parameter at all", () => {
    const p = encodeProfile(profile);
    expect(p).toBeDefined();
    expect(decodeProfile(p)).toEqual({ ok: true, profile });
    expect(encodeProfile(EMPTY_PROFILE)).toBeUndefined();
    expect(decodeProfile(undefined)).toEqual({ ok: true, profile: EMPTY_PROFILE });
  });

  it("reports a broken or invalid parameter", () => {
    expect(decodeProfile("%%%").ok).toBe(false);
    expect(decodeProfile(toBase64Url("not json")).ok).toBe(false);
    const bad = decodeProfile(toBase64Url(JSON.stringify({ profileVersion: "1", roles: ["king"] })));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^roles\.0: /);
  });
});

describe("profile files", () => {
  it("accepts a profile, one without a version, and a request body", () => {
    expect(parseProfileJson('{"profileVersion":"1","publicFacing":true}')).toEqual({
      ok: true,
      profile: { profileVersion: "1", publicFacing: true },
    });
    expect(parseProfileJson('{"publicFacing":false}')).toEqual({
      ok: true,
      profile: { profileVersion: "1", publicFacing: false },
    });
    expect(parseProfileJson('{"profile":{"roles":[]},"asOf":"2026-01-01"}')).toEqual({
      ok: true,
      profile: { profileVersion: "1", roles: [] },
    });
  });

  it("lists what is wrong", () => {
    const unknownKey = parseProfileJson('{"profileVersion":"1","colour":"red"}');
    expect(unknownKey.ok).toBe(false);
    expect(parseProfileJson("[1,2]").ok).toBe(false);
    const broken = parseProfileJson("{");
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors).toHaveLength(1);
  });
});

describe("validDate", () => {
  it("keeps real calendar dates only", () => {
    expect(validDate("2026-08-02")).toBe("2026-08-02");
    expect(validDate("2026-02-30")).toBeUndefined();
    expect(validDate("2026-8-2")).toBeUndefined();
    expect(validDate(undefined)).toBeUndefined();
  });
});
