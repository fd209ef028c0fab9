import type { ServerModule } from "../../module.js";
import { logRoutes } from "./routes.js";
import * as tables from "./tables.js";

/** The transparency log: records, tiles, checkpoints, witnesses, notarization. */
export const logModule: ServerModule = {
  name: "log",
  routes: logRoutes,
  tables,
  jobs: [
    // Integrates records whose submitter went away before asking (e.g. a crashed instance).
    { name: "log sequencing", everyMs: 1_000, run: (deps) => deps.log.sequencer.run() },
  ],
};
