import "i18next";
import type en from "../locales/en/common.json";
import type enObligations from "../locales/en/obligations.json";
import type enRegistry from "../locales/en/registry.json";
import type enRegistryEdit from "../locales/en/registryEdit.json";
import type enRules from "../locales/en/rules.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      common: typeof en;
      rules: typeof enRules;
      obligations: typeof enObligations;
      registry: typeof enRegistry;
      registryEdit: typeof enRegistryEdit;
    };
  }
}
