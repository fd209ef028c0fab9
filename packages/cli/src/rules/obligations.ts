/** `concordia obligations` and `concordia instruments validate`: the rules engine from the command line. */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createClient, InstrumentSchema, SystemProfileSchema } from "@concordia/contracts";
import {
  compileRules,
  DEFAULT_REVIEW_MAX_AGE_DAYS,
  type Evaluation,
  evaluationToCsv,
  type Instrument,
  type OverdueReview,
  overdueReviews,
} from "@concordia/core";
import { parse as parseYaml } from "yaml";
import { UsageError } from "../log/errors.js";
import type { Out } from "../log/output.js";

export const DEFAULT_DATA_DIR = resolve(new URL("../../../../data", import.meta.url).pathname);

export interface ObligationsOptions {
  asOf?: string;
  jurisdictions?: string[];
  all?: boolean;
  format: "text" | "json" | "csv";
  explain?: boolean;
  /** Evaluate on a server (its published instruments) instead of the local data files. */
  server?: string;
  dataDir: string;
}

function readInput(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

function parseData(text: string, file: string): unknown {
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not valid ${/\.ya?ml$/i.test(file) ? "YAML" : "JSON"}: ${(err as Error).message}`);
  }
}

/** Every schema error as "path: message", one per line. */
function issues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `  ${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("\n");
}

export function loadInstruments(dataDir: string): Instrument[] {
  const dir = resolve(dataDir, "frameworks");
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    throw new UsageError(`no instruments in ${dir}`);
  }
  return files.sort().map((f) => {
    const parsed = InstrumentSchema.safeParse(JSON.parse(readFileSync(resolve(dir, f), "utf8")));
    if (!parsed.success) throw new UsageError(`${dir}/${f} is invalid:\n${issues(parsed.error)}`);
    return parsed.data;
  });
}

const MARK = { applies: "●", "may-apply": "?", "does-not-apply": "○" } as const;

export function formatEvaluation(e: Evaluation, explain: boolean): string {
  const lines = [`Obligations as of ${e.asOf} (● applies  ? may apply — needs review  ○ does not apply)`];
  for (const j of e.jurisdictions) {
    lines.push("", `== ${j.jurisdiction} ==`);
    for (const i of j.instruments) {
      const category = i.category ? ` — ${i.category.label}` : "";
      const possible = i.possibleCategories.length
        ? ` (may be: ${i.possibleCategories.map((c) => c.label).join(", ")})`
        : "";
      lines.push(
        `${MARK[i.status]} ${i.shortTitle} [${i.binding ? "binding" : "voluntary"}]: ${i.status}${category}${possible}`,
      );
      for (const o of i.obligations) {
        const when = o.appliesFrom ? (o.inEffect ? ` since ${o.appliesFrom}` : ` from ${o.appliesFrom}`) : "";
        lines.push(
          `    ${MARK[o.status]} ${o.ref} ${o.title} (${o.addressees.join(", ")})${when}${o.verify ? " [verify]" : ""}`,
        );
        if (explain) for (const t of o.trace) lines.push(`        ${t.fact} ${t.test}: ${t.result}`);
      }
    }
  }
  return lines.join("\n");
}

export async function obligationsCommand(file: string, o: ObligationsOptions, out: Out): Promise<number> {
  const raw = parseData(readInput(file), file);
  const profile = SystemProfileSchema.safeParse(raw);
  if (!profile.success) throw new UsageError(`${file} is not a valid system profile:\n${issues(profile.error)}`);
  if (o.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) throw new UsageError("--as-of takes a date, YYYY-MM-DD");
  const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
  let evaluation: Evaluation;
  if (o.server) {
    const call = createClient({ baseUrl: o.server });
    evaluation = (await call("evaluateObligations", {
      body: {
        profile: profile.data,
        asOf,
        ...(o.jurisdictions ? { jurisdictions: o.jurisdictions } : {}),
        ...(o.all ? { includeNotApplicable: true } : {}),
      },
    })) as Evaluation;
  } else {
    evaluation = compileRules(loadInstruments(o.dataDir)).evaluate(profile.data, {
      asOf,
      ...(o.jurisdictions ? { jurisdictions: o.jurisdictions } : {}),
      ...(o.all ? { includeNotApplicable: true } : {}),
    });
  }
  if (o.format === "json") out.stdout(JSON.stringify(evaluation, null, 2));
  else if (o.format === "csv") process.stdout.write(evaluationToCsv(evaluation));
  else out.stdout(formatEvaluation(evaluation, !!o.explain));
  return 0;
}

export interface ValidateOptions {
  /** Review dates are aged to this day (YYYY-MM-DD, default today). */
  asOf?: string;
  /** Reviews older than this many days are listed as overdue (default 365). */
  maxAgeDays?: number;
  /** Where the instruments are when no file is named. */
  dataDir: string;
}

interface FileReport {
  file: string;
  valid: boolean;
  id?: string;
  version?: string;
  errors: { path: string; message: string }[];
}

function formatOverdue(list: readonly OverdueReview[], asOf: string, maxAgeDays: number): string {
  const head = `Overdue reviews (last reviewed more than ${maxAgeDays} days before ${asOf}): ${list.length || "none"}`;
  const lines = list.map((r) => {
    const what = r.requirementId ? `${r.requirementId} ${r.ref} ${r.title}` : `instrument: ${r.title}`;
    const from = r.inherited ? ", the instrument's date" : "";
    return `  ! ${r.instrumentId} ${what} — ${r.lastReviewed} (${r.ageDays} days${from})`;
  });
  return [head, ...lines].join("\n");
}

/**
 * Validates instrument files (JSON or YAML) like the server does before publishing, then lists the
 * overdue reviews of the valid ones. No file: every instrument of the data folder.
 */
export function validateInstrumentCommand(files: readonly string[], o: ValidateOptions, out: Out): number {
  if (o.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) throw new UsageError("--as-of takes a date, YYYY-MM-DD");
  const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
  const maxAgeDays = o.maxAgeDays ?? DEFAULT_REVIEW_MAX_AGE_DAYS;
  let paths = [...files];
  if (paths.length === 0) {
    const dir = resolve(o.dataDir, "frameworks");
    try {
      paths = readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => resolve(dir, f));
    } catch {
      throw new UsageError(`no instruments in ${dir}`);
    }
  }
  const reports: FileReport[] = [];
  const valid: Instrument[] = [];
  for (const file of paths) {
    const parsed = InstrumentSchema.safeParse(parseData(readInput(file), file));
    if (parsed.success) {
      valid.push(parsed.data);
      reports.push({ file, valid: true, id: parsed.data.id, version: parsed.data.version, errors: [] });
      if (!out.json) out.stdout(`✓ ${file}: ${parsed.data.id} version ${parsed.data.version} is valid`);
    } else {
      const errors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
      reports.push({ file, valid: false, errors });
      if (!out.json) out.stderr(`✗ ${file}: ${errors.length} error(s)\n${issues(parsed.error)}`);
    }
  }
  const overdue = overdueReviews(valid, { asOf, maxAgeDays });
  const allValid = reports.every((r) => r.valid);
  if (out.json) {
    const review = { asOf, maxAgeDays, overdue };
    // One named file keeps the single-file shape; otherwise one entry per file.
    const [only] = reports;
    const body =
      files.length === 1 && only
        ? { valid: only.valid, id: only.id, version: only.version, errors: only.errors, review }
        : { valid: allValid, files: reports, review };
    out.stdout(JSON.stringify(body, null, 2));
  } else if (valid.length > 0) {
    out.stdout(formatOverdue(overdue, asOf, maxAgeDays));
  }
  return allValid ? 0 : 1;
}
