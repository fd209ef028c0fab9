#!/usr/bin/env node
// `npm run bench [-- name ...]`: runs bench/<name>.bench.ts (all of them when no name is given),
// one after the other, each in its own `node --import tsx` process. Exits non-zero if one fails.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const all = readdirSync(new URL("../bench", import.meta.url))
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
const wanted = process.argv.slice(2);
const files = wanted.length ? all.filter((f) => wanted.includes(f.replace(/\.bench\.ts$/, ""))) : all;
if (files.length === 0) {
  console.error(
    `No benchmark matches ${wanted.join(", ")}. Available: ${all.map((f) => f.replace(/\.bench\.ts$/, "")).join(", ")}`,
  );
  process.exit(2);
}

let current;
for (const sig of ["SIGINT", "SIGTERM"]) {
  // The benchmark cleans up its servers on the signal; wait for it to finish.
  process.on(sig, () => current?.kill(sig));
}

let failed = 0;
for (const file of files) {
  console.error(`\n> node --import tsx bench/${file}`);
  const code = await new Promise((resolve) => {
    current = spawn(process.execPath, ["--import", "tsx", `bench/${file}`], { cwd: root, stdio: "inherit" });
    current.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  if (code !== 0) failed++;
}
process.exit(failed ? 1 : 0);
