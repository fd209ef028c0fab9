import { SystemProfileSchema } from "@concordia/contracts";
import type { SystemProfile } from "@concordia/core";

/**
 * The profile in the URL (`?p=`): base64url (RFC 4648 §5, no padding) of its UTF-8 JSON, so a
 * link to the finder reloads the same answers and the same results.
 */

export const EMPTY_PROFILE: SystemProfile = { profileVersion: "1" };

export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Throws on text that is not base64url of valid UTF-8. */
export function fromBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) throw new Error("not base64url");
  const b64 = encoded
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(encoded.length / 4) * 4, "=");
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** True when the profile states nothing (only its version). */
export function isEmptyProfile(profile: SystemProfile): boolean {
  return Object.keys(profile).every((k) => k === "profileVersion");
}

/** The `p` search parameter for a profile; undefined for an empty profile (a bare URL). */
export function encodeProfile(profile: SystemProfile): string | undefined {
  return isEmptyProfile(profile) ? undefined : toBase64Url(JSON.stringify(profile));
}

export type Parsed = { ok: true; profile: SystemProfile } | { ok: false; errors: string[] };

/**
 * Checks a value against the profile schema. Accepts a bare profile, one without
 * `profileVersion` (version 1 is assumed), or a request body `{ profile: … }`.
 */
export function parseProfileValue(value: unknown): Parsed {
  let candidate = value;
  if (candidate && typeof candidate === "object" && !Array.isArray(candidate) && "profile" in candidate) {
    candidate = (candidate as { profile: unknown }).profile;
  }
  if (candidate && typeof candidate === "object" && !Array.isArray(candidate) && !("profileVersion" in candidate)) {
    candidate = { profileVersion: "1", ...candidate };
  }
  const result = SystemProfileSchema.safeParse(candidate);
  if (result.success) return { ok: true, profile: result.data as SystemProfile };
  return {
    ok: false,
    errors: result.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)),
  };
}

/** A profile from the text of a JSON file. */
export function parseProfileJson(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [e instanceof Error ? e.message : String(e)] };
  }
  return parseProfileValue(value);
}

/** The profile in `?p=`; an absent parameter is the empty profile, a broken one is reported. */
export function decodeProfile(p: string | undefined): Parsed {
  if (!p) return { ok: true, profile: EMPTY_PROFILE };
  let text: string;
  try {
    text = fromBase64Url(p);
  } catch {
    return { ok: false, errors: ["not base64url"] };
  }
  return parseProfileJson(text);
}

/** `asOf` from the URL when it is a real calendar date (YYYY-MM-DD). */
export function validDate(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}
