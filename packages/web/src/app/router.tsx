import {
  INSTRUMENT_KINDS,
  INSTRUMENT_STATUSES,
  MEMBERSHIP_STATUSES,
  ROLES,
  STAKEHOLDER_TYPES,
  SYSTEM_KINDS,
  SYSTEM_STATUSES,
} from "@concordia/core";
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { ForgotPasswordPage } from "../modules/auth/ForgotPasswordPage";
import { InvitePage } from "../modules/auth/InvitePage";
import { ResetPasswordPage } from "../modules/auth/ResetPasswordPage";
import { SignInPage } from "../modules/auth/SignInPage";
import { SignUpPage } from "../modules/auth/SignUpPage";
import { VerifyEmailPage } from "../modules/auth/VerifyEmailPage";
import { HomePage } from "../modules/home/HomePage";
import { MembersPage } from "../modules/members/MembersPage";
import { OrganizationPage } from "../modules/members/OrganizationPage";
import { NotFoundPage } from "./NotFoundPage";
import { Shell } from "./Shell";
import { localPath, oneOf, pageNumber, text, wholeNumber } from "./search";

const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;

/**
 * Search parameters are optional everywhere (a bare URL is always valid), so
 * validators return types with optional keys and links need not spell them out.
 */
type Search<T> = { [K in keyof T]?: T[K] };
type Raw = Record<string, unknown>;
const searchOf =
  <T extends Raw>(read: (s: Raw) => T) =>
  (s: Raw): Search<T> =>
    read(s);

const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: HomePage });

const membersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "members",
  component: MembersPage,
  validateSearch: searchOf((s) => ({
    q: text(s.q),
    type: oneOf(STAKEHOLDER_TYPES, s.type),
    status: oneOf(MEMBERSHIP_STATUSES, s.status),
    country: text(s.country),
    page: pageNumber(s.page),
  })),
});

const organizationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "members/organizations/$id",
  component: OrganizationPage,
});

const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "verify",
  component: lazyRouteComponent(() => import("../modules/log/VerifyPage"), "VerifyPage"),
  validateSearch: searchOf((s) => ({ index: wholeNumber(s.index) })),
});
const logRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "log",
  component: lazyRouteComponent(() => import("../modules/log/LogPage"), "LogPage"),
  validateSearch: searchOf((s) => ({ type: text(s.type), page: pageNumber(s.page), cpage: pageNumber(s.cpage) })),
});
const logEntryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "log/entries/$index",
  component: lazyRouteComponent(() => import("../modules/log/EntryPage"), "EntryPage"),
});
const notarizeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "log/notarize",
  component: lazyRouteComponent(() => import("../modules/log/NotarizePage"), "NotarizePage"),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  component: SignInPage,
  validateSearch: searchOf((s) => ({ redirect: localPath(s.redirect) })),
});
const signUpRoute = createRoute({ getParentRoute: () => rootRoute, path: "sign-up", component: SignUpPage });
const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "verify-email",
  component: VerifyEmailPage,
  validateSearch: searchOf((s) => ({ token: text(s.token) })),
});
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "forgot-password",
  component: ForgotPasswordPage,
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "reset-password",
  component: ResetPasswordPage,
  validateSearch: searchOf((s) => ({ token: text(s.token) })),
});
const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "invite/$token",
  component: InvitePage,
});

const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "workspace",
  component: lazyRouteComponent(() => import("../modules/workspace/WorkspacePage"), "WorkspacePage"),
});

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "admin",
  component: lazyRouteComponent(() => import("../modules/admin/AdminLayout"), "AdminLayout"),
});
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/admin/people", replace: true });
  },
});
const adminPeopleRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "people",
  component: lazyRouteComponent(() => import("../modules/admin/PeopleTab"), "PeopleTab"),
  validateSearch: searchOf((s) => ({ q: text(s.q), role: oneOf(ROLES, s.role), page: pageNumber(s.page) })),
});
const adminOrganizationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "organizations",
  component: lazyRouteComponent(() => import("../modules/admin/OrganizationsTab"), "OrganizationsTab"),
  validateSearch: searchOf((s) => ({ q: text(s.q), page: pageNumber(s.page) })),
});
const adminStatesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "states",
  component: lazyRouteComponent(() => import("../modules/admin/MemberStatesTab"), "MemberStatesTab"),
});
const adminInvitationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "invitations",
  component: lazyRouteComponent(() => import("../modules/admin/InvitationsTab"), "InvitationsTab"),
  validateSearch: searchOf((s) => ({
    status: oneOf(INVITATION_STATUSES, s.status),
    page: pageNumber(s.page),
  })),
});
const adminAuditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "audit",
  component: lazyRouteComponent(() => import("../modules/admin/AuditTab"), "AuditTab"),
  validateSearch: searchOf((s) => ({
    actorUserId: text(s.actorUserId),
    action: text(s.action),
    resourceType: text(s.resourceType),
    from: text(s.from),
    to: text(s.to),
    page: pageNumber(s.page),
  })),
});
const adminOutboxRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "outbox",
  component: lazyRouteComponent(() => import("../modules/admin/OutboxTab"), "OutboxTab"),
  validateSearch: searchOf((s) => ({ to: text(s.to), page: pageNumber(s.page) })),
});

const adminWitnessesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "witnesses",
  component: lazyRouteComponent(() => import("../modules/log/WitnessesAdminTab"), "WitnessesAdminTab"),
});

const instrumentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "instruments",
  component: lazyRouteComponent(() => import("../modules/rules/InstrumentsPage"), "InstrumentsPage"),
  validateSearch: searchOf((s) => ({
    q: text(s.q),
    jurisdiction: text(s.jurisdiction),
    kind: oneOf(INSTRUMENT_KINDS, s.kind),
    status: oneOf(INSTRUMENT_STATUSES, s.status),
    page: pageNumber(s.page),
  })),
});
const instrumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "instruments/$id",
  component: lazyRouteComponent(() => import("../modules/rules/InstrumentPage"), "InstrumentPage"),
  validateSearch: searchOf((s) => ({ version: text(s.version), from: text(s.from), to: text(s.to) })),
});
const requirementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "instruments/$id/requirements/$requirementId",
  component: lazyRouteComponent(() => import("../modules/rules/RequirementPage"), "RequirementPage"),
});
const obligationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "obligations",
  component: lazyRouteComponent(() => import("../modules/obligations/FinderPage"), "FinderPage"),
  // p: the profile as base64url JSON (a shareable URL); asOf: evaluation date; step: wizard step.
  validateSearch: searchOf((s) => ({ p: text(s.p), asOf: text(s.asOf), step: wholeNumber(s.step) })),
});
const crosswalksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "crosswalks",
  component: lazyRouteComponent(() => import("../modules/obligations/CrosswalksPage"), "CrosswalksPage"),
  validateSearch: searchOf((s) => ({
    source: text(s.source),
    target: text(s.target),
    maxHops: wholeNumber(s.maxHops),
  })),
});
const gapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "gap",
  component: lazyRouteComponent(() => import("../modules/obligations/GapPage"), "GapPage"),
  validateSearch: searchOf((s) => ({
    covering: text(s.covering),
    target: text(s.target),
    maxHops: wholeNumber(s.maxHops),
  })),
});
const adminInstrumentsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "instruments",
  component: lazyRouteComponent(() => import("../modules/rules/InstrumentsAdminTab"), "InstrumentsAdminTab"),
});

const registryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "registry",
  component: lazyRouteComponent(() => import("../modules/registry/RegistryPage"), "RegistryPage"),
  validateSearch: searchOf((s) => ({
    q: text(s.q),
    jurisdiction: text(s.jurisdiction),
    category: text(s.category),
    sector: text(s.sector),
    provider: text(s.provider),
    kind: oneOf(SYSTEM_KINDS, s.kind),
    status: oneOf(SYSTEM_STATUSES, s.status),
    // The router parses ?mine=true into a boolean; a link may also carry the string.
    mine: s.mine === true || s.mine === "true" ? ("true" as const) : undefined,
    sort: oneOf(["relevance", "name", "published", "updated"] as const, s.sort),
    page: pageNumber(s.page),
  })),
});
const systemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "registry/systems/$id",
  component: lazyRouteComponent(() => import("../modules/registry/SystemPage"), "SystemPage"),
  validateSearch: searchOf((s) => ({ tab: text(s.tab) })),
});
const newSystemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "registry/new",
  component: lazyRouteComponent(() => import("../modules/registry-edit/SystemEditorPage"), "SystemEditorPage"),
});
const editSystemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "registry/systems/$id/edit",
  component: lazyRouteComponent(() => import("../modules/registry-edit/SystemEditorPage"), "SystemEditorPage"),
});
const assessmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "registry/assessments/$assessmentId",
  component: lazyRouteComponent(() => import("../modules/registry-edit/AssessmentPage"), "AssessmentPage"),
});
const adminRegistryRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "registry",
  component: lazyRouteComponent(() => import("../modules/registry-edit/RegistryAdminTab"), "RegistryAdminTab"),
  validateSearch: searchOf((s) => ({ page: pageNumber(s.page) })),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  membersRoute,
  organizationRoute,
  verifyRoute,
  logRoute,
  logEntryRoute,
  notarizeRoute,
  instrumentsRoute,
  instrumentRoute,
  requirementRoute,
  obligationsRoute,
  crosswalksRoute,
  gapRoute,
  registryRoute,
  newSystemRoute,
  systemRoute,
  editSystemRoute,
  assessmentRoute,
  signInRoute,
  signUpRoute,
  verifyEmailRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  inviteRoute,
  workspaceRoute,
  adminRoute.addChildren([
    adminIndexRoute,
    adminPeopleRoute,
    adminOrganizationsRoute,
    adminStatesRoute,
    adminInvitationsRoute,
    adminAuditRoute,
    adminOutboxRoute,
    adminWitnessesRoute,
    adminInstrumentsRoute,
    adminRegistryRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
