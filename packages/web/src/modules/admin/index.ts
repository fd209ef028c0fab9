import { ROLES } from "@concordia/core";
import { createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { defineModule } from "../../app/module";
import { oneOf, pageNumber, searchOf, text } from "../../app/search";

const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;

/** The secretariat's own tabs of the back office (the frame is app/AdminLayout.tsx). */
export const adminModule = defineModule({
  name: "admin",
  adminRoutes: (p) => [
    createRoute({
      getParentRoute: () => p.admin,
      path: "/",
      beforeLoad: () => {
        throw redirect({ to: "/admin/people", replace: true });
      },
    }),
    createRoute({
      getParentRoute: () => p.admin,
      path: "people",
      component: lazyRouteComponent(() => import("./PeopleTab"), "PeopleTab"),
      validateSearch: searchOf((s) => ({ q: text(s.q), role: oneOf(ROLES, s.role), page: pageNumber(s.page) })),
    }),
    createRoute({
      getParentRoute: () => p.admin,
      path: "organizations",
      component: lazyRouteComponent(() => import("./OrganizationsTab"), "OrganizationsTab"),
      validateSearch: searchOf((s) => ({ q: text(s.q), page: pageNumber(s.page) })),
    }),
    createRoute({
      getParentRoute: () => p.admin,
      path: "states",
      component: lazyRouteComponent(() => import("./MemberStatesTab"), "MemberStatesTab"),
    }),
    createRoute({
      getParentRoute: () => p.admin,
      path: "invitations",
      component: lazyRouteComponent(() => import("./InvitationsTab"), "InvitationsTab"),
      validateSearch: searchOf((s) => ({
        status: oneOf(INVITATION_STATUSES, s.status),
        page: pageNumber(s.page),
      })),
    }),
    createRoute({
      getParentRoute: () => p.admin,
      path: "audit",
      component: lazyRouteComponent(() => import("./AuditTab"), "AuditTab"),
      validateSearch: searchOf((s) => ({
        actorUserId: text(s.actorUserId),
        action: text(s.action),
        resourceType: text(s.resourceType),
        from: text(s.from),
        to: text(s.to),
        page: pageNumber(s.page),
      })),
    }),
    createRoute({
      getParentRoute: () => p.admin,
      path: "outbox",
      component: lazyRouteComponent(() => import("./OutboxTab"), "OutboxTab"),
      validateSearch: searchOf((s) => ({ to: text(s.to), page: pageNumber(s.page) })),
    }),
  ],
  adminTabs: [
    { path: "people", labelKey: "admin.tabs.people", order: 10 },
    { path: "organizations", labelKey: "admin.tabs.organizations", order: 20 },
    { path: "states", labelKey: "admin.tabs.states", order: 30 },
    { path: "invitations", labelKey: "admin.tabs.invitations", order: 40 },
    { path: "audit", labelKey: "admin.tabs.audit", order: 80 },
    { path: "outbox", labelKey: "admin.tabs.outbox", order: 90 },
  ],
  nav: [{ to: "/admin", labelKey: "nav.admin", testId: "nav-admin", order: 100, when: (c) => c.isSecretariat }],
});
