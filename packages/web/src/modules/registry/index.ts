import { SYSTEM_KINDS, SYSTEM_STATUSES } from "@concordia/core";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { defineModule } from "../../app/module";
import { oneOf, pageNumber, searchOf, text } from "../../app/search";
import type registryEn from "../../locales/en/registry.json";

declare module "../../app/module" {
  interface ModuleNamespaces {
    registry: typeof registryEn;
  }
}

/** The AI system register: search, system pages, and (in edit/) the editor, risks and assessments. */
export const registryModule = defineModule({
  name: "registry",
  routes: (p) => [
    createRoute({
      getParentRoute: () => p.root,
      path: "registry",
      component: lazyRouteComponent(() => import("./RegistryPage"), "RegistryPage"),
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
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "registry/new",
      component: lazyRouteComponent(() => import("./edit/SystemEditorPage"), "SystemEditorPage"),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "registry/systems/$id",
      component: lazyRouteComponent(() => import("./SystemPage"), "SystemPage"),
      validateSearch: searchOf((s) => ({ tab: text(s.tab) })),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "registry/systems/$id/edit",
      component: lazyRouteComponent(() => import("./edit/SystemEditorPage"), "SystemEditorPage"),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "registry/assessments/$assessmentId",
      component: lazyRouteComponent(() => import("./edit/AssessmentPage"), "AssessmentPage"),
    }),
  ],
  adminRoutes: (p) => [
    createRoute({
      getParentRoute: () => p.admin,
      path: "registry",
      component: lazyRouteComponent(() => import("./edit/RegistryAdminTab"), "RegistryAdminTab"),
      validateSearch: searchOf((s) => ({ page: pageNumber(s.page) })),
    }),
  ],
  adminTabs: [{ path: "registry", labelKey: "admin.tabs.registry", order: 70 }],
  nav: [{ to: "/registry", labelKey: "nav.registry", testId: "nav-registry", order: 30 }],
  homeCards: [
    {
      order: 40,
      titleKey: "home.cards.registry.title",
      bodyKey: "home.cards.registry.body",
      links: [{ to: "/registry", labelKey: "home.cards.registry.link", testId: "home-registry" }],
    },
  ],
});
