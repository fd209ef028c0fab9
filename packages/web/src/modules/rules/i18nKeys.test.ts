import { ADDRESSEES, FACTS, INSTRUMENT_KINDS } from "@concordia/core";
import { describe, expect, it } from "vitest";
import { SUBNATIONAL_CODES } from "../../app/components/jurisdictions";
import rules from "../../locales/en/rules.json";
import { BOOLEAN_FACTS, LIST_FACTS, LIST_OPTIONS, NUMBER_FACTS, PLACE_FACTS } from "./finder/profileForm";

const en = rules.obligations;

/** Keys built at run time (`facts.${fact}`, `values.${fact}.${value}`…) exist in the English file. */
const get = (path: string): unknown =>
  path.split(".").reduce<unknown>((acc, k) => (acc as Record<string, unknown> | undefined)?.[k], en);

describe("rules translations of the obligation finder", () => {
  it("name every fact the engine can report", () => {
    for (const fact of Object.keys(FACTS)) expect(typeof get(`facts.${fact}`), fact).toBe("string");
  });

  it("ask and explain every question of the wizard", () => {
    for (const fact of [...BOOLEAN_FACTS, ...NUMBER_FACTS, ...LIST_FACTS, ...PLACE_FACTS, "name"]) {
      expect(typeof get(`questions.${fact}`), fact).toBe("string");
      expect(typeof get(`help.${fact}`), fact).toBe("string");
    }
  });

  it("label every value of every list", () => {
    for (const fact of LIST_FACTS) {
      for (const value of LIST_OPTIONS[fact])
        expect(typeof get(`values.${fact}.${value}`), `${fact}.${value}`).toBe("string");
    }
  });

  it("label addressees, kinds and sub-national places", () => {
    for (const a of ADDRESSEES) expect(typeof get(`addressees.${a}`), a).toBe("string");
    for (const k of INSTRUMENT_KINDS) expect(typeof get(`kinds.${k}`), k).toBe("string");
    for (const code of SUBNATIONAL_CODES) expect(typeof get(`subdivisions.${code}`), code).toBe("string");
  });
});
