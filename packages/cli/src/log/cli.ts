/** Commander wiring of the transparency-log commands: verify, notarize, witness, monitor. */
import { type Command, InvalidArgumentError } from "commander";
import { SIGNATURE_TYPE_ED25519, type VerifierKey } from "./core.js";
import { errorMessage } from "./errors.js";
import { defaultBaseUrl } from "./http.js";
import { readVerifierKeyArg } from "./keys.js";
import { processOut } from "./output.js";
import { monitorCommand, notarizeCommand, verifyCommand, witnessKeygenCommand, witnessRunCommand } from "./run.js";

function verifierKeyOption(kind: "log" | "witness" = "witness") {
  return (value: string): VerifierKey => {
    let key: VerifierKey;
    try {
      key = readVerifierKeyArg(value).key;
    } catch (err) {
      throw new InvalidArgumentError(errorMessage(err));
    }
    if (kind === "log" && key.type !== SIGNATURE_TYPE_ED25519) {
      throw new InvalidArgumentError("a log key is an Ed25519 note key (type 0x01); this looks like a witness key");
    }
    return key;
  };
}

function collectKeys() {
  const parse = verifierKeyOption();
  return (value: string, previous: VerifierKey[] = []) => [...previous, parse(value)];
}

function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("a whole number of seconds, at least 1");
  return n;
}

/** Runs a command function and turns its result into the process exit code. */
function exitWith(code: number | Promise<number>) {
  return Promise.resolve(code).then((c) => {
    process.exitCode = c;
  });
}

const URL_HELP = "server base URL (default: CONCORDIA_URL or http://localhost:3000)";

export function registerLogCommands(program: Command): void {
  program
    .command("verify <receipt>")
    .description(
      "verify a receipt offline, step by step: leaf hash, log signature, inclusion proof (receipt file or - for stdin)",
    )
    .option(
      "--key <verifier key>",
      "pin the log's verifier key (text or file), obtained independently",
      verifierKeyOption("log"),
    )
    .option("--witness-key <verifier key>", "require a valid cosignature by this witness (repeatable)", collectKeys())
    .option("--file <document>", "also check that the record carries this document's SHA-256")
    .option("--json", "machine-readable output")
    .addHelpText("after", "\nExit codes: 0 verified, 1 verification failed or error, 2 usage.")
    .action((receipt, o) =>
      exitWith(
        verifyCommand(receipt, { key: o.key, witnessKeys: o.witnessKey, document: o.file }, processOut(!!o.json)),
      ),
    );

  program
    .command("notarize <file>")
    .description("log a file's SHA-256 (computed locally; the file is not sent) and save the verified receipt")
    .requiredOption("--title <title>", "what the document is")
    .option("--description <text>", "a longer description")
    .option("--url <url>", URL_HELP, defaultBaseUrl())
    .option("--token <token>", "API token (default: CONCORDIA_TOKEN)")
    .option("--key <verifier key>", "check the receipt against this pinned log key", verifierKeyOption("log"))
    .option("--out <receipt.json>", "write the receipt there (otherwise it goes to stdout)")
    .option("--json", "machine-readable output")
    .action((file, o) =>
      exitWith(
        notarizeCommand(
          file,
          {
            baseUrl: o.url,
            token: o.token ?? process.env.CONCORDIA_TOKEN,
            title: o.title,
            description: o.description,
            key: o.key,
            outFile: o.out,
          },
          processOut(!!o.json),
        ),
      ),
    );

  const witness = program.command("witness").description("run a member-state witness of the transparency log");
  witness
    .command("keygen")
    .description("generate an Ed25519 cosignature/v1 key pair (<name>.key, mode 0600, and <name>.pub)")
    .requiredOption("--name <name>", "the witness name, e.g. witness.example.gov")
    .option("--out-dir <dir>", "where to write the files", ".")
    .option("--json", "machine-readable output")
    .action((o) => exitWith(witnessKeygenCommand({ name: o.name, outDir: o.outDir }, processOut(!!o.json))));
  witness
    .command("run")
    .description(
      "check each new checkpoint (pinned log key, consistency with the last one) and cosign it; refuses and exits 1 on any inconsistency",
    )
    .requiredOption("--key <file>", "the witness signer key file (from witness keygen)")
    .requiredOption(
      "--log-key <verifier key>",
      "the log's verifier key (text or file), pinned",
      verifierKeyOption("log"),
    )
    .requiredOption("--state <file>", "where the last verified checkpoint is kept")
    .option("--url <url>", URL_HELP, defaultBaseUrl())
    .option("--once", "do one round and exit")
    .option("--interval <seconds>", "seconds between rounds", seconds, 30)
    .option("--json", "one JSON object per round")
    .action((o) =>
      exitWith(
        witnessRunCommand(
          {
            keyFile: o.key,
            logKey: o.logKey,
            stateFile: o.state,
            baseUrl: o.url,
            once: !!o.once,
            intervalSeconds: o.interval,
          },
          processOut(!!o.json),
        ),
      ),
    );

  program
    .command("monitor")
    .description(
      "follow the log: check each checkpoint's signature and consistency, fetch the new entries and recompute the root; exits 1 with an ALARM on any inconsistency",
    )
    .requiredOption(
      "--log-key <verifier key>",
      "the log's verifier key (text or file), pinned",
      verifierKeyOption("log"),
    )
    .requiredOption("--state <file>", "where the last verified checkpoint and tree peaks are kept")
    .option("--url <url>", URL_HELP, defaultBaseUrl())
    .option("--once", "do one round and exit")
    .option("--interval <seconds>", "seconds between rounds", seconds, 30)
    .option("--json", "one JSON object per round")
    .action((o) =>
      exitWith(
        monitorCommand(
          { logKey: o.logKey, stateFile: o.state, baseUrl: o.url, once: !!o.once, intervalSeconds: o.interval },
          processOut(!!o.json),
        ),
      ),
    );
}
