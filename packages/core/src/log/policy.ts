import type { Policy } from "../policy/policy.js";

/** The transparency log: reading is public (anyone may verify); member delegates and the secretariat notarize documents. */
export const logPolicy = {
  read: "public",
} as const satisfies Policy<string>;

export const notarizationPolicy = {
  notarize: { anyRole: ["member_delegate"] },
} as const satisfies Policy<string>;

export const witnessPolicy = {
  list: "public",
  register: "secretariat",
  remove: "secretariat",
} as const satisfies Policy<string>;
