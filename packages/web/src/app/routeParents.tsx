import { createRootRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { NotFoundPage } from "./NotFoundPage";
import { Shell } from "./Shell";

/** The shell around every page. */
export const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundPage });

/** The secretariat's back office: modules add tabs under it (WebModule.adminTabs and adminRoutes). */
export const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "admin",
  component: lazyRouteComponent(() => import("./AdminLayout"), "AdminLayout"),
});

/** The routes a module's routes hang from. */
export interface RouteParents {
  root: typeof rootRoute;
  admin: typeof adminRoute;
}

export const routeParents: RouteParents = { root: rootRoute, admin: adminRoute };
