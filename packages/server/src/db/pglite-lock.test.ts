import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir, openDatabase } from "./connection.js";

const root = mkdtempSync(join(tmpdir(), "concordia-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// One folder for every test: PGlite's first open of a folder (initdb) takes seconds.
const dir = join(root, "data", "db");

const connectionModule = fileURLToPath(new URL("./connection.ts", import.meta.url));

/** A child process that opens `dir` and then either holds it (prints "open") or exits at once without closing. */
function child(dir: string, then: "hold" | "exit"): ChildProcess {
  const script = join(root, `child-${then}.mts`);
  writeFileSync(
    script,
    `import { openDatabase } from ${JSON.stringify(connectionModule)};
try {
  await openDatabase({ pgliteDataDir: process.argv[2] });
  process.stdout.write("open\\n");
} catch (err) {
  process.stdout.write("error " + err.message + "\\n");
  process.exit(3);
}
if (${JSON.stringify(then)} === "exit") process.exit(0);
setInterval(() => {}, 1000);
`,
  );
  return spawn(process.execPath, ["--import", "tsx", script, dir], { stdio: ["ignore", "pipe", "inherit"] });
}

const firstLine = (p: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    let out = "";
    p.stdout!.on("data", (d) => {
      out += String(d);
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    p.once("exit", (code) => resolve(out.split("\n")[0] || `exited ${code}`));
    p.once("error", reject);
  });
const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    p.exitCode !== null || p.signalCode !== null ? resolve(p.exitCode) : p.once("exit", (code) => resolve(code)),
  );

describe("one process per PGlite folder", () => {
  it("a second open in the same process is refused with a clear error; closing releases the folder", async () => {
    const first = await openDatabase({ pgliteDataDir: dir });
    try {
      await expect(openDatabase({ pgliteDataDir: dir })).rejects.toThrow(
        new RegExp(
          `the database folder .*db is in use by this process \\(${process.pid}\\); stop it or use the running server's API`,
        ),
      );
      // The first one is unharmed.
      await expect(first.db.execute("select 1" as never)).resolves.toBeDefined();
    } finally {
      await first.close();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const again = await openDatabase({ pgliteDataDir: dir });
    await again.close();
  });

  it("the data folder is private (0700) and so is the lock (0600)", async () => {
    const database = await openDatabase({ pgliteDataDir: dir });
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(`${dir}.lock`).mode & 0o777).toBe(0o600);
      expect(readFileSync(`${dir}.lock`, "utf8").trim()).toBe(String(process.pid));
    } finally {
      await database.close();
    }
  });

  it("another process holding the folder: refused, naming its PID; once it is killed, its stale lock is taken over", async () => {
    const holder = child(dir, "hold");
    try {
      expect(await firstLine(holder)).toBe("open");
      await expect(openDatabase({ pgliteDataDir: dir })).rejects.toThrow(
        `is in use by process ${holder.pid}; stop it or use the running server's API`,
      );
      // And the other way round: a second process (a CLI command) is refused too.
      const cli = child(dir, "exit");
      expect(await firstLine(cli)).toMatch(new RegExp(`^error .*in use by process ${holder.pid}`));
      expect(await exited(cli)).toBe(3);
    } finally {
      holder.kill("SIGKILL"); // no exit handler runs: the lock file stays behind, stale
      await exited(holder);
    }
    expect(existsSync(`${dir}.lock`)).toBe(true);
    const database = await openDatabase({ pgliteDataDir: dir });
    try {
      expect(readFileSync(`${dir}.lock`, "utf8").trim()).toBe(String(process.pid));
    } finally {
      await database.close();
    }
  });

  it("a process that exits without closing releases the folder", async () => {
    const p = child(dir, "exit");
    expect(await firstLine(p)).toBe("open");
    expect(await exited(p)).toBe(0);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it("a lock left by a PID that no longer runs is taken over", () => {
    const other = join(root, "stale");
    writeFileSync(`${other}.lock`, "2147483646\n");
    const release = lockDataDir(other);
    expect(readFileSync(`${other}.lock`, "utf8").trim()).toBe(String(process.pid));
    release();
    expect(existsSync(`${other}.lock`)).toBe(false);
  });

  it("a lock naming this very PID that this process does not hold is a previous run's (a restarted container): taken over", () => {
    const other = join(root, "restarted");
    writeFileSync(`${other}.lock`, `${process.pid}\n`);
    const release = lockDataDir(other);
    expect(() => lockDataDir(other)).toThrow(/in use by this process/);
    release();
    expect(existsSync(`${other}.lock`)).toBe(false);
  });
});
