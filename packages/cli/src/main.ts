import { Command, CommanderError, InvalidArgumentError } from "commander";
import { registerLogCommands } from "./log/cli.js";
import { UsageError } from "./log/errors.js";

// The server and database code load only for the commands that need them, so
// the log commands (run by witnesses and third parties) start fast and light.
const commands = () => import("./commands.js");

function positiveInt(v: string) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("a whole number of at least 1");
  return n;
}

const program = new Command()
  .name("concordia")
  .description(
    "Concordia command line. Settings come from the environment (see README): DATABASE_URL, CONCORDIA_DATA_DIR, ...",
  )
  .showHelpAfterError()
  // Usage errors end with exit code 2 (below) rather than commander's 1.
  .exitOverride();

program
  .command("serve")
  .description("run the web server")
  .action(async () => (await import("@concordia/server")).serve());

program
  .command("migrate")
  .description("apply database migrations")
  .option("--json", "machine-readable output")
  .action(async (o) => (await commands()).migrateCommand({ json: !!o.json }));

const admin = program.command("admin").description("secretariat administration");
admin
  .command("create")
  .description("create a secretariat administrator (or give an existing account that role)")
  .requiredOption("--email <email>", "their email")
  .option("--name <name>", "their name", "Secretariat administrator")
  .option("--password <password>", "their password; when absent a one-time password is generated and printed once")
  .option("--json", "machine-readable output")
  .action(async (o) =>
    (await commands()).adminCreateCommand({ email: o.email, name: o.name, password: o.password }, { json: !!o.json }),
  );
admin
  .command("token")
  .description("create an API token for an account and print it")
  .requiredOption("--email <email>", "the account")
  .option("--name <name>", "a label for the token", "cli")
  .option("--expires-in-days <n>", "expiry", positiveInt)
  .option("--json", "machine-readable output")
  .action(async (o) =>
    (await commands()).adminTokenCommand(
      { email: o.email, name: o.name, expiresInDays: o.expiresInDays },
      { json: !!o.json },
    ),
  );

program
  .command("export [file]")
  .description("write a full, versioned JSON backup (to stdout without a file)")
  .option("--json", "machine-readable summary")
  .action(async (file, o) => (await commands()).exportCommand(file, { json: !!o.json }));

program
  .command("import <file>")
  .description("restore a backup into an empty database, all or nothing")
  .option("--json", "machine-readable summary")
  .action(async (file, o) => (await commands()).importCommand(file, { json: !!o.json }));

registerLogCommands(program);

program.parseAsync().catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // Commander has already printed the message or the help text; help asked for is a success.
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  console.error(`concordia: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
