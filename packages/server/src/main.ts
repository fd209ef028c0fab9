import { loadConfig } from "./config.js";
import { prepare } from "./server.js";

/** `concordia serve`: start the HTTP server with settings from the environment. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const started = await prepare(config);
  const { app, bootstrap } = started;
  if (bootstrap.created) {
    if (bootstrap.generatedPassword) {
      // Printed once, to the console only. Change it after signing in.
      console.log(
        `\nSecretariat administrator created: ${bootstrap.email}\nOne-time password (shown only now): ${bootstrap.generatedPassword}\n`,
      );
    } else {
      app.log.info({ email: bootstrap.email }, "secretariat administrator created");
    }
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    await started.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Concordia on ${config.publicUrl} (database: ${started.deps.database.kind})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
