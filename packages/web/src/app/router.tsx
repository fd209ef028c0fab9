import { createRouter } from "@tanstack/react-router";
import { modules } from "../modules";
import type { WebModule } from "./module";
import { NotFoundPage } from "./NotFoundPage";
import { PageLoading } from "./PageLoading";
import { adminRoute, rootRoute, routeParents } from "./routeParents";

type Module = (typeof modules)[number];
type RoutesOf<M, K extends "routes" | "adminRoutes"> = M extends { [P in K]: (...args: never[]) => infer R }
  ? R extends readonly (infer Route)[]
    ? Route
    : never
  : never;

/** The routes of every module, typed as the modules declare them (the typed links come from these types). */
function collect<K extends "routes" | "adminRoutes">(key: K): RoutesOf<Module, K>[] {
  return (modules as readonly WebModule[]).flatMap((m) => m[key]?.(routeParents) ?? []) as RoutesOf<Module, K>[];
}

/** The route tree, from the modules' `routes` (under the root) and `adminRoutes` (under /admin). */
const routeTree = rootRoute.addChildren([...collect("routes"), adminRoute.addChildren(collect("adminRoutes"))]);

export const router = createRouter({
  routeTree,
  defaultNotFoundComponent: NotFoundPage,
  // While a lazy page's code (or its translations) loads.
  defaultPendingComponent: PageLoading,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

/**
 * Compile-time check: every navigation and home-page link a module declares is a path of the
 * route tree (WebModule types them as strings, since the tree is built from the modules).
 */
type Path = keyof (typeof router)["routesByPath"];
type NavTargets<M> = M extends { nav: readonly { to: infer T }[] } ? T : never;
type CardTargets<M> = M extends { homeCards: readonly { links: readonly { to: infer T }[] }[] } ? T : never;
type UnknownPath = Exclude<NavTargets<Module> | CardTargets<Module>, Path>;
export const everyLinkIsARoute: [UnknownPath] extends [never] ? true : { unknownPaths: UnknownPath } = true;
