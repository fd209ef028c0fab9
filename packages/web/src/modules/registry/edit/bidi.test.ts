import { describe, expect, it } from "vitest";
import { isolate } from "./bidi";

describe("isolate", () => {
  it("wraps text in first-strong isolate and pop directional isolate", () => {
    expect(isolate("Atlas 2")).toBe("\u2068Atlas 2\u2069");
    expect([...isolate("")]).toEqual(["\u2068", "\u2069"]);
  });
});
