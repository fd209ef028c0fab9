import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Starts a real, throw-away PostgreSQL server from the machine's binaries
 * (Debian's `postgresql` package) for the integration tests, benchmarks and e2e.
 */
export function findPostgresBin(): string | undefined {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], "bin");
  }
  return undefined;
}

export const MISSING_POSTGRES =
  "PostgreSQL server binaries not found. Install them (Debian: `apt-get install -y postgresql`), set PG_BIN to their folder, or point DATABASE_URL at a running server.";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/** `settings`: extra server settings, e.g. { shared_buffers: "4GB" } for a benchmark. */
export async function startPostgres(
  options: { host?: string; settings?: Record<string, string> } = {},
): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(MISSING_POSTGRES);
  const host = options.host ?? "127.0.0.1";
  const dir = mkdtempSync(join(tmpdir(), "concordia-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: hand the folder to the postgres user.
  const asPostgres = (cmd: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  execFileSync(
    ...asPostgres(join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]),
    {
      stdio: "pipe",
    },
  );
  const port = await freePort();
  const args = [
    "-D",
    data,
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    `listen_addresses=${host}`,
    "-c",
    "fsync=off",
    "-c",
    "max_connections=200",
    ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
  ];
  const child: ChildProcess = spawn(...asPostgres(join(bin, "postgres"), args), { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // `runuser` does not pass signals on: signal the postmaster itself (its PID heads postmaster.pid).
  const signal = (sig: NodeJS.Signals) => {
    try {
      const pid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) process.kill(pid, sig);
    } catch {
      // not started or already gone
    }
    child.kill(sig);
  };
  const onExit = () => signal("SIGQUIT");
  process.on("exit", onExit);
  const url = `postgres://postgres@${host}:${port}/postgres`;
  const pg = (await import("pg")).default;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      break;
    } catch (err) {
      await c.end().catch(() => {});
      if (Date.now() > deadline) {
        signal("SIGQUIT");
        throw new Error(`PostgreSQL did not start: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    async stop() {
      process.off("exit", onExit);
      signal("SIGINT"); // fast shutdown: end sessions, then stop
      const timer = setTimeout(() => signal("SIGQUIT"), 10_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RestartablePostgres {
  url: string;
  /** `pg_ctl stop -m fast`: ends every session (57P01 on the clients) and stops; the data stays. */
  stopServer(): void;
  /** Starts the stopped server again, on the same port and data. */
  startServer(): void;
  /** Stops the server (if running) and deletes its data. */
  destroy(): void;
}

/**
 * A throw-away PostgreSQL server driven by `pg_ctl`, so a test can stop it and start it again on
 * the same port (a database restart seen from the application).
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(MISSING_POSTGRES);
  const dir = mkdtempSync(join(tmpdir(), "concordia-pg-restart-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, cmd), args, { stdio: "pipe" });
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  const startServer = () => {
    run("pg_ctl", ["start", "-w", "-D", data, "-l", join(dir, "log"), "-o", options]);
    running = true;
  };
  const stopServer = () => {
    run("pg_ctl", ["stop", "-w", "-m", "fast", "-D", data]);
    running = false;
  };
  const destroy = () => {
    process.off("exit", onExit);
    if (running) {
      try {
        stopServer();
      } catch {
        // already stopped
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = () => {
    if (running) run("pg_ctl", ["stop", "-m", "immediate", "-D", data]);
  };
  process.on("exit", onExit);
  startServer();
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stopServer, startServer, destroy };
}
