// Validates every reference data file: data/frameworks/*.json against the instrument schema,
// data/crosswalks/*.json against the crosswalk schema and the requirement ids they name, and the
// text fields of those files and of data/scenarios/*.json against the house style of
// data/README.md (dates "22 January 2026", ranges "9 to 15", chapters "Chapter III").
// Usage: npx tsx scripts/check-data.ts   (exit code 1 on any error)
import { readdirSync, readFileSync } from "node:fs";
import { CrosswalkSchema, InstrumentSchema } from "../packages/contracts/src/rules.data.js";
import { checkDataStyle } from "../packages/core/src/rules/data-style.js";
import type { Instrument, Requirement } from "../packages/core/src/rules/types.js";

const dir = (name: string) => new URL(`../data/${name}/`, import.meta.url);
let errors = 0;
const report = (file: string, path: PropertyKey[], message: string) => {
  errors++;
  console.error(`${file}: ${path.map(String).join(".") || "(root)"}: ${message}`);
};

/** House style of the text fields: every finding is an error. */
const checkStyle = (file: string, data: unknown) => {
  for (const issue of checkDataStyle(data)) report(file, issue.path, `"${issue.match}": ${issue.message}`);
};

const instruments = new Map<string, Set<string>>();
for (const file of readdirSync(dir("frameworks"))
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const data: unknown = JSON.parse(readFileSync(new URL(file, dir("frameworks")), "utf8"));
  checkStyle(`frameworks/${file}`, data);
  const parsed = InstrumentSchema.safeParse(data);
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
  const data: unknown = JSON.parse(readFileSync(new URL(file, dir("crosswalks")), "utf8"));
  checkStyle(`crosswalks/${file}`, data);
  const parsed = CrosswalkSchema.safeParse(data);
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

for (const file of readdirSync(dir("scenarios"))
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const before = errors;
  checkStyle(`scenarios/${file}`, JSON.parse(readFileSync(new URL(file, dir("scenarios")), "utf8")));
  if (errors === before) console.log(`ok scenarios/${file}: house style`);
}

if (errors > 0) {
  console.error(`${errors} error(s)`);
  process.exit(1);
}
