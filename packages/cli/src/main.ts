import { Command, CommanderError, InvalidArgumentError } from "commander";
import { registerLogCommands } from "./log/cli.js";
import { UsageError } from "./log/errors.js";
import { processOut } from "./log/output.js";

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
  .option("--scope <scopes>", "read, write, or both as read,write (read: GET only)", "read,write")
  .option("--json", "machine-readable output")
  .action(async (o) =>
    (await commands()).adminTokenCommand(
      { email: o.email, name: o.name, expiresInDays: o.expiresInDays, scope: o.scope },
      { json: !!o.json },
    ),
  );

program
  .command("export [file]")
  .description("write a full, versioned JSON backup (to stdout without a file)")
  .option("--json", "machine-readable summary")
  .option(
    "--include-secrets",
    "keep password hashes, session/token hashes and the log's signing key (left out by default)",
  )
  .action(async (file, o) =>
    (await commands()).exportCommand(file, { json: !!o.json }, { includeSecrets: !!o.includeSecrets }),
  );

program
  .command("import <file>")
  .description("restore a backup into an empty database, all or nothing")
  .option("--json", "machine-readable summary")
  .action(async (file, o) => (await commands()).importCommand(file, { json: !!o.json }));

registerLogCommands(program);

const rules = () => import("./rules/obligations.js");
const list = (v: string, previous: string[] = []) => [
  ...previous,
  ...v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
];
program
  .command("obligations <profile>")
  .description("evaluate an AI system profile (JSON or YAML file, or - for stdin) against every instrument")
  .option("--as-of <date>", "evaluation date, YYYY-MM-DD (default: today)")
  .option("--jurisdiction <codes>", "only these jurisdictions (comma-separated or repeated; US covers US-CO)", list)
  .option("--all", "also list obligations that do not apply")
  .option("--explain", "print the profile facts behind each obligation")
  .option("--format <format>", "text, json or csv", "text")
  .option("--server <url>", "evaluate on a Concordia server (its published instruments) instead of local data files")
  .option("--data-dir <dir>", "reference data folder (default: the repository's data/)")
  .action(async (file, o) => {
    if (!["text", "json", "csv"].includes(o.format)) throw new UsageError("--format is text, json or csv");
    const { obligationsCommand, DEFAULT_DATA_DIR } = await rules();
    process.exitCode = await obligationsCommand(
      file,
      {
        format: o.format,
        asOf: o.asOf,
        jurisdictions: o.jurisdiction,
        all: !!o.all,
        explain: !!o.explain,
        server: o.server,
        dataDir: o.dataDir ?? DEFAULT_DATA_DIR,
      },
      processOut(o.format === "json"),
    );
  });

program
  .command("instruments")
  .description("reference data of the rules module")
  .command("validate [files...]")
  .description(
    "check instrument files (JSON or YAML; default: every instrument of the data folder) against the schema, every error with its path, and list the reviews that are overdue",
  )
  .option("--as-of <date>", "age reviews to this date, YYYY-MM-DD (default: today)")
  .option("--max-age <days>", "a review older than this many days is overdue", positiveInt, 365)
  .option("--data-dir <dir>", "reference data folder when no file is named (default: the repository's data/)")
  .option("--json", "machine-readable output")
  .action(async (files: string[], o) => {
    const { validateInstrumentCommand, DEFAULT_DATA_DIR } = await rules();
    process.exitCode = validateInstrumentCommand(
      files,
      { asOf: o.asOf, maxAgeDays: o.maxAge, dataDir: o.dataDir ?? DEFAULT_DATA_DIR },
      processOut(!!o.json),
    );
  });

program
  .command("registry")
  .description("the AI system register")
  .command("import <file>")
  .description(
    "import system documents (NDJSON, one per line, or a JSON array; - for stdin) for one organization, a batch per transaction; the first invalid document stops the run with its line",
  )
  .requiredOption("--organization <id>", "the provider organization's id")
  .option("--publish", "store them as published, with a log record each (default: drafts)")
  .option("--batch <n>", "documents per transaction", positiveInt, 1000)
  .option("--json", "machine-readable summary")
  .action(async (file, o) =>
    (await import("./registry/import.js")).registryImportCommand(file, {
      organization: o.organization,
      publish: !!o.publish,
      batch: o.batch,
      json: !!o.json,
    }),
  );

program.parseAsync().catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // Commander has already printed the message or the help text; help asked for is a success.
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  console.error(`concordia: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
