import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { defineModule } from "../../app/module";

/** The signed-in person's own page: profile, roles, API tokens. */
export const workspaceModule = defineModule({
  name: "workspace",
  routes: (p) => [
    createRoute({
      getParentRoute: () => p.root,
      path: "workspace",
      component: lazyRouteComponent(() => import("./WorkspacePage"), "WorkspacePage"),
    }),
  ],
  // In the header row the signed-in person's name links to the workspace instead.
  nav: [
    {
      to: "/workspace",
      labelKey: "nav.workspace",
      testId: "nav-workspace",
      order: 90,
      when: (c) => c.signedIn && c.inMenu,
    },
  ],
});
