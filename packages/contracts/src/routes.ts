import { z } from "zod";
import { AuditListQuery, AuditPage, HealthView, OutboxListQuery, OutboxPage } from "./admin.js";
import {
  ApiTokenView,
  CreateApiTokenBody,
  CreatedApiToken,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  SessionView,
  SignInBody,
  SignUpBody,
  VerifyEmailBody,
} from "./auth.js";
import { IdParams } from "./common.js";
import { logContracts } from "./log.routes.js";
import {
  AcceptInvitationBody,
  AdmitMemberStateBody,
  CountryParams,
  CountryView,
  CreateInvitationBody,
  CreateOrganizationBody,
  GrantRoleBody,
  InvitationListQuery,
  InvitationPage,
  InvitationPreview,
  InvitationTokenParams,
  InvitationView,
  MemberStateView,
  OrganizationListQuery,
  OrganizationPage,
  OrganizationPersonView,
  OrganizationView,
  PeopleListQuery,
  PeoplePage,
  PersonView,
  UpdateOrganizationBody,
  UpdatePersonBody,
} from "./members.js";
import { registryContracts } from "./registry.routes.js";
import { NoContent, type RouteContract, route } from "./route.js";
import { rulesContracts } from "./rules.routes.js";

export type { RouteContract };

export const contracts = {
  health: route({
    method: "GET",
    path: "/api/health",
    summary: "Liveness and database check",
    tags: ["platform"],
    success: 200,
    response: HealthView,
  }),

  signUp: route({
    method: "POST",
    path: "/api/v1/auth/sign-up",
    summary: "Create an account and sign in",
    tags: ["auth"],
    body: SignUpBody,
    success: 201,
    response: SessionView,
  }),
  signIn: route({
    method: "POST",
    path: "/api/v1/auth/sign-in",
    summary: "Sign in with email and password",
    tags: ["auth"],
    body: SignInBody,
    success: 200,
    response: SessionView,
  }),
  signOut: route({
    method: "POST",
    path: "/api/v1/auth/sign-out",
    summary: "End the current session",
    tags: ["auth"],
    success: 204,
    response: NoContent,
  }),
  session: route({
    method: "GET",
    path: "/api/v1/auth/session",
    summary: "The signed-in person and CSRF token, or null",
    tags: ["auth"],
    success: 200,
    response: SessionView,
  }),
  verifyEmail: route({
    method: "POST",
    path: "/api/v1/auth/verify-email",
    summary: "Confirm an email address with the emailed token",
    tags: ["auth"],
    body: VerifyEmailBody,
    success: 204,
    response: NoContent,
  }),
  resendVerification: route({
    method: "POST",
    path: "/api/v1/auth/verify-email/resend",
    summary: "Send a new verification email",
    tags: ["auth"],
    success: 202,
    response: NoContent,
  }),
  requestPasswordReset: route({
    method: "POST",
    path: "/api/v1/auth/password-reset",
    summary: "Email a password reset link (always answers 202)",
    tags: ["auth"],
    body: PasswordResetRequestBody,
    success: 202,
    response: NoContent,
  }),
  confirmPasswordReset: route({
    method: "POST",
    path: "/api/v1/auth/password-reset/confirm",
    summary: "Set a new password with the emailed token",
    tags: ["auth"],
    body: PasswordResetConfirmBody,
    success: 204,
    response: NoContent,
  }),
  listApiTokens: route({
    method: "GET",
    path: "/api/v1/auth/tokens",
    summary: "Your API tokens",
    tags: ["auth"],
    success: 200,
    response: z.object({ items: z.array(ApiTokenView) }),
  }),
  createApiToken: route({
    method: "POST",
    path: "/api/v1/auth/tokens",
    summary: "Create an API token (the secret is shown once)",
    tags: ["auth"],
    body: CreateApiTokenBody,
    success: 201,
    response: CreatedApiToken,
  }),
  revokeApiToken: route({
    method: "DELETE",
    path: "/api/v1/auth/tokens/:id",
    summary: "Revoke one of your API tokens",
    tags: ["auth"],
    params: IdParams,
    success: 204,
    response: NoContent,
  }),

  listCountries: route({
    method: "GET",
    path: "/api/v1/members/countries",
    summary: "ISO 3166-1 countries with names in the six UN languages",
    tags: ["members"],
    success: 200,
    response: z.object({ items: z.array(CountryView) }),
  }),
  listMemberStates: route({
    method: "GET",
    path: "/api/v1/members/states",
    summary: "Member and observer states",
    tags: ["members"],
    success: 200,
    response: z.object({ items: z.array(MemberStateView) }),
  }),
  admitMemberState: route({
    method: "PUT",
    path: "/api/v1/members/states/:code",
    summary: "Admit a state or change its status",
    tags: ["members"],
    params: CountryParams,
    body: AdmitMemberStateBody,
    success: 200,
    response: MemberStateView,
  }),
  removeMemberState: route({
    method: "DELETE",
    path: "/api/v1/members/states/:code",
    summary: "Remove a state from the membership",
    tags: ["members"],
    params: CountryParams,
    success: 204,
    response: NoContent,
  }),

  listOrganizations: route({
    method: "GET",
    path: "/api/v1/members/organizations",
    summary: "Members directory",
    tags: ["members"],
    query: OrganizationListQuery,
    success: 200,
    response: OrganizationPage,
  }),
  createOrganization: route({
    method: "POST",
    path: "/api/v1/members/organizations",
    summary: "Register an organization",
    tags: ["members"],
    body: CreateOrganizationBody,
    success: 201,
    response: OrganizationView,
  }),
  getOrganization: route({
    method: "GET",
    path: "/api/v1/members/organizations/:id",
    summary: "One organization",
    tags: ["members"],
    params: IdParams,
    success: 200,
    response: OrganizationView,
  }),
  updateOrganization: route({
    method: "PATCH",
    path: "/api/v1/members/organizations/:id",
    summary: "Update an organization",
    tags: ["members"],
    params: IdParams,
    body: UpdateOrganizationBody,
    success: 200,
    response: OrganizationView,
  }),
  removeOrganization: route({
    method: "DELETE",
    path: "/api/v1/members/organizations/:id",
    summary: "Remove an organization with no people",
    tags: ["members"],
    params: IdParams,
    success: 204,
    response: NoContent,
  }),
  listOrganizationPeople: route({
    method: "GET",
    path: "/api/v1/members/organizations/:id/people",
    summary: "People of an organization (signed-in members only)",
    tags: ["members"],
    params: IdParams,
    success: 200,
    response: z.object({ items: z.array(OrganizationPersonView) }),
  }),

  listPeople: route({
    method: "GET",
    path: "/api/v1/members/people",
    summary: "Everyone with an account (secretariat)",
    tags: ["members"],
    query: PeopleListQuery,
    success: 200,
    response: PeoplePage,
  }),
  updatePerson: route({
    method: "PATCH",
    path: "/api/v1/members/people/:id",
    summary: "Rename, disable or re-enable an account",
    tags: ["members"],
    params: IdParams,
    body: UpdatePersonBody,
    success: 200,
    response: PersonView,
  }),
  grantRole: route({
    method: "POST",
    path: "/api/v1/members/roles",
    summary: "Give a person a role in an organization",
    tags: ["members"],
    body: GrantRoleBody,
    success: 201,
    response: PersonView,
  }),
  revokeRole: route({
    method: "DELETE",
    path: "/api/v1/members/roles/:id",
    summary: "Take a role away",
    tags: ["members"],
    params: IdParams,
    success: 204,
    response: NoContent,
  }),

  listInvitations: route({
    method: "GET",
    path: "/api/v1/members/invitations",
    summary: "Invitations sent by the secretariat",
    tags: ["members"],
    query: InvitationListQuery,
    success: 200,
    response: InvitationPage,
  }),
  createInvitation: route({
    method: "POST",
    path: "/api/v1/members/invitations",
    summary: "Invite someone to join an organization with a role",
    tags: ["members"],
    body: CreateInvitationBody,
    success: 201,
    response: InvitationView,
  }),
  revokeInvitation: route({
    method: "DELETE",
    path: "/api/v1/members/invitations/:id",
    summary: "Revoke a pending invitation",
    tags: ["members"],
    params: IdParams,
    success: 204,
    response: NoContent,
  }),
  previewInvitation: route({
    method: "GET",
    path: "/api/v1/members/invitations/by-token/:token",
    summary: "What an invitation offers",
    tags: ["members"],
    params: InvitationTokenParams,
    success: 200,
    response: InvitationPreview,
  }),
  acceptInvitation: route({
    method: "POST",
    path: "/api/v1/members/invitations/accept",
    summary: "Accept an invitation (creates the account if needed) and sign in",
    tags: ["members"],
    body: AcceptInvitationBody,
    success: 200,
    response: SessionView,
  }),

  listAuditEvents: route({
    method: "GET",
    path: "/api/v1/admin/audit",
    summary: "Internal audit trail of every mutating request",
    tags: ["admin"],
    query: AuditListQuery,
    success: 200,
    response: AuditPage,
  }),
  listOutbox: route({
    method: "GET",
    path: "/api/v1/admin/outbox",
    summary: "Emails the platform has queued or sent",
    tags: ["admin"],
    query: OutboxListQuery,
    success: 200,
    response: OutboxPage,
  }),

  ...logContracts,
  ...rulesContracts,
  ...registryContracts,
} as const satisfies Record<string, RouteContract>;

export type Contracts = typeof contracts;
export type RouteName = keyof Contracts;
export type RouteResponse<N extends RouteName> = z.infer<Contracts[N]["response"]>;
export type RouteBody<N extends RouteName> = Contracts[N] extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : never;
export type RouteQuery<N extends RouteName> = Contracts[N] extends { query: infer Q extends z.ZodType }
  ? z.input<Q>
  : never;
export type RouteParams<N extends RouteName> = Contracts[N] extends { params: infer P extends z.ZodType }
  ? z.input<P>
  : never;

/** Fills `:name` placeholders of a route path. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`missing path parameter ${k}`);
    return encodeURIComponent(v);
  });
}
