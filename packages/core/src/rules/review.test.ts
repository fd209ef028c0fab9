import { describe, expect, it } from "vitest";
import { modelAct } from "../../test/rules-fixture.js";
import { DEFAULT_REVIEW_MAX_AGE_DAYS, overdueReviews } from "./review.js";
import type { Instrument } from "./types.js";

/** The model act, reviewed on 2026-11-26, with one requirement reviewed later and one earlier. */
function act(): Instrument {
  const a = modelAct();
  a.requirements[0]!.lastReviewed = "2027-06-01";
  a.requirements[0]!.children![0]!.lastReviewed = "2025-01-15";
  return a;
}

describe("overdueReviews", () => {
  it("lists nothing while every review is younger than the limit", () => {
    expect(overdueReviews([modelAct()], { asOf: "2026-12-08" })).toEqual([]);
    // Exactly maxAgeDays old is not yet overdue.
    expect(overdueReviews([modelAct()], { asOf: "2027-11-26" })).toEqual([]);
    expect(DEFAULT_REVIEW_MAX_AGE_DAYS).toBe(365);
  });

  it("lists the instrument and each requirement whose own or inherited date is too old", () => {
    const list = overdueReviews([act()], { asOf: "2027-11-27" });
    const ids = list.map((r) => r.requirementId ?? "(instrument)");
    // art-1 has its own, recent date; art-1-1 its own, old one; the rest inherit the instrument's.
    expect(ids).not.toContain("art-1");
    expect(ids[0]).toBe("art-1-1");
    expect(ids).toContain("(instrument)");
    expect(ids).toContain("art-2");
    expect(list[0]).toMatchObject({
      instrumentId: "test-model-act",
      ref: "Art. 1(1)",
      lastReviewed: "2025-01-15",
      inherited: false,
      ageDays: 1046,
    });
    const inherited = list.find((r) => r.requirementId === "art-2")!;
    expect(inherited).toMatchObject({ lastReviewed: "2026-11-26", inherited: true, ageDays: 366 });
    const instrument = list.find((r) => r.requirementId === undefined)!;
    expect(instrument).toMatchObject({ title: "Model Act", inherited: false, ageDays: 366 });
  });

  it("sorts the oldest first and honours maxAgeDays", () => {
    const list = overdueReviews([act()], { asOf: "2026-12-08", maxAgeDays: 30 });
    expect(list.map((r) => r.requirementId)).toEqual(["art-1-1"]);
    const all = overdueReviews([act()], { asOf: "2027-12-31", maxAgeDays: 0 });
    expect(all.map((r) => r.ageDays)).toEqual([...all.map((r) => r.ageDays)].sort((a, b) => b - a));
    expect(all.length).toBeGreaterThan(3);
  });

  it("rejects a malformed date or limit", () => {
    expect(() => overdueReviews([modelAct()], { asOf: "8 December 2026" })).toThrow(RangeError);
    expect(() => overdueReviews([modelAct()], { asOf: "2026-12-08", maxAgeDays: -1 })).toThrow(RangeError);
  });
});
