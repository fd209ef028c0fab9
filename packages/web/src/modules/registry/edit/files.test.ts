import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64, formatBytes, parseJsonObject, readFileBase64, shortHash } from "./files";

describe("base64", () => {
  it("encodes like Node's Buffer, including large inputs", () => {
    const small = new TextEncoder().encode("héllo, 世界");
    expect(bytesToBase64(small)).toBe(Buffer.from(small).toString("base64"));
    const big = new Uint8Array(40_000).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString("base64"));
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
    expect(bytesToBase64(new Uint8Array())).toBe("");
  });

  it("reads a file with its name, type and size", async () => {
    const file = new File(["evidence"], "policy.txt", { type: "text/plain" });
    expect(await readFileBase64(file)).toEqual({
      fileName: "policy.txt",
      mediaType: "text/plain",
      size: 8,
      contentBase64: Buffer.from("evidence").toString("base64"),
    });
    const untyped = await readFileBase64(new File([new Uint8Array([1, 2])], "x.bin"));
    expect(untyped.mediaType).toBe("application/octet-stream");
  });
});

describe("JSON files", () => {
  it("accepts objects, reports syntax errors and other values", () => {
    expect(parseJsonObject('\uFEFF{"bomFormat":"CycloneDX"}')).toEqual({ ok: true, value: { bomFormat: "CycloneDX" } });
    expect(parseJsonObject("{bad")).toEqual({ ok: false, reason: "syntax" });
    expect(parseJsonObject("[1]")).toEqual({ ok: false, reason: "notObject" });
    expect(parseJsonObject("null")).toEqual({ ok: false, reason: "notObject" });
  });
});

describe("sizes and digests", () => {
  it("formats sizes in the reader's language", () => {
    expect(formatBytes(512, "en")).toBe("512 bytes");
    expect(formatBytes(1536, "en")).toBe("1.5 kB");
    expect(formatBytes(10 * 1024 * 1024, "en")).toBe("10 MB");
    expect(formatBytes(1536, "fr")).toMatch(/^1,5\s?ko$/);
  });

  it("shortens digests", () => {
    expect(shortHash("0123456789abcdef0123")).toBe("01234567…0123");
    expect(shortHash("abc")).toBe("abc");
  });
});
