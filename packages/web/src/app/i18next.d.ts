import "i18next";
import type { ModuleNamespaces } from "./module";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    /** `common` and one namespace per module (each module's index.ts adds its own). */
    resources: ModuleNamespaces;
  }
}
