import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VerificationFailure } from "./errors.js";
import { fetchEntries, formatEntryBundle, monitorRound, parseEntryBundle, recordType } from "./monitor.js";
import { type LogState, loadState, saveState } from "./state.js";
import { TestLog, testRecord } from "./test-log.js";

const work = mkdtempSync(join(tmpdir(), "concordia-monitor-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function round(log: TestLog, state: LogState | null, feed = log.feed()) {
  let saved: LogState | null = null;
  const result = await monitorRound({ feed, logVerifier: log.verifier, state, save: (s) => (saved = s) });
  return { result, saved: saved as LogState | null };
}

async function alarm(log: TestLog, state: LogState | null, feed = log.feed()) {
  const err = await round(log, state, feed).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VerificationFailure);
  return err as VerificationFailure;
}

describe("entry bundles", () => {
  it("round-trip and must hold exactly the expected number of entries", () => {
    const entries = ["a", "", "x".repeat(300)].map((s) => new TextEncoder().encode(s));
    const data = formatEntryBundle(entries);
    expect(parseEntryBundle(data, 3)).toEqual(entries);
    expect(() => parseEntryBundle(data, 2)).toThrow(/holds 3 entries, expected 2/);
    expect(() => parseEntryBundle(data.slice(0, -1), 3)).toThrow(/truncated/);
    expect(() => parseEntryBundle(data.slice(0, 1), 0)).toThrow(/truncated/);
  });

  it("fetches entries across bundles, full and partial", async () => {
    const log = new TestLog().grow(600);
    const asked: string[] = [];
    const feed = log.feed();
    const entries = await fetchEntries(
      {
        entryBundle: (n, w) => {
          asked.push(`${n}/${w}`);
          return feed.entryBundle(n, w);
        },
      },
      250,
      600,
    );
    expect(asked).toEqual(["0/256", "1/256", "2/88"]);
    expect(entries.map((e) => new TextDecoder().decode(e))).toEqual(log.records.slice(250, 600));
  });

  it("reads a record's type", () => {
    expect(recordType(testRecord(1, "decision"))).toBe("decision");
    expect(recordType('{"recordType":"notarization"}')).toBe("notarization");
    expect(recordType("not json")).toBe("?");
  });
});

describe("monitorRound", () => {
  it("checks every entry on the first run, then only new ones, and keeps the tree peaks", async () => {
    const log = new TestLog().grow(3, "notarization").grow(2, "decision");
    const first = await round(log, null);
    expect(first.result.status).toBe("advanced");
    expect(first.result.entries.map((e) => [e.index, e.type])).toEqual([
      [0, "notarization"],
      [1, "notarization"],
      [2, "notarization"],
      [3, "decision"],
      [4, "decision"],
    ]);
    const file = join(work, "monitor.json");
    saveState(file, first.saved!);
    const state = loadState(file, log.verifier)!;
    expect(state.range!.size).toBe(5);

    log.grow(520);
    const second = await round(log, state);
    expect(second.result).toMatchObject({ status: "advanced", previousSize: 5, size: 525 });
    expect(second.result.entries[0]!.index).toBe(5);
    expect(second.result.entries).toHaveLength(520);
    expect(second.saved!.range!.size).toBe(525);

    const third = await round(log, second.saved);
    expect(third.result).toMatchObject({ status: "unchanged", entries: [] });
    expect(third.saved).toBeNull();
  });

  it("handles an empty log", async () => {
    const log = new TestLog();
    const { result, saved } = await round(log, null);
    expect(result).toMatchObject({ status: "advanced", size: 0, entries: [] });
    log.grow(2);
    expect((await round(log, saved)).result.entries).toHaveLength(2);
  });

  it("raises an alarm when the entries served do not match the signed root", async () => {
    const log = new TestLog().grow(10);
    const { saved } = await round(log, null);
    log.grow(5);
    const feed = log.feed();
    const honest = feed.entryBundle;
    feed.entryBundle = async (n, w) => {
      const entries = parseEntryBundle(await honest(n, w), w);
      entries[12] = new TextEncoder().encode('{"type":"swapped"}');
      return formatEntryBundle(entries);
    };
    expect(await alarm(log, saved, feed)).toMatchObject({ code: "ROOT_MISMATCH" });
    expect(await alarm(log, null, feed)).toMatchObject({ code: "ROOT_MISMATCH" });
  });

  it("raises an alarm on a short bundle, a fork, a rollback or a rewritten history", async () => {
    const log = new TestLog().grow(10);
    const { saved } = await round(log, null);
    const grown = new TestLog().grow(11);
    const short = { ...grown.feed(), entryBundle: async () => formatEntryBundle([]) };
    expect(await alarm(grown, saved, short)).toMatchObject({ code: "BAD_ENTRY_BUNDLE" });
    expect(await alarm(new TestLog().grow(9).append("{}"), saved)).toMatchObject({ code: "FORK" });
    expect(await alarm(new TestLog().grow(9), saved)).toMatchObject({ code: "SIZE_DECREASED" });
    const rewritten = new TestLog().grow(10);
    rewritten.records[0] = "{}";
    expect(await alarm(rewritten.grow(3), saved)).toMatchObject({ code: "INCONSISTENT" });
  });

  it("refuses a state file without tree peaks (a witness's)", async () => {
    const log = new TestLog().grow(3);
    const { saved } = await round(log, null);
    expect(await alarm(log, { checkpoint: saved!.checkpoint, note: saved!.note })).toMatchObject({
      code: "BAD_STATE",
    });
  });
});
