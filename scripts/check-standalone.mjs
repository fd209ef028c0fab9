// The repository stands alone: no tracked file outside Markdown may read the workplace's
// ../shared folder (a clone elsewhere never has it). Every input a test, benchmark or the app
// reads is vendored into the repository with its provenance and licence. Run by .ci/run.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const PATTERN = /\.\.\/shared\b|shared\/(testdata|schemas|checks|tools)\b|["']shared["']/;
const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((f) => f && !f.endsWith(".md") && f !== "scripts/check-standalone.mjs");
const offenders = [];
for (const f of files) {
  let text;
  try {
    text = readFileSync(`${root}/${f}`, "utf8");
  } catch {
    continue; // deleted in the work tree
  }
  if (text.includes("\0")) continue; // binary
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (PATTERN.test(line)) offenders.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
  });
}
if (offenders.length > 0) {
  console.error("Tracked files refer to ../shared (vendor the data into the repository instead):");
  for (const o of offenders) console.error(`  ${o}`);
  process.exit(1);
}
console.log(`standalone: ${files.length} tracked files, none refers to ../shared`);
