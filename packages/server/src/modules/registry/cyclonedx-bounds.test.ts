import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { countValues, MAX_BOM_VALUES } from "./cyclonedx-validator.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A minimal ML-BOM shell with `n` unknown keys on its metadata. */
function wideBom(n: number) {
  const metadata: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) metadata[`unknown${i}`] = i;
  return { bomFormat: "CycloneDX", specVersion: "1.6", version: 1, metadata };
}

describe("CycloneDX import bounds", () => {
  it("counts values up to the limit and no further", () => {
    expect(countValues({ a: [1, 2, { b: null }] })).toBe(8);
    expect(countValues(wideBom(1_000_000), 10)).toBe(11);
  });

  it("refuses a BOM of 200,000 unknown keys before validating: a small 413 naming body.bom, fast, nothing saved", async () => {
    const p = await t.person("provider");
    const t0 = performance.now();
    const res = await t.request("POST", "/api/v1/registry/import/cyclonedx", {
      as: p.agent,
      body: { organizationId: p.organizationId, bom: wideBom(200_000) },
    });
    const ms = performance.now() - t0;
    expect(res.statusCode, res.body.slice(0, 300)).toBe(413);
    expect(res.body.length).toBeLessThan(2_000);
    expect(res.json().errors[0].field).toBe("body.bom");
    expect(res.json().detail).toContain(MAX_BOM_VALUES.toLocaleString("en"));
    expect(ms).toBeLessThan(5_000);
    const mine = await t.request("GET", "/api/v1/registry/systems?mine=true", { as: p.agent });
    expect(mine.json().total).toBe(0);
  });

  it("lists at most 100 schema errors, and says how many there are", async () => {
    const p = await t.person("provider");
    const res = await t.request("POST", "/api/v1/registry/import/cyclonedx", {
      as: p.agent,
      body: { organizationId: p.organizationId, bom: wideBom(5_000) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toHaveLength(100);
    expect(res.json().detail).toMatch(/^5,?0\d\d errors .* the first 100 are listed$/);
  });
});
