import { INSTRUMENT_KINDS, INSTRUMENT_STATUSES } from "@concordia/core";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { defineModule } from "../../app/module";
import { oneOf, pageNumber, searchOf, text, wholeNumber } from "../../app/search";
import type rulesEn from "../../locales/en/rules.json";

declare module "../../app/module" {
  interface ModuleNamespaces {
    rules: typeof rulesEn;
  }
}

/**
 * The rules module (the server's `rules`): the instrument library, the obligation finder,
 * crosswalks between instruments and the gap analysis.
 */
export const rulesModule = defineModule({
  name: "rules",
  routes: (p) => [
    createRoute({
      getParentRoute: () => p.root,
      path: "instruments",
      component: lazyRouteComponent(() => import("./InstrumentsPage"), "InstrumentsPage"),
      validateSearch: searchOf((s) => ({
        q: text(s.q),
        jurisdiction: text(s.jurisdiction),
        kind: oneOf(INSTRUMENT_KINDS, s.kind),
        status: oneOf(INSTRUMENT_STATUSES, s.status),
        page: pageNumber(s.page),
      })),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "instruments/$id",
      component: lazyRouteComponent(() => import("./InstrumentPage"), "InstrumentPage"),
      validateSearch: searchOf((s) => ({ version: text(s.version), from: text(s.from), to: text(s.to) })),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "instruments/$id/requirements/$requirementId",
      component: lazyRouteComponent(() => import("./RequirementPage"), "RequirementPage"),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "obligations",
      component: lazyRouteComponent(() => import("./finder/FinderPage"), "FinderPage"),
      // p: the profile as base64url JSON (a shareable URL); asOf: evaluation date; step: wizard step.
      validateSearch: searchOf((s) => ({ p: text(s.p), asOf: text(s.asOf), step: wholeNumber(s.step) })),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "crosswalks",
      component: lazyRouteComponent(() => import("./crosswalks/CrosswalksPage"), "CrosswalksPage"),
      validateSearch: searchOf((s) => ({
        source: text(s.source),
        target: text(s.target),
        maxHops: wholeNumber(s.maxHops),
      })),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "gap",
      component: lazyRouteComponent(() => import("./gap/GapPage"), "GapPage"),
      validateSearch: searchOf((s) => ({
        covering: text(s.covering),
        target: text(s.target),
        maxHops: wholeNumber(s.maxHops),
      })),
    }),
  ],
  adminRoutes: (p) => [
    createRoute({
      getParentRoute: () => p.admin,
      path: "instruments",
      component: lazyRouteComponent(() => import("./InstrumentsAdminTab"), "InstrumentsAdminTab"),
    }),
  ],
  adminTabs: [{ path: "instruments", labelKey: "admin.tabs.instruments", order: 60 }],
  nav: [
    { to: "/instruments", labelKey: "nav.rules", testId: "nav-rules", order: 20 },
    { to: "/obligations", labelKey: "nav.obligations", testId: "nav-obligations", order: 40 },
  ],
  homeCards: [
    {
      order: 20,
      titleKey: "home.cards.instruments.title",
      bodyKey: "home.cards.instruments.body",
      links: [{ to: "/instruments", labelKey: "home.cards.instruments.link", testId: "home-instruments" }],
    },
    {
      order: 30,
      titleKey: "home.cards.obligations.title",
      bodyKey: "home.cards.obligations.body",
      links: [{ to: "/obligations", labelKey: "home.cards.obligations.link", testId: "home-obligations" }],
    },
    {
      order: 35,
      titleKey: "home.cards.crosswalks.title",
      bodyKey: "home.cards.crosswalks.body",
      links: [
        { to: "/crosswalks", labelKey: "home.cards.crosswalks.link", testId: "home-crosswalks" },
        { to: "/gap", labelKey: "home.cards.crosswalks.gap", testId: "home-gap" },
      ],
    },
  ],
});
