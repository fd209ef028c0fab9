// Validates every reference data file: data/frameworks/*.json against the instrument schema,
// data/crosswalks/*.json against the crosswalk schema and the requirement ids they name.
// Usage: npx tsx scripts/check-data.ts   (exit code 1 on any error)
import { readdirSync, readFileSync } from "node:fs";
import { CrosswalkSchema, InstrumentSchema } from "../packages/contracts/src/rules.data.js";
import type { Instrument, Requirement } from "../packages/core/src/rules/types.js";

const dir = (name: string) => new URL(`../data/${name}/`, import.meta.url);
let errors = 0;
const report = (file: string, path: PropertyKey[], message: string) => {
  errors++;
  console.error(`${file}: ${path.map(String).join(".") || "(root)"}: ${message}`);
};

const instruments = new Map<string, Set<string>>();
for (const file of readdirSync(dir("frameworks"))
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const parsed = InstrumentSchema.safeParse(JSON.parse(readFileSync(new URL(file, dir("frameworks")), "utf8")));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(`frameworks/${file}`, issue.path, issue.message);
    continue;
  }
  const inst: Instrument = parsed.data;
  if (`${inst.id}.json` !== file) report(`frameworks/${file}`, ["id"], `file must be named ${inst.id}.json`);
  const ids = new Set<string>();
  const walk = (reqs: Requirement[]) => {
    for (const r of reqs) {
      ids.add(r.id);
      if (r.children) walk(r.children);
    }
  };
  walk(inst.requirements);
  instruments.set(inst.id, ids);
  console.log(`ok frameworks/${file}: ${ids.size} requirements`);
}

for (const file of readdirSync(dir("crosswalks"))
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const parsed = CrosswalkSchema.safeParse(JSON.parse(readFileSync(new URL(file, dir("crosswalks")), "utf8")));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(`crosswalks/${file}`, issue.path, issue.message);
    continue;
  }
  const cw = parsed.data;
  const source = instruments.get(cw.source);
  const target = instruments.get(cw.target);
  if (!source) report(`crosswalks/${file}`, ["source"], `no instrument "${cw.source}"`);
  if (!target) report(`crosswalks/${file}`, ["target"], `no instrument "${cw.target}"`);
  cw.mappings.forEach((m, i) => {
    if (source && !source.has(m.source))
      report(`crosswalks/${file}`, ["mappings", i, "source"], `no requirement "${m.source}" in ${cw.source}`);
    if (target && !target.has(m.target))
      report(`crosswalks/${file}`, ["mappings", i, "target"], `no requirement "${m.target}" in ${cw.target}`);
  });
  console.log(`ok crosswalks/${file}: ${cw.mappings.length} mappings`);
}

if (errors > 0) {
  console.error(`${errors} error(s)`);
  process.exit(1);
}
