import type { ParseKeys } from "i18next";
import type common from "../locales/en/common.json";
import type { RouteParents } from "./routeParents";

/**
 * The translation namespaces, for typed `t()` keys: `common` (the shell's words) here, and
 * one per module, added by the module's own index.ts:
 *
 *   declare module "../../app/module" { interface ModuleNamespaces { rules: typeof rulesEn } }
 *
 * The files themselves load on demand (app/i18n.ts): `locales/<language>/<module>.json`.
 */
export interface ModuleNamespaces {
  common: typeof common;
}

/** A key of the `common` namespace: navigation, admin tabs and home cards are named there, loaded at start. */
export type CommonKey = ParseKeys<"common">;

/** Who is looking, for navigation links shown to some people only. */
export interface NavContext {
  signedIn: boolean;
  isSecretariat: boolean;
  /** In the menu (narrow screens), not the header row. */
  inMenu: boolean;
}

export interface NavItem {
  /** A path of the route tree (app/router.tsx checks every one at compile time). */
  to: string;
  labelKey: CommonKey;
  testId?: string;
  /** Position in the header, lowest first. */
  order: number;
  when?: (context: NavContext) => boolean;
}

/** A tab of the secretariat's back office at /admin/<path>; its route comes from `adminRoutes`. */
export interface AdminTab {
  path: string;
  labelKey: CommonKey;
  order: number;
}

/** A card of the home page: what the module lets people do today, with links. */
export interface HomeCard {
  order: number;
  titleKey: CommonKey;
  bodyKey: CommonKey;
  links: readonly { to: string; labelKey: CommonKey; testId?: string }[];
}

/**
 * One module of the web app, named as on the server (members, log, rules, registry) or a
 * platform area (auth, admin, workspace, home). modules/index.ts lists them; the router,
 * the shell's navigation, the admin tabs and the home page read that list.
 */
export interface WebModule {
  name: string;
  /**
   * Routes under the root, made with `createRoute({ getParentRoute: () => parents.root, ... })`;
   * keep pages lazy (`lazyRouteComponent`) unless they are the first thing people see.
   * (Typed `unknown[]`, not `AnyRoute[]`: a contextual `AnyRoute` would erase the routes' types,
   * and with them the typed links; app/router.tsx takes the exact types from the module.)
   */
  routes?: (parents: RouteParents) => readonly unknown[];
  /** Routes under /admin (`getParentRoute: () => parents.admin`), one per tab in `adminTabs`. */
  adminRoutes?: (parents: RouteParents) => readonly unknown[];
  adminTabs?: readonly AdminTab[];
  nav?: readonly NavItem[];
  homeCards?: readonly HomeCard[];
}

/** Declares a module, keeping its exact route types (the router's typed links are built from them). */
export function defineModule<const M extends WebModule>(module: M): M {
  return module;
}
