import type { ServerModule } from "../../module.js";
import { __camel__Routes } from "./routes.js";
import * as tables from "./tables.js";

/** __Pascal__: (say in one line what the module is for). */
export const __camel__Module: ServerModule = { name: "__name__", routes: __camel__Routes, tables };
