import type { Policy } from "../policy/policy.js";

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
