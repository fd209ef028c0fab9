// Writes data/schemas/*.schema.json from the zod schemas in @concordia/contracts.
import { writeFileSync } from "node:fs";
import { dataJsonSchemas } from "../packages/contracts/src/rules.jsonschema.js";

for (const [file, schema] of Object.entries(dataJsonSchemas())) {
  writeFileSync(new URL(`../data/schemas/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`data/schemas/${file}`);
}
