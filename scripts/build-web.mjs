// Builds the web app when its build is missing or older than its sources.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const web = join(root, "packages/web");
const out = join(web, "dist/index.html");

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function buildWebIfStale({ force = false } = {}) {
  const sources = Math.max(
    newest(join(web, "src")),
    newest(join(root, "packages/contracts/src")),
    newest(join(root, "packages/core/src")),
    statSync(join(web, "index.html")).mtimeMs,
  );
  if (!force && existsSync(out) && statSync(out).mtimeMs >= sources) return;
  console.log("Building the web app...");
  execFileSync(
    process.execPath,
    [join(root, "node_modules/vite/bin/vite.js"), "build", "--config", join(web, "vite.config.ts")],
    {
      stdio: "inherit",
      cwd: root,
    },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) buildWebIfStale({ force: process.argv.includes("--force") });
