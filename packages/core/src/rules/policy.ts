import type { Policy } from "../policy/policy.js";

/** The rules module: instruments are public; the secretariat checks and publishes new versions. */
export const instrumentPolicy = {
  read: "public",
  validate: "secretariat",
  publish: "secretariat",
} as const satisfies Policy<string>;
