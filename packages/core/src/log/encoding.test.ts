import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  base64Decode,
  base64Encode,
  bytesEqual,
  concatBytes,
  EncodingError,
  hasControlCharacter,
  hexDecode,
  hexEncode,
  isWellFormedUnicode,
  utf8Decode,
  utf8Encode,
} from "./encoding.js";

const text = (s: string) => new TextEncoder().encode(s);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof EncodingError) return e.code;
    throw e;
  }
  return undefined;
}

describe("base64 (RFC 4648 §4)", () => {
  // RFC 4648 §10 test vectors.
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "Zg=="],
    ["fo", "Zm8="],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg=="],
    ["fooba", "Zm9vYmE="],
    ["foobar", "Zm9vYmFy"],
  ];
  it("encodes and decodes the RFC 4648 §10 vectors", () => {
    for (const [plain, encoded] of vectors) {
      expect(base64Encode(text(plain))).toBe(encoded);
      expect(base64Decode(encoded)).toEqual(text(plain));
    }
  });

  it("agrees with Node's Buffer on random bytes, both ways", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const encoded = base64Encode(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString("base64"));
        expect(base64Decode(encoded)).toEqual(bytes);
      }),
    );
  });

  it("when the input is not canonical base64 → throws BAD_BASE64", () => {
    for (const bad of [
      "Zg", // missing padding
      "Zg=", // wrong length
      "Zh==", // non-zero unused bits: a second spelling of "f"
      "Zm9=", // same, with one padding character
      "Zm9v\n", // whitespace
      " Zm9v",
      "Zm9v Zm9v",
      "Zg==Zg==", // padding in the middle
      "Z===",
      "====",
      "Zm=v",
      "Zm9v-_==", // URL-safe alphabet
      "Zm9vYmFyé===",
    ]) {
      expect(
        codeOf(() => base64Decode(bad)),
        bad,
      ).toBe("BAD_BASE64");
    }
  });
});

describe("hex", () => {
  it("round-trips and writes lower case", () => {
    expect(hexEncode(Uint8Array.of(0, 1, 0xab, 0xff))).toBe("0001abff");
    expect(hexDecode("0001ABff")).toEqual(Uint8Array.of(0, 1, 0xab, 0xff));
  });
  it("when odd-length or not hexadecimal → throws BAD_HEX", () => {
    expect(codeOf(() => hexDecode("abc"))).toBe("BAD_HEX");
    expect(codeOf(() => hexDecode("zz"))).toBe("BAD_HEX");
  });
});

describe("UTF-8", () => {
  it("round-trips any well-formed string, a leading byte order mark included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf, 0x61);
    expect(utf8Encode(utf8Decode(bom))).toEqual(bom);
  });
  it("when bytes are not UTF-8 → throws INVALID_UTF8", () => {
    expect(codeOf(() => utf8Decode(Uint8Array.of(0xff)))).toBe("INVALID_UTF8");
    expect(codeOf(() => utf8Decode(Uint8Array.of(0xc0, 0x80)))).toBe("INVALID_UTF8"); // overlong NUL
    expect(codeOf(() => utf8Decode(Uint8Array.of(0xed, 0xa0, 0x80)))).toBe("INVALID_UTF8"); // encoded surrogate
  });
  it("when a string holds a lone surrogate → throws INVALID_UTF8 instead of signing U+FFFD", () => {
    expect(isWellFormedUnicode("a\uD800b")).toBe(false);
    expect(isWellFormedUnicode("😀")).toBe(true);
    expect(codeOf(() => utf8Encode("\uDC00"))).toBe("INVALID_UTF8");
  });
});

describe("small helpers", () => {
  it("bytesEqual compares length and content", () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
  });
  it("concatBytes joins in order", () => {
    expect(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3))).toEqual(Uint8Array.of(1, 2, 3));
  });
  it("hasControlCharacter spots characters below U+0020, newline optionally allowed", () => {
    expect(hasControlCharacter("a\nb", true)).toBe(false);
    expect(hasControlCharacter("a\nb", false)).toBe(true);
    expect(hasControlCharacter("a\rb", true)).toBe(true);
    expect(hasControlCharacter("tab\there", true)).toBe(true);
    expect(hasControlCharacter("\u007f é — 中", true)).toBe(false);
  });
});
