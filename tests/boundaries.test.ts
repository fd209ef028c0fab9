/**
 * The seams hold: these rules are ARCHITECTURE.md's, checked over the source files' import lines,
 * so a change that crosses a boundary fails here rather than in review.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "dist") continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)) specs.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) specs.push(m[1]!);
  return specs;
}

const isTest = (f: string) => /\.test\.tsx?$/.test(f);
const rel = (f: string) => relative(root, f);

function violations(files: string[], bad: (file: string, spec: string, target: string) => boolean): string[] {
  const out: string[] = [];
  for (const file of files) {
    for (const spec of importsOf(file)) {
      const target = spec.startsWith(".") ? resolve(file, "..", spec) : spec;
      if (bad(file, spec, target)) out.push(`${rel(file)} imports ${spec}`);
    }
  }
  return out;
}

const server = join(root, "packages/server/src");
const modulesDir = join(server, "modules");
const moduleOf = (path: string) =>
  path.startsWith(`${modulesDir}/`) ? path.slice(modulesDir.length + 1).split("/")[0] : undefined;

describe("boundaries", () => {
  it("platform/ imports no module (nor the composition root that lists them)", () => {
    const files = sourceFiles(join(server, "platform")).filter((f) => !isTest(f));
    const composition = ["deps", "module", "app", "server", "backup", "index", "cli-support", "main"].map((n) =>
      join(server, n),
    );
    expect(
      violations(
        files,
        (_f, _s, target) =>
          target.startsWith(`${modulesDir}/`) || composition.some((c) => target === c || target === `${c}.js`),
      ),
    ).toEqual([]);
  });

  it("a module reaches another module only through its query face (queries.ts); tables.ts may reference another's table for a foreign key", () => {
    const files = sourceFiles(modulesDir).filter((f) => !isTest(f));
    expect(
      violations(files, (file, _s, target) => {
        const from = moduleOf(file);
        const to = moduleOf(target);
        // modules/index.ts is the list of modules, not a module.
        if (!to || !from || from === to || file === join(modulesDir, "index.ts")) return false;
        const targetFile = target.slice(modulesDir.length + 1 + to.length + 1).replace(/\.js$/, "");
        if (targetFile === "queries") return false;
        if (targetFile === "tables" && file.endsWith("/tables.ts")) return false;
        return true;
      }),
    ).toEqual([]);
  });

  it("the CLI uses @concordia/server's public exports, never its source paths (tests may use test helpers)", () => {
    const files = sourceFiles(join(root, "packages/cli/src"));
    const testSupport = (file: string, target: string) => isTest(file) && /\/packages\/[a-z]+\/test\//.test(target);
    expect(
      violations(files, (file, spec, target) =>
        testSupport(file, target)
          ? false
          : target.startsWith(join(root, "packages/server")) ||
            target.startsWith(join(root, "packages/core")) ||
            /^@concordia\/server\/(?!cli-support$)/.test(spec),
      ),
    ).toEqual([]);
  });

  it("core does no I/O: no node: modules, no database, no HTTP (tests may read their fixtures)", () => {
    const files = sourceFiles(join(root, "packages/core/src")).filter((f) => !isTest(f));
    expect(
      violations(files, (_f, spec) =>
        /^(node:|fs$|path$|http|pg$|drizzle|fastify|@concordia\/(server|contracts|web))/.test(spec),
      ),
    ).toEqual([]);
  });

  it("the web app never imports the server or the CLI", () => {
    const files = sourceFiles(join(root, "packages/web/src"));
    expect(
      violations(
        files,
        (_f, spec, target) =>
          /^@concordia\/(server|cli)/.test(spec) ||
          target.startsWith(join(root, "packages/server")) ||
          target.startsWith(join(root, "packages/cli")),
      ),
    ).toEqual([]);
  });
});
