import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { defineModule } from "../../app/module";
import { pageNumber, searchOf } from "../../app/search";
import type en from "../../locales/en/__name__.json";

declare module "../../app/module" {
  interface ModuleNamespaces {
    "__name__": typeof en;
  }
}

/** __Pascal__: (say in one line what the module is for). */
export const __camel__Module = defineModule({
  name: "__name__",
  routes: (p) => [
    createRoute({
      getParentRoute: () => p.root,
      path: "__name__",
      component: lazyRouteComponent(() => import("./__Pascal__Page"), "__Pascal__Page"),
      validateSearch: searchOf((s) => ({ page: pageNumber(s.page) })),
    }),
  ],
});
