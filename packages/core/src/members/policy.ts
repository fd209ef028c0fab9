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

/**
 * One's own account. Signing up, in and out, confirming an email and resetting a password are
 * open to all (the emailed secret or the password is the proof); resending the confirmation
 * email needs a signed-in person.
 */
export const accountPolicy = {
  signUp: "public",
  signIn: "public",
  signOut: "public",
  readSession: "public",
  verifyEmail: "public",
  resendVerification: "signed_in",
  resetPassword: "public",
} as const satisfies Policy<string>;

/**
 * One's own API tokens. Creating one also needs a confirmed email address and a browser session
 * (a token cannot mint tokens): facts about the request, checked by the service after this table.
 * What a token may then do is bounded by its scopes (`read`, `write`), enforced by the server's
 * auth plugin by HTTP method.
 */
export const apiTokenPolicy = {
  list: "signed_in",
  create: "signed_in",
  revoke: "self",
} as const satisfies Policy<string>;
