import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryOf, isJurisdictionCode, regionName, SUBNATIONAL_CODES } from "./jurisdictions";

describe("jurisdictions", () => {
  it("lists ISO countries and sub-national codes the API accepts", () => {
    expect(COUNTRY_CODES.length).toBeGreaterThan(240);
    expect(COUNTRY_CODES).toContain("DE");
    expect(COUNTRY_CODES).toContain("CN");
    for (const code of [...COUNTRY_CODES, ...SUBNATIONAL_CODES, "EU", "INT"])
      expect(isJurisdictionCode(code), code).toBe(true);
    expect(SUBNATIONAL_CODES).toEqual(expect.arrayContaining(["US-CA", "US-CO", "US-NY-NYC"]));
    expect(isJurisdictionCode("de")).toBe(false);
  });

  it("names regions in the reader's language, the code when there is no name", () => {
    expect(regionName("DE", "en")).toBe("Germany");
    expect(regionName("DE", "fr")).toBe("Allemagne");
    expect(regionName("EU", "en")).toBe("European Union");
    expect(regionName("US-CO", "en")).toBe("US-CO");
  });

  it("finds the country of a place", () => {
    expect(countryOf("US-NY-NYC")).toBe("US");
    expect(countryOf("DE")).toBe("DE");
    expect(countryOf("EU")).toBeNull();
    expect(countryOf("INT")).toBeNull();
  });
});
