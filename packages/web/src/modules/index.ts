import { adminModule } from "./admin";
import { authModule } from "./auth";
import { homeModule } from "./home";
import { logModule } from "./log";
import { membersModule } from "./members";
import { registryModule } from "./registry";
import { rulesModule } from "./rules";
import { workspaceModule } from "./workspace";

/**
 * Every module of the web app, the one list the router, the shell's navigation, the admin
 * tabs and the home page read. A new module: a folder modules/<name>/ whose index.ts
 * exports a `defineModule({...})`, its locales/<language>/<name>.json files, and a line here.
 */
export const modules = [
  homeModule,
  authModule,
  membersModule,
  rulesModule,
  registryModule,
  logModule,
  workspaceModule,
  adminModule,
  // new modules (npm run new-module adds them above this line)
] as const;
