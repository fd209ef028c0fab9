import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv, { type ErrorObject, type Plugin, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * Validation of an uploaded CycloneDX BOM (JSON) against the official CycloneDX 1.6 JSON Schema,
 * as bundled with @cyclonedx/cyclonedx-library (res/schema/bom-1.6.SNAPSHOT.schema.json, with the
 * SPDX licence-id, JSF signature and cryptography-definition schemas it references).
 *
 * The library's own JsonValidator stops at the first error (its Ajv has no `allErrors`), so the
 * bundled schema files are loaded here with the same Ajv set-up as the library's
 * (_optPlug.node/__jsonValidators/ajv.ts: draft-07 Ajv, strict off, no defaults applied, remote
 * schemas refused, ajv-formats, "idn-email" from ajv-formats-draft2019, "iri-reference" accepted
 * as the library does) plus `allErrors`, so every error is reported.
 */

export interface CycloneDxError {
  /** The request field: "body.bom" and the JSON Pointer of the instance, in dots (body.bom.components.0.type). */
  field: string;
  message: string;
}

/** Spec versions accepted: 1.6, and 1.5 (whose ML-BOM documents the 1.6 schema also validates). */
export const ACCEPTED_SPEC_VERSIONS = ["1.5", "1.6"] as const;

const require = createRequire(import.meta.url);
const SCHEMA_DIR = join(dirname(require.resolve("@cyclonedx/cyclonedx-library/package.json")), "res", "schema");
const BOM_SCHEMA = "bom-1.6.SNAPSHOT.schema.json";
/** The schemas bom-1.6 references, under the URLs its relative $refs resolve to (as in the library). */
const REFERENCED: Record<string, string> = {
  "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json": "spdx.SNAPSHOT.schema.json",
  "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json": "jsf-0.82.SNAPSHOT.schema.json",
  "http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json": "cryptography-defs.SNAPSHOT.schema.json",
};

/** The location of the bundled schema and the library version it comes from (for documentation and tests). */
export function cycloneDxSchemaSource(): { file: string; libraryVersion: string } {
  const pkg = require("@cyclonedx/cyclonedx-library/package.json") as { version: string };
  return { file: join(SCHEMA_DIR, BOM_SCHEMA), libraryVersion: pkg.version };
}

let compiled: Promise<ValidateFunction> | undefined;

async function loadJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(SCHEMA_DIR, file), "utf8")) as Record<string, unknown>;
}

function compile(): Promise<ValidateFunction> {
  compiled ??= (async () => {
    const [schema, ...refs] = await Promise.all([
      loadJson(BOM_SCHEMA),
      ...Object.values(REFERENCED).map((f) => loadJson(f)),
    ]);
    const ajv = new Ajv({
      allErrors: true,
      useDefaults: false,
      strict: false,
      strictSchema: false,
      addUsedSchema: false,
      loadSchema: (uri: string) => Promise.reject(new Error(`remote schemas are disabled: ${uri}`)),
    });
    Object.keys(REFERENCED).forEach((url, i) => {
      ajv.addSchema(refs[i]!, url);
    });
    addFormats(ajv);
    // ajv-formats-draft2019 ships no type declarations.
    const addFormats2019 = require("ajv-formats-draft2019") as Plugin<{ formats: string[] }>;
    addFormats2019(ajv, { formats: ["idn-email"] });
    // As in the library: no working implementation of "iri-reference" exists for Ajv.
    ajv.addFormat("iri-reference", true);
    return ajv.compile(schema!);
  })();
  compiled.catch(() => {
    compiled = undefined;
  });
  return compiled;
}

/** Compiles the schema ahead of the first request (the first compilation takes a few seconds). */
export async function loadCycloneDxValidator(): Promise<void> {
  await compile();
}

/** "/components/0/type" → ".components.0.type" (RFC 6901 unescaping: ~1 is "/", ~0 is "~"). */
function pointerToDots(pointer: string): string {
  if (!pointer) return "";
  return pointer
    .split("/")
    .slice(1)
    .map((s) => `.${s.replace(/~1/g, "/").replace(/~0/g, "~")}`)
    .join("");
}

const MAX_LISTED = 20;

function describe(e: ErrorObject): { suffix: string; message: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return { suffix: `.${String(p.missingProperty)}`, message: "is required" };
    case "additionalProperties":
      return { suffix: `.${String(p.additionalProperty)}`, message: "is not a property the schema allows here" };
    case "enum": {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const list = allowed.slice(0, MAX_LISTED).map((v) => JSON.stringify(v));
      const more = allowed.length > MAX_LISTED ? `, … (${allowed.length} values in all)` : "";
      return { suffix: "", message: `must be one of ${list.join(", ")}${more}` };
    }
    case "const":
      return { suffix: "", message: `must be ${JSON.stringify(p.allowedValue)}` };
    default:
      return { suffix: "", message: e.message ?? `fails the schema keyword "${e.keyword}"` };
  }
}

/** Numeric-aware comparison of dotted paths, so components.2 sorts before components.10. */
function comparePaths(a: string, b: string): number {
  const as = a.split(".");
  const bs = b.split(".");
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i]!;
    const y = bs[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

/**
 * The most values (objects, arrays, keys and scalars) a BOM may hold: validation work and the error
 * list grow with it, so a 14 MB BOM of a million unknown keys must be refused before the schema runs
 * rather than answered with a hundred-megabyte list. A real ML-BOM of several thousand components
 * stays well below.
 */
export const MAX_BOM_VALUES = 100_000;

/** The number of values in `value`, counting up to `limit + 1` and no further. */
export function countValues(value: unknown, limit = MAX_BOM_VALUES): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && n <= limit) {
    const v = stack.pop();
    n += 1;
    if (Array.isArray(v)) {
      for (const x of v) {
        if (n + stack.length > limit) break;
        stack.push(x);
      }
    } else if (v && typeof v === "object") {
      for (const key in v) {
        if (n > limit) break;
        n += 1; // the key
        stack.push((v as Record<string, unknown>)[key]);
      }
    }
  }
  return Math.min(n, limit + 1);
}

/**
 * Every error of `bom` against the CycloneDX 1.6 JSON Schema, as request fields
 * ("body.bom…") with messages, sorted by path then message, without duplicates; [] when valid.
 * A specVersion other than 1.5 or 1.6 is reported too (the schema itself does not pin it).
 */
export async function validateCycloneDx(bom: unknown): Promise<CycloneDxError[]> {
  const validate = await compile();
  const errors: CycloneDxError[] = [];
  if (!validate(bom)) {
    for (const e of validate.errors ?? []) {
      const { suffix, message } = describe(e);
      errors.push({ field: `body.bom${pointerToDots(e.instancePath)}${suffix}`, message });
    }
  }
  if (bom && typeof bom === "object" && !Array.isArray(bom)) {
    const v = (bom as Record<string, unknown>).specVersion;
    if (typeof v === "string" && !(ACCEPTED_SPEC_VERSIONS as readonly string[]).includes(v)) {
      errors.push({
        field: "body.bom.specVersion",
        message: `must be "1.6" (or "1.5"): the register validates against the CycloneDX 1.6 schema, got "${v}"`,
      });
    }
  }
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const k = `${e.field}\u0000${e.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => comparePaths(a.field, b.field) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}
