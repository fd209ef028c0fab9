import type { ServerModule } from "../../module.js";
import { deleteStaleRateLimits } from "../../platform/auth/rate-limit.js";
import { membersRoutes } from "./routes.js";
import * as tables from "./tables.js";

/** Members: member states, organizations, people, roles, invitations, accounts. */
export const membersModule: ServerModule = {
  name: "members",
  routes: membersRoutes,
  tables,
  backupExclusions: {
    rate_limits: "transient counters of the sign-in and request limiters; a restored server starts with none",
  },
  jobs: [
    {
      // The accounts' rate limits live in the platform's rate_limits table; old rows go here.
      name: "rate-limit-clean-up",
      everyMs: 10 * 60_000,
      run: (deps) => deleteStaleRateLimits(deps.database.db),
    },
  ],
};
