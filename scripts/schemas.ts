// Writes data/schemas/*.schema.json from the zod schemas in @concordia/contracts.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dataJsonSchemas } from "../packages/contracts/src/rules.jsonschema.js";

for (const [file, schema] of Object.entries(dataJsonSchemas())) {
  writeFileSync(new URL(`../data/schemas/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`data/schemas/${file}`);
}
// In the repository's formatting, so `biome check` stays clean.
spawnSync("npx", ["biome", "format", "--write", "data/schemas"], {
  stdio: "ignore",
  cwd: new URL("..", import.meta.url).pathname,
});
