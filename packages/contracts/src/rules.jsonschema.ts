import { z } from "zod";
import { CrosswalkSchema, InstrumentSchema, SystemProfileSchema } from "./rules.data.js";

const BASE = "https://concordia.example.org/schemas";

/** The JSON Schemas (2020-12) of data/schemas/, generated from the zod schemas. */
export function dataJsonSchemas(): Record<string, object> {
  const make = (schema: z.ZodType, file: string) => ({
    ...z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
    $id: `${BASE}/${file}`,
  });
  return {
    "instrument.schema.json": make(InstrumentSchema, "instrument.schema.json"),
    "crosswalk.schema.json": make(CrosswalkSchema, "crosswalk.schema.json"),
    "system-profile.schema.json": make(SystemProfileSchema, "system-profile.schema.json"),
  };
}
