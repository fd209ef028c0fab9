import { describe, expect, it } from "vitest";
import { type InputError, readDocuments } from "./read.js";

/** The input cut into chunks of `size` characters (1: every character its own chunk). */
async function* chunks(text: string, size: number) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(text: string, size = 7) {
  const r = readDocuments(chunks(text, size));
  const docs: unknown[] = [];
  for await (const d of r.documents) docs.push(d);
  return { docs, lines: docs.map((_, i) => r.position(i)?.line), format: r.format(), bytes: r.bytesRead() };
}

describe("readDocuments", () => {
  it("reads NDJSON line by line, skipping blank lines, with CRLF and multi-byte characters split across chunks", async () => {
    const text = '{"a":1}\r\n\r\n  \n{"name":"人工智能 مساعد"}\n{"c":[1,2]}';
    for (const size of [1, 2, 5, 1024]) {
      const r = await readAll(text, size);
      expect(r.format).toBe("ndjson");
      expect(r.docs).toEqual([{ a: 1 }, { name: "人工智能 مساعد" }, { c: [1, 2] }]);
      expect(r.lines).toEqual([1, 4, 5]);
      expect(r.bytes).toBe(Buffer.byteLength(text));
    }
  });

  it("reads a JSON array element by element, whatever the strings contain", async () => {
    const docs = [
      { name: 'brackets ] } [ { and, commas, "quotes" \\ backslash' },
      { nested: { list: [[1], { x: "]" }], empty: {} } },
      "a string",
      42,
    ];
    const text = `\n  [\n${docs.map((d) => JSON.stringify(d, null, 2)).join(",\n")}\n]\n`;
    for (const size of [1, 3, 64, 100_000]) {
      const r = await readAll(text, size);
      expect(r.format).toBe("json-array");
      expect(r.docs).toEqual(docs);
      expect(r.lines[0]).toBe(3);
      expect(r.lines[1]).toBe(6);
    }
    expect((await readAll("[]")).docs).toEqual([]);
  });

  it("names the line of bad input", async () => {
    const bad = async (text: string) => (await readAll(text).catch((e: unknown) => e)) as InputError;
    expect(await bad('{"a":1}\n{"a":\n')).toMatchObject({ name: "InputError", line: 2 });
    expect((await bad('{"a":1}\n{"a":\n')).message).toMatch(/^line 2: not valid JSON/);
    expect(await bad('[\n{"a":1},\n{"a":2}')).toMatchObject({
      line: 3,
      message: "line 3: the JSON array is not closed",
    });
    expect(await bad('[{"a":1}]\n[]')).toMatchObject({
      line: 2,
      message: "line 2: unexpected text after the JSON array",
    });
    expect(await bad('[{"a":1},,{"b":2}]')).toMatchObject({ message: "line 1: expected a document in the JSON array" });
    expect(await bad('[{"a":1},\n{"b":tru}]')).toMatchObject({ line: 2 });
  });

  it("forgets positions once released and never reads far ahead", async () => {
    let produced = 0;
    async function* lines() {
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield `{"i":${i}}\n`;
      }
    }
    const r = readDocuments(lines());
    let n = 0;
    for await (const _ of r.documents) {
      n++;
      expect(produced - n).toBeLessThanOrEqual(1);
      if (n % 100 === 0) r.release(n);
      if (n === 5050) break;
    }
    expect(r.position(4999)).toBeUndefined();
    expect(r.position(5049)).toEqual({ line: 5050 });
  });
});
