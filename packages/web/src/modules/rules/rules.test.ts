import type { Condition } from "@concordia/core";
import { describe, expect, it } from "vitest";
import { type ConditionWords, conditionText, isCondition } from "./condition";
import { type JurisdictionWords, jurisdictionLabel } from "./jurisdiction";
import { countRequirements, countVerify, parentIds } from "./tree";
import { detectFormat, pathInFile } from "./upload";

const words: JurisdictionWords = {
  eu: "European Union",
  international: "International",
  place: (p) => ({ "US-CO": "Colorado", "US-NY-NYC": "New York City" })[p as string] ?? p,
  placeInCountry: (place, country) => `${place}, ${country}`,
};

describe("jurisdiction labels", () => {
  it("names countries with Intl.DisplayNames in the current language", () => {
    expect(jurisdictionLabel("CN", "en", words)).toBe("China");
    expect(jurisdictionLabel("CN", "zh", words)).toBe("中国");
    expect(jurisdictionLabel("FR", "fr", words)).toBe("France");
  });
  it("has words of its own for the EU, international and sub-national places", () => {
    expect(jurisdictionLabel("EU", "en", words)).toBe("European Union");
    expect(jurisdictionLabel("INT", "en", words)).toBe("International");
    expect(jurisdictionLabel("US-CO", "en", words)).toBe("Colorado, United States");
    expect(jurisdictionLabel("US-NY-NYC", "en", words)).toBe("New York City, United States");
  });
  it("shows an unknown subdivision by its code after its country", () => {
    expect(jurisdictionLabel("US-WY", "en", words)).toBe("US-WY, United States");
  });
});

const en: ConditionWords = {
  and: "AND",
  or: "OR",
  not: "NOT",
  op: (o) =>
    ({
      isTrue: "is true",
      isFalse: "is false",
      includes: "includes",
      includesAny: "includes one of",
      gte: "is at least",
      gt: "is more than",
      lt: "is less than",
      inJurisdiction: "includes a place within",
    })[o],
};

describe("conditions as text", () => {
  it("reads a conjunction of tests", () => {
    const c: Condition = {
      all: [
        { fact: "functions", includes: "emotion-recognition" },
        { fact: "contexts", includes: "workplace" },
      ],
    };
    expect(conditionText(c, en)).toBe("functions includes emotion-recognition AND contexts includes workplace");
  });
  it("puts nested groups in parentheses and reads every operator", () => {
    const c: Condition = {
      any: [
        { not: { fact: "publicFacing", is: true } },
        {
          all: [
            { fact: "gpai.trainingComputeFlop", gte: 1e25 },
            { fact: "places.used", inJurisdiction: "EU" },
          ],
        },
        { fact: "purposes", includesAny: ["credit", "housing"] },
      ],
    };
    expect(conditionText(c, { ...en, place: (p) => `[${p}]`, number: (n) => n.toExponential() })).toBe(
      "NOT publicFacing is true OR (gpai.trainingComputeFlop is at least 1e+25 AND places.used includes a place within [EU]) OR purposes includes one of credit, housing",
    );
  });
  it("recognises conditions among unknown values", () => {
    expect(isCondition({ all: [{ fact: "roles", includes: "provider" }] })).toBe(true);
    expect(isCondition({ all: [{ nope: 1 }] })).toBe(false);
    expect(isCondition(null)).toBe(false);
    expect(isCondition("x")).toBe(false);
  });
});

describe("instrument files", () => {
  it("takes the format from the extension, else from the content", () => {
    expect(detectFormat("eu-ai-act.json", "id: x")).toBe("json");
    expect(detectFormat("EU.YML", "{}")).toBe("yaml");
    expect(detectFormat("x.yaml", "{}")).toBe("yaml");
    expect(detectFormat(null, '\uFEFF  {"id": "x"}')).toBe("json");
    expect(detectFormat("notes.txt", "id: x\nversion: '1'")).toBe("yaml");
    expect(detectFormat(undefined, "")).toBe("yaml");
  });
});

describe("requirement trees", () => {
  const requirements = [
    {
      id: "a",
      ref: "1",
      title: "A",
      summary: "s",
      verify: true,
      children: [{ id: "a1", ref: "1(1)", title: "A1", summary: "s" }],
    },
    {
      id: "b",
      ref: "2",
      title: "B",
      summary: "s",
      children: [
        {
          id: "b1",
          ref: "2(1)",
          title: "B1",
          summary: "s",
          verify: true,
          children: [{ id: "b1a", ref: "2(1)(a)", title: "x", summary: "s" }],
        },
      ],
    },
  ];
  it("counts requirements, flags and openable nodes at every depth", () => {
    expect(countRequirements(requirements)).toBe(5);
    expect(parentIds(requirements)).toEqual(["a", "b", "b1"]);
    expect(countVerify({ verify: true, applicationDates: [{ verify: true }, {}], requirements })).toBe(4);
  });
});

describe("schema error paths", () => {
  it("are shown inside the file", () => {
    expect(pathInFile("content.requirements.0.title")).toBe("requirements.0.title");
    expect(pathInFile("content")).toBe("");
    expect(pathInFile("body.content.id")).toBe("id");
    expect(pathInFile("contentious.x")).toBe("contentious.x");
  });
});
