import { describe, expect, it } from "vitest";
import { base64Encode, hexDecode, hexEncode } from "./encoding.js";
import { emptyRoot, HASH_SIZE, leafHash, nodeHash } from "./hash.js";

const text = (s: string) => new TextEncoder().encode(s);

describe("RFC 6962 hashes", () => {
  it("the empty tree's root is SHA-256 of the empty string", () => {
    expect(hexEncode(emptyRoot())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(emptyRoot().length).toBe(HASH_SIZE);
  });

  it("hashes a leaf with the 0x00 prefix (known answers from Go's tlog and transparency-dev/merkle)", () => {
    // golang.org/x/mod/sumdb/tlog TestFormatTree: RecordHash("hello world").
    expect(base64Encode(leafHash(text("hello world")))).toBe("TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=");
    // transparency-dev/merkle: the root of the one-leaf tree over the empty leaf.
    expect(hexEncode(leafHash(new Uint8Array(0)))).toBe(
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    );
  });

  it("hashes an interior node with the 0x01 prefix (root of the two-leaf RFC 6962 test tree)", () => {
    const root = nodeHash(leafHash(new Uint8Array(0)), leafHash(hexDecode("00")));
    expect(hexEncode(root)).toBe("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
  });

  it("keeps leaves and nodes apart: a leaf whose data is 0x01||l||r is not the node H(l, r)", () => {
    const l = leafHash(text("l"));
    const r = leafHash(text("r"));
    const forged = new Uint8Array([...l, ...r]);
    expect(hexEncode(leafHash(forged))).not.toBe(hexEncode(nodeHash(l, r)));
  });
});
