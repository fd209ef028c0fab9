import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type CrosswalkFile, CrosswalkSchema, InstrumentSchema } from "@concordia/contracts";
import type { Instrument } from "@concordia/core";

/** Reads the reviewed reference data of a folder laid out like data/ (frameworks/, crosswalks/). */
function readJsonFiles(folder: URL): { file: string; json: unknown }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(new URL(file, folder), "utf8")) as unknown }));
}

/** Reads and validates every instrument file; a broken file stops the start with its errors. */
export function loadReferenceInstruments(dir: string): Instrument[] {
  return readJsonFiles(new URL("frameworks/", pathToFileURL(`${dir}/`))).map(({ file, json }) => {
    const parsed = InstrumentSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`data/frameworks/${file} is invalid: ${issues}`);
    }
    return parsed.data;
  });
}

export function loadReferenceCrosswalks(dir: string): CrosswalkFile[] {
  return readJsonFiles(new URL("crosswalks/", pathToFileURL(`${dir}/`))).map(({ file, json }) => {
    const parsed = CrosswalkSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`data/crosswalks/${file} is invalid: ${issues}`);
    }
    return parsed.data;
  });
}
