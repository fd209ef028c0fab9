import { readdirSync, readFileSync } from "node:fs";
import type { SystemProfile } from "@concordia/core";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { CrosswalkSchema, InstrumentSchema, type SystemProfileSchema } from "./rules.data.js";
import { dataJsonSchemas } from "./rules.jsonschema.js";

const data = new URL("../../../data/", import.meta.url);
const files = (folder: string) =>
  readdirSync(new URL(folder, data))
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ file: f, json: JSON.parse(readFileSync(new URL(`${folder}${f}`, data), "utf8")) as unknown }));

const schemas = dataJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validators = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, ajv.compile(s)]));

describe("reference data files", () => {
  it("data/schemas is what `npm run schemas` generates from the zod schemas", () => {
    for (const [file, schema] of Object.entries(schemas)) {
      const committed = JSON.parse(readFileSync(new URL(`schemas/${file}`, data), "utf8"));
      expect(committed, `data/schemas/${file} is stale: run npm run schemas`).toEqual(
        JSON.parse(JSON.stringify(schema)),
      );
    }
  });

  for (const { file, json } of files("frameworks/")) {
    it(`frameworks/${file} validates (zod with cross-references, and the JSON Schema)`, () => {
      const parsed = InstrumentSchema.safeParse(json);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
      expect(
        validators["instrument.schema.json"]!(json),
        JSON.stringify(validators["instrument.schema.json"]!.errors),
      ).toBe(true);
      expect((json as { id: string }).id).toBe(file.replace(/\.json$/, ""));
    });
  }

  for (const { file, json } of files("crosswalks/")) {
    it(`crosswalks/${file} validates`, () => {
      const parsed = CrosswalkSchema.safeParse(json);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
      expect(validators["crosswalk.schema.json"]!(json)).toBe(true);
    });
  }

  it("scenario profiles validate against the system profile schema", () => {
    for (const { file, json } of files("scenarios/")) {
      for (const s of (json as { scenarios: { id: string; profile: unknown }[] }).scenarios) {
        const ok = validators["system-profile.schema.json"]!(s.profile);
        expect(ok, `${file} ${s.id}: ${JSON.stringify(validators["system-profile.schema.json"]!.errors)}`).toBe(true);
      }
    }
  });

  it("rejects a bad instrument with the path of every error", () => {
    const result = InstrumentSchema.safeParse({
      id: "Bad Id",
      version: "1",
      shortTitle: "x",
      titles: { en: "x" },
      jurisdiction: "Europe",
      issuingBody: "x",
      kind: "law",
      status: "in-force",
      dates: {},
      applicationDates: [],
      sources: [{ label: "x", url: "ftp://x" }],
      lastReviewed: "2026-13-01",
      summary: "x",
      requirements: [
        {
          id: "a",
          ref: "Art. 1",
          title: "t",
          summary: "s",
          appliesFrom: "nope",
          applicability: { fact: "gpai.trainingComputeFlop", includes: "x" },
        },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["id", "jurisdiction", "kind", "sources.0.url", "lastReviewed"]));
  });

  it("reports cross-reference errors (dates, categories, fact operators) with their paths", () => {
    const result = InstrumentSchema.safeParse({
      id: "ok",
      version: "1",
      shortTitle: "x",
      titles: { en: "x" },
      jurisdiction: "EU",
      issuingBody: "x",
      kind: "regulation",
      status: "in-force",
      dates: {},
      applicationDates: [],
      sources: [{ label: "x", url: "https://example.org" }],
      lastReviewed: "2026-11-01",
      summary: "x",
      requirements: [
        {
          id: "a",
          ref: "Art. 1",
          title: "t",
          summary: "s",
          appliesFrom: "nope",
          category: "ghost",
          applicability: {
            all: [
              { fact: "gpai.trainingComputeFlop", includes: "x" },
              { fact: "functions", includes: "telepathy" },
            ],
          },
        },
      ],
    });
    expect(result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      'requirements.0.appliesFrom: no application date "nope"',
      'requirements.0.category: no category "ghost"',
      "requirements.0.applicability.all.0.includes: includes cannot test gpai.trainingComputeFlop, a number fact",
      'requirements.0.applicability.all.1.includes: "telepathy" is not a value of functions',
    ]);
  });

  it("the profile schema describes the core SystemProfile type", () => {
    expectTypeOf<z.output<typeof SystemProfileSchema>>().toExtend<SystemProfile>();
  });
});
