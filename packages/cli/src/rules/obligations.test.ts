import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { modelAct } from "../../../core/test/rules-fixture.js";

const BIN = fileURLToPath(new URL("../../bin/concordia.mjs", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "concordia-rules-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function concordia(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cvScreening = {
  profileVersion: "1",
  roles: ["deployer"],
  places: { establishment: ["DE"], placedOnMarket: [], putIntoService: ["DE"], used: ["DE"], outputsUsed: ["DE"] },
  purposes: ["employment"],
  functions: ["profiling"],
  exclusions: { militaryDefenceNationalSecurity: false, scientificResearchOnly: false, personalNonProfessional: false },
};

describe("concordia obligations", { timeout: 60_000 }, () => {
  it("evaluates a profile file against the repository's instruments", () => {
    const file = join(work, "cv.yaml");
    writeFileSync(file, stringify(cvScreening));
    const text = concordia("obligations", file, "--jurisdiction", "EU", "--as-of", "2026-11-26", "--explain");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("EU AI Act [binding]: applies — ");
    expect(text.stdout).toMatch(/● Art\. 26\(1\) .*\(deployer\)/);
    expect(text.stdout).toContain("purposes includes");
    const json = concordia("obligations", file, "--format", "json", "--jurisdiction", "EU");
    const evaluation = JSON.parse(json.stdout);
    expect(evaluation.jurisdictions.map((j: { jurisdiction: string }) => j.jurisdiction)).toEqual(["EU"]);
    expect(evaluation.jurisdictions[0].instruments[0].category.id).toBe("high-risk");
    const csv = concordia("obligations", file, "--format", "csv", "--jurisdiction", "EU");
    expect(csv.stdout.split("\r\n")[0]).toMatch(/^jurisdiction,instrument,/);
    expect(csv.stdout).toContain(",eu-ai-act,");
  });

  it("names the offending field of an invalid profile and exits 2", () => {
    const file = join(work, "bad.json");
    writeFileSync(file, JSON.stringify({ ...cvScreening, purposes: ["astrology"] }));
    const r = concordia("obligations", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("purposes.0");
    expect(concordia("obligations", join(work, "missing.json")).code).toBe(2);
  });

  it("validates instrument files with every error's path", () => {
    const good = join(work, "act.yaml");
    writeFileSync(good, stringify(modelAct()));
    expect(concordia("instruments", "validate", good).stdout).toContain("test-model-act version 1 is valid");
    const bad = join(work, "bad-act.json");
    writeFileSync(bad, JSON.stringify({ ...modelAct(), kind: "law", jurisdiction: "Europe" }));
    const r = concordia("instruments", "validate", bad, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors.map((e: { path: string }) => e.path)).toEqual(["jurisdiction", "kind"]);
  });

  it("lists overdue reviews after validating, as text and as JSON", () => {
    const act = modelAct(); // reviewed 2026-11-26
    act.requirements[0]!.lastReviewed = "2027-06-01";
    const file = join(work, "reviewed-act.json");
    writeFileSync(file, JSON.stringify(act));
    const fresh = concordia("instruments", "validate", file, "--as-of", "2026-12-08");
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain("Overdue reviews (last reviewed more than 365 days before 2026-12-08): none");
    const text = concordia("instruments", "validate", file, "--as-of", "2027-12-08");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Overdue reviews \(last reviewed more than 365 days before 2027-12-08\): \d+/);
    expect(text.stdout).toContain("! test-model-act instrument: Model Act — 2026-11-26 (377 days)");
    expect(text.stdout).toContain(
      "! test-model-act art-2 Art. 2 High-risk systems in employment — 2026-11-26 (377 days, the instrument's date)",
    );
    expect(text.stdout).not.toContain("test-model-act art-1 ");
    const json = JSON.parse(
      concordia("instruments", "validate", file, "--as-of", "2027-12-08", "--max-age", "400", "--json").stdout,
    );
    expect(json).toMatchObject({
      valid: true,
      id: "test-model-act",
      review: { asOf: "2027-12-08", maxAgeDays: 400, overdue: [] },
    });
    const strict = JSON.parse(concordia("instruments", "validate", file, "--as-of", "2027-12-08", "--json").stdout);
    expect(strict.review.overdue[0]).toMatchObject({
      instrumentId: "test-model-act",
      lastReviewed: "2026-11-26",
      ageDays: 377,
    });
    expect(strict.review.overdue.map((r: { requirementId?: string }) => r.requirementId)).not.toContain("art-1");
  });

  it("validates every instrument of a data folder when no file is named", () => {
    const dir = join(work, "data");
    mkdirSync(join(dir, "frameworks"), { recursive: true });
    writeFileSync(join(dir, "frameworks", "test-model-act.json"), JSON.stringify(modelAct()));
    writeFileSync(join(dir, "frameworks", "broken.json"), JSON.stringify({ ...modelAct(), id: "Broken Id" }));
    const r = concordia("instruments", "validate", "--data-dir", dir, "--as-of", "2028-01-01", "--json");
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout);
    expect(body.valid).toBe(false);
    expect(body.files.map((f: { valid: boolean }) => f.valid)).toEqual([false, true]);
    expect(body.review.overdue.every((o: { instrumentId: string }) => o.instrumentId === "test-model-act")).toBe(true);
    expect(body.review.overdue.length).toBeGreaterThan(0);
  });
});
