// `npm run new-module <name>`: writes a new module's folders from scripts/module-template (*.tpl) and adds it
// to the one list of each package. A new module's core and contracts are imported by subpath
// (`@concordia/core/<name>`, `@concordia/contracts/<name>`), so no barrel file changes. What it touches outside the new folders (ARCHITECTURE.md,
// "Adding a module"): packages/contracts/src/routes.ts, packages/server/src/modules/index.ts,
// packages/web/src/modules/index.ts. Then: `npm run db:generate` for the migration, locale strings,
// a README line. `--dry-run` lists what it would write.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const template = join(root, "scripts/module-template");
const [name, ...flags] = process.argv.slice(2);
const dryRun = flags.includes("--dry-run");
if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  console.error("usage: npm run new-module <name>   (lower case, words joined by -, e.g. audits or data-flows)");
  process.exit(2);
}
const words = name.split("-");
const camel =
  words[0] +
  words
    .slice(1)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
const pascal = camel[0].toUpperCase() + camel.slice(1);
const snake = words.join("_");
const fill = (text) =>
  text
    .replaceAll("__Pascal__", pascal)
    .replaceAll("__camel__", camel)
    .replaceAll("__snake__", snake)
    .replaceAll("__name__", name);

/** Template file → where it goes. */
const FILES = {
  "core/index.ts.tpl": `packages/core/src/${name}/index.ts`,
  "core/policy.ts.tpl": `packages/core/src/${name}/policy.ts`,
  "core/policy.test.ts.tpl": `packages/core/src/${name}/policy.test.ts`,
  "contracts/schemas.ts.tpl": `packages/contracts/src/${name}.ts`,
  "contracts/routes.ts.tpl": `packages/contracts/src/${name}.routes.ts`,
  "server/index.ts.tpl": `packages/server/src/modules/${name}/index.ts`,
  "server/tables.ts.tpl": `packages/server/src/modules/${name}/tables.ts`,
  "server/service.ts.tpl": `packages/server/src/modules/${name}/${name}.service.ts`,
  "server/routes.ts.tpl": `packages/server/src/modules/${name}/routes.ts`,
  "server/queries.ts.tpl": `packages/server/src/modules/${name}/queries.ts`,
  "server/test.ts.tpl": `packages/server/src/modules/${name}/${name}.test.ts`,
};
FILES["web/index.ts.tpl"] = `packages/web/src/modules/${name}/index.ts`;
FILES["web/__Pascal__Page.tsx.tpl"] = `packages/web/src/modules/${name}/${pascal}Page.tsx`;
// The six languages start from the English strings: translate them before committing.
const LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"];
const localeFiles = LANGUAGES.map((lang) => `packages/web/src/locales/${lang}/${name}.json`);

/** One line added to each package's list (after the marker comment the list carries). */
const EDITS = [
  {
    file: "packages/contracts/src/routes.ts",
    imports: `import { ${camel}Contracts } from "./${name}.routes.js";`,
    add: `  ...${camel}Contracts,`,
    where: "// new modules' routes",
  },
  {
    file: "packages/server/src/modules/index.ts",
    imports: `import { ${camel}Module } from "./${name}/index.js";`,
    add: `  ${camel}Module,`,
    where: "// new modules",
  },
  {
    file: "packages/web/src/modules/index.ts",
    imports: `import { ${camel}Module } from "./${name}";`,
    add: `  ${camel}Module,`,
    where: "// new modules",
  },
];

const written = [];
for (const [from, to] of Object.entries(FILES)) {
  const target = join(root, to);
  if (existsSync(target)) {
    console.error(`${to} exists: the module is there already`);
    process.exit(1);
  }
  written.push(to);
  if (dryRun) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, fill(readFileSync(join(template, from), "utf8")));
}
for (const to of localeFiles) {
  if (existsSync(join(root, to))) {
    console.error(`${to} exists: the module is there already`);
    process.exit(1);
  }
  written.push(to);
  if (!dryRun) writeFileSync(join(root, to), fill(readFileSync(join(template, "web/locales/en.json.tpl"), "utf8")));
}
const touched = [];
for (const e of EDITS) {
  const path = join(root, e.file);
  let text = readFileSync(path, "utf8");
  const at = text.indexOf(e.where);
  if (at < 0) throw new Error(`${e.file}: marker "${e.where}" not found`);
  text = `${text.slice(0, at)}${e.add.trimStart()}\n  ${text.slice(at)}`;
  if (e.imports) text = `${e.imports}\n${text}`;
  touched.push(e.file);
  if (!dryRun) writeFileSync(path, text);
}
console.log(`${dryRun ? "Would write" : "Wrote"} ${written.length} files:\n  ${written.join("\n  ")}`);
console.log(
  `${dryRun ? "Would add" : "Added"} one line to ${touched.length} existing files:\n  ${touched.join("\n  ")}`,
);
console.log(`Next:
  npx biome check --write .          # sorts the imports the lines were added with
  npm run db:generate                # the migration of modules/${name}/tables.ts
  translate packages/web/src/modules/${name}/locales/*.json (six languages)
  a line in README.md ("What you can do"), and ARCHITECTURE.md's module table`);
