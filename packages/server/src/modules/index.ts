// Every server module, in the order their routes are registered. Adding a module = one line here
// (and its folder); app.ts, server.ts, the backup and drizzle-kit take it from this list.
import type { ServerModule } from "../module.js";
import { logModule } from "./log/index.js";
import { membersModule } from "./members/index.js";
import { registryModule } from "./registry/index.js";
import { rulesModule } from "./rules/index.js";

export const MODULES: readonly ServerModule[] = [
  membersModule,
  logModule,
  rulesModule,
  registryModule,
  // new modules (npm run new-module adds them above this line)
];
