/**
 * Roles a person can hold inside an organization. Visitors who are not signed in
 * are "the public"; a signed-in person with no membership is a "registered" user.
 */
export const ROLES = ["secretariat_admin", "member_delegate", "auditor", "provider", "researcher"] as const;
export type Role = (typeof ROLES)[number];

export const STAKEHOLDER_TYPES = [
  "government_agency",
  "academia",
  "industry",
  "civil_society",
  "intergovernmental_organization",
] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

/** Whether an organization (or a state) takes part as a full member or as an observer. */
export const MEMBERSHIP_STATUSES = ["member", "observer"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** The six official languages of the United Nations, in which the platform is offered. */
export const UN_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

/** Languages written right to left among the ones we serve. */
export function isRightToLeft(lang: string): boolean {
  return lang === "ar";
}
