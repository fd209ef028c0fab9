import { defineConfig } from "drizzle-kit";

// Every table lives in a `tables.ts` of the platform or of a module: a new module's tables are found
// without a list to keep.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./packages/server/src/platform/*/tables.ts", "./packages/server/src/modules/*/tables.ts"],
  out: "./packages/server/drizzle",
});
