import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { defineModule } from "../../app/module";
import { pageNumber, searchOf, text, wholeNumber } from "../../app/search";

/** The transparency log: entries, checkpoints, witnesses, notarizing and verifying receipts. */
export const logModule = defineModule({
  name: "log",
  routes: (p) => [
    createRoute({
      getParentRoute: () => p.root,
      path: "verify",
      component: lazyRouteComponent(() => import("./VerifyPage"), "VerifyPage"),
      validateSearch: searchOf((s) => ({ index: wholeNumber(s.index) })),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "log",
      component: lazyRouteComponent(() => import("./LogPage"), "LogPage"),
      validateSearch: searchOf((s) => ({ type: text(s.type), page: pageNumber(s.page), cpage: pageNumber(s.cpage) })),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "log/entries/$index",
      component: lazyRouteComponent(() => import("./EntryPage"), "EntryPage"),
    }),
    createRoute({
      getParentRoute: () => p.root,
      path: "log/notarize",
      component: lazyRouteComponent(() => import("./NotarizePage"), "NotarizePage"),
    }),
  ],
  adminRoutes: (p) => [
    createRoute({
      getParentRoute: () => p.admin,
      path: "witnesses",
      component: lazyRouteComponent(() => import("./WitnessesAdminTab"), "WitnessesAdminTab"),
    }),
  ],
  adminTabs: [{ path: "witnesses", labelKey: "admin.tabs.witnesses", order: 50 }],
  nav: [
    { to: "/log", labelKey: "nav.log", testId: "nav-log", order: 50 },
    { to: "/verify", labelKey: "nav.verify", testId: "nav-verify", order: 60 },
  ],
  homeCards: [
    {
      order: 50,
      titleKey: "home.cards.log.title",
      bodyKey: "home.cards.log.body",
      links: [
        { to: "/log", labelKey: "home.cards.log.link", testId: "home-log" },
        { to: "/verify", labelKey: "home.cards.log.verify", testId: "home-verify" },
      ],
    },
  ],
});
