import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";

/**
 * Password hashing: argon2id with the OWASP-recommended minimum parameters
 * (19 MiB memory, 2 iterations, 1 lane), via the @node-rs/argon2 library.
 */
// Algorithm.Argon2id is a const enum (value 2); isolatedModules forbids reading it.
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** A PHC hash of a random password, so unknown emails cost as much time as known ones. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

/** 256-bit random secret, base64url. Used for session cookies, tokens in emails and API tokens. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Secrets are stored only as their SHA-256: a database leak does not leak live credentials. */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const API_TOKEN_PREFIX = "cnc_";
