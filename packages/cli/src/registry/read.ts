/**
 * Reads system documents from NDJSON (one JSON document per line) or from a JSON array, as a
 * stream: the input is never held in memory whole, only the document being parsed (plus the
 * documents of the batches not yet stored, which the consumer holds).
 *
 * The format is told by the first non-blank character: `[` is a JSON array, anything else NDJSON.
 * Blank lines of NDJSON are skipped. Every document's position is kept (its line, and its number in
 * the input) until the caller releases it, so an error deep in the import still names its line.
 */
import { StringDecoder } from "node:string_decoder";

/** The input is not NDJSON / a JSON array (bad JSON, text after the array, ...). */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface Position {
  /** 1-based line where the document starts. */
  line: number;
}

export interface DocumentReader {
  /** The documents, in order (each a parsed JSON value, not yet validated). */
  documents: AsyncIterable<unknown>;
  /** "ndjson" or "json-array", known once the first document has been read. */
  format(): "ndjson" | "json-array" | undefined;
  /** Position of the document at 0-based `index`, until released. */
  position(index: number): Position | undefined;
  /** Forgets the positions of the documents before `index` (they are stored). */
  release(index: number): void;
  /** Bytes consumed from the input so far. */
  bytesRead(): number;
}

const isBlank = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;

export function readDocuments(input: AsyncIterable<Buffer | string>): DocumentReader {
  const positions = new Map<number, Position>();
  let released = 0;
  let bytes = 0;
  let format: "ndjson" | "json-array" | undefined;

  async function* text(): AsyncGenerator<string> {
    const decoder = new StringDecoder("utf8");
    for await (const chunk of input) {
      if (typeof chunk === "string") {
        bytes += Buffer.byteLength(chunk);
        yield chunk;
      } else {
        bytes += chunk.length;
        yield decoder.write(chunk);
      }
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  const parse = (source: string, line: number): unknown => {
    try {
      return JSON.parse(source);
    } catch (err) {
      throw new InputError(line, `not valid JSON (${(err as Error).message})`);
    }
  };

  async function* ndjson(chunks: AsyncIterable<string>): AsyncGenerator<[string, number]> {
    let pending = "";
    let line = 0;
    for await (const chunk of chunks) {
      pending += chunk;
      let from = 0;
      for (let nl = pending.indexOf("\n", from); nl !== -1; nl = pending.indexOf("\n", from)) {
        line++;
        yield [pending.slice(from, nl), line];
        from = nl + 1;
      }
      pending = pending.slice(from);
    }
    if (pending.length > 0) yield [pending, line + 1];
  }

  /** Top-level elements of a JSON array, as source text, without parsing them. */
  async function* jsonArray(chunks: AsyncIterable<string>): AsyncGenerator<[string, number]> {
    let state: "start" | "first" | "between" | "value" | "end" = "start";
    let depth = 0;
    let inString = false;
    let escaped = false;
    let buf = "";
    let line = 1;
    let valueLine = 1;
    for await (const chunk of chunks) {
      let from = 0;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 0x0a) line++;
        if (state === "value") {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 0x5c) escaped = true;
            else if (c === 0x22) inString = false;
            continue;
          }
          if (c === 0x22) inString = true;
          else if (c === 0x7b || c === 0x5b) depth++;
          else if ((c === 0x7d || c === 0x5d) && depth > 0) depth--;
          else if (depth === 0 && (c === 0x2c || c === 0x5d)) {
            yield [buf + chunk.slice(from, i), valueLine];
            buf = "";
            state = c === 0x2c ? "between" : "end";
          }
          continue;
        }
        if (isBlank(c)) continue;
        if (state === "start") {
          if (c !== 0x5b) throw new InputError(line, "expected a JSON array");
          state = "first";
        } else if (state === "end") {
          throw new InputError(line, "unexpected text after the JSON array");
        } else if (state === "first" && c === 0x5d) {
          state = "end";
        } else {
          if (c === 0x5d || c === 0x2c) throw new InputError(line, "expected a document in the JSON array");
          state = "value";
          valueLine = line;
          from = i;
          depth = 0;
          // This character opens the value: handle it as part of it.
          if (c === 0x22) inString = true;
          else if (c === 0x7b || c === 0x5b) depth = 1;
        }
      }
      if (state === "value") buf += chunk.slice(from);
    }
    if ((state as string) !== "end") throw new InputError(line, "the JSON array is not closed");
  }

  async function* documents(): AsyncGenerator<unknown> {
    const chunks = text()[Symbol.asyncIterator]();
    // Look at the first non-blank character to tell the format.
    const head: string[] = [];
    let first: number | undefined;
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      head.push(next.value);
      for (let i = 0; i < next.value.length && first === undefined; i++) {
        if (!isBlank(next.value.charCodeAt(i))) first = next.value.charCodeAt(i);
      }
      if (first !== undefined) break;
    }
    format = first === 0x5b ? "json-array" : "ndjson";
    async function* all() {
      yield* head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    }
    let index = 0;
    const items = format === "json-array" ? jsonArray(all()) : ndjson(all());
    for await (const [source, line] of items) {
      if (format === "ndjson" && source.trim() === "") continue;
      const doc = parse(source, line);
      positions.set(index, { line });
      index++;
      yield doc;
    }
  }

  return {
    documents: documents(),
    format: () => format,
    position: (index) => positions.get(index),
    release(index) {
      for (; released < index; released++) positions.delete(released);
    },
    bytesRead: () => bytes,
  };
}
