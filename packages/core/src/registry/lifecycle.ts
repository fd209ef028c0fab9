import type { SystemStatus } from "./types.js";

export type LifecycleAction = "submit" | "publish" | "reject" | "withdraw" | "reopen";

/** Allowed transitions: draft → submitted → published → withdrawn; a rejected submission goes back to draft. */
export const TRANSITIONS: Readonly<Record<LifecycleAction, { from: readonly SystemStatus[]; to: SystemStatus }>> = {
  submit: { from: ["draft"], to: "submitted" },
  reject: { from: ["submitted"], to: "draft" },
  publish: { from: ["submitted"], to: "published" },
  withdraw: { from: ["published", "submitted"], to: "withdrawn" },
  reopen: { from: ["withdrawn"], to: "draft" },
};

export function nextStatus(current: SystemStatus, action: LifecycleAction): SystemStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(current) ? t.to : null;
}
