import type { Policy } from "./policy.js";

/** The secretariat's view of the platform itself: the audit trail and the email outbox. */
export const adminPolicy = {
  readAudit: "secretariat",
  readOutbox: "secretariat",
} as const satisfies Policy<string>;
