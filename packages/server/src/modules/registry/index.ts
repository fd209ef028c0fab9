import type { ServerModule } from "../../module.js";
import { reclassifyStale } from "./classify.service.js";
import { registryRoutes } from "./routes.js";
import * as tables from "./tables.js";

/** The AI system register: systems, classification, risks, assessments, interchange formats. */
export const registryModule: ServerModule = {
  name: "registry",
  routes: registryRoutes,
  tables,
  jobs: [
    {
      // Re-classifies registered systems after an instrument changed (a batch at a time, shared by instances).
      name: "re-classifying systems",
      everyMs: 5_000,
      run: async (deps) => reclassifyStale(deps.database.db, await deps.catalog(deps.database.db)),
    },
  ],
};
