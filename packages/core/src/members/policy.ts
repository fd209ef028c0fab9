import type { Policy } from "../policy/policy.js";

/** Who may do what with member states, organizations, people and invitations. */
export const memberStatePolicy = {
  list: "public",
  admit: "secretariat",
  remove: "secretariat",
} as const satisfies Policy<string>;

export const organizationPolicy = {
  list: "public",
  read: "public",
  listPeople: "signed_in",
  create: "secretariat",
  update: { orgRole: ["member_delegate"] },
  remove: "secretariat",
} as const satisfies Policy<string>;

export const peoplePolicy = {
  list: "secretariat",
  update: "secretariat",
  grantRole: "secretariat",
  revokeRole: "secretariat",
} as const satisfies Policy<string>;

export const invitationPolicy = {
  list: "secretariat",
  create: "secretariat",
  revoke: "secretariat",
  preview: "public",
  accept: "public",
} as const satisfies Policy<string>;

export const apiTokenPolicy = {
  list: "signed_in",
  create: "signed_in",
  revoke: "self",
} as const satisfies Policy<string>;

export const adminPolicy = {
  readAudit: "secretariat",
  readOutbox: "secretariat",
} as const satisfies Policy<string>;

/** The transparency log: reading is public; member delegates and the secretariat notarize documents. */
export const notarizationPolicy = {
  create: { anyRole: ["member_delegate"] },
} as const satisfies Policy<string>;

export const witnessPolicy = {
  list: "public",
  register: "secretariat",
  remove: "secretariat",
} as const satisfies Policy<string>;

/** The rules module: instruments are public; the secretariat checks and publishes new versions. */
export const instrumentPolicy = {
  read: "public",
  validate: "secretariat",
  publish: "secretariat",
} as const satisfies Policy<string>;

/**
 * The AI system register. Published entries are public (field by field, see registry/visibility);
 * providers register and maintain their organization's systems; the secretariat reviews and
 * publishes; auditors read risk registers and assessments.
 */
export const registryPolicy = {
  list: "public",
  create: { orgRole: ["provider"] },
  update: { orgRole: ["provider"] },
  submit: { orgRole: ["provider"] },
  withdraw: { orgRole: ["provider"] },
  publish: "secretariat",
  reject: "secretariat",
  readRisks: { orgRole: ["provider", "auditor", "member_delegate"] },
  writeRisks: { orgRole: ["provider"] },
  readAssessments: { orgRole: ["provider", "auditor", "member_delegate"] },
  writeAssessments: { orgRole: ["provider"] },
  readAllRisks: { anyRole: ["auditor"] },
} as const satisfies Policy<string>;
