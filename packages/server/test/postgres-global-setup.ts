import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres-server.js";

/** One PostgreSQL server for the whole run (or the one in TEST_DATABASE_URL); each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("postgresAdminUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const server = await startPostgres();
  project.provide("postgresAdminUrl", server.url);
  return () => server.stop();
}
