import type { Policy } from "../policy/policy.js";

/** Who may do what with __name__ items: reading is public; members of an organization add its items. */
export const __camel__Policy = {
  list: "public",
  create: { orgRole: ["member_delegate", "provider", "researcher", "auditor"] },
} as const satisfies Policy<string>;
