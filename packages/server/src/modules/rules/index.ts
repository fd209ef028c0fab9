import type { ServerModule } from "../../module.js";
import { seedReferenceInstruments } from "./instruments.service.js";
import { loadReferenceInstruments } from "./reference-data.js";
import { rulesRoutes } from "./routes.js";
import * as tables from "./tables.js";

/** Rules and harmonization: instruments as data, obligations, crosswalks, gap analysis. */
export const rulesModule: ServerModule = {
  name: "rules",
  routes: rulesRoutes,
  tables,
  async start(deps) {
    if (!deps.config.seedReferenceData) return;
    // Publishes every new (id, version) of data/frameworks, each logged; integrated before serving.
    const added = await seedReferenceInstruments(deps.database, loadReferenceInstruments(deps.config.referenceDataDir));
    if (added > 0) await deps.log.sequencer.run();
  },
};
