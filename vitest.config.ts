import { defineConfig } from "vitest/config";

const integration = ["packages/server/**/*.test.ts", "packages/cli/**/*.test.ts"];

export default defineConfig({
  test: {
    // 2 cores: two workers at most; each integration file has its own database.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/core/**/*.test.ts",
            "packages/contracts/**/*.test.ts",
            "packages/web/**/*.test.ts",
            "tests/**/*.test.ts",
          ],
        },
      },
      {
        test: {
          name: "integration-pglite",
          include: integration,
          // Tests of a PostgreSQL server's own behaviour (restarts, failover) run in the postgres project only.
          exclude: ["**/*.postgres.test.ts", "**/node_modules/**"],
          env: { CONCORDIA_TEST_DB: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration-postgres",
          include: integration,
          env: { CONCORDIA_TEST_DB: "postgres" },
          globalSetup: ["packages/server/test/postgres-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
