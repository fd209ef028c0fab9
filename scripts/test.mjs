// `npm test`: the whole suite. Unit tests, integration tests on PGlite and on a real
// PostgreSQL server, then end-to-end tests in headless Chromium. Ends with one line
// "concordia: N passed, N failed" counting every test of every tier.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildWebIfStale } from "./build-web.mjs";
import { ensurePrerequisites } from "./prerequisites.mjs";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, ".tmp/test-results");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const skipE2e = process.argv.includes("--no-e2e");

ensurePrerequisites({ chromium: !skipE2e });

const run = (args, env = {}) =>
  spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;

const vitestJson = join(out, "vitest.json");
const vitestCode = run([
  join(root, "node_modules/vitest/vitest.mjs"),
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (vitestCode !== 0 && r.numFailedTests === 0 ? 1 : 0);
} else failed += 1;

let e2eCode = 0;
if (!skipE2e) {
  buildWebIfStale();
  const pwJson = join(out, "playwright.json");
  e2eCode = run([join(root, "node_modules/@playwright/test/cli.js"), "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const r = JSON.parse(readFileSync(pwJson, "utf8"));
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected + (e2eCode !== 0 && r.stats.unexpected === 0 ? 1 : 0);
  } else failed += 1;
}

console.log(`\nconcordia: ${passed} passed, ${failed} failed`);
process.exit(vitestCode !== 0 || e2eCode !== 0 || failed > 0 ? 1 : 0);
