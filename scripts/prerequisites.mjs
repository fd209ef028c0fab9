// What `npm test` needs that npm does not bring: PostgreSQL server binaries (integration tests
// on a real server) and Chromium (browser tests). Found on the machine, installed with apt-get
// when we are root on Debian, or else one clear message saying how.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

export function findPostgresBin() {
  if (process.env.PG_BIN && existsSync(`${process.env.PG_BIN}/initdb`)) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const v = readdirSync(base)
    .filter((d) => existsSync(`${base}/${d}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a))[0];
  return v ? `${base}/${v}/bin` : undefined;
}

export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  return candidates.find((p) => p && existsSync(p));
}

const haveFont = () => spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" }).stdout?.trim().length > 0;

export function ensurePrerequisites({ postgres = true, chromium = true } = {}) {
  const missing = [];
  if (postgres && !findPostgresBin() && !process.env.TEST_DATABASE_URL) missing.push("postgresql");
  if (chromium && !findChromium()) missing.push("chromium");
  if (chromium && !haveFont()) missing.push("fonts-wqy-zenhei");
  if (missing.length === 0) return;
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (canApt) {
    console.log(`Installing ${missing.join(", ")} with apt-get (Debian packages needed by the tests)...`);
    execFileSync("apt-get", ["update", "-q"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-q", "--no-install-recommends", ...missing], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  console.error(
    `\nThe tests need ${missing.join(", ")}, which npm does not bring.\n` +
      `Install them with: sudo apt-get install -y ${missing.join(" ")}\n` +
      "(or set PG_BIN / TEST_DATABASE_URL for PostgreSQL, CHROMIUM_PATH for the browser).\n",
  );
  process.exit(1);
}
