import type { Instrument, Requirement } from "./types.js";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RequirementChange {
  change: "added" | "removed" | "changed";
  requirementId: string;
  ref: string;
  title: string;
  fields: FieldChange[];
}

export interface InstrumentDiff {
  metadata: FieldChange[];
  requirements: RequirementChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  skip: ReadonlySet<string>,
): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !skip.has(f)).sort();
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

function flatten(
  reqs: readonly Requirement[],
  parent: string | null,
  out: Map<string, Requirement & { parent: string | null }>,
) {
  for (const r of reqs) {
    out.set(r.id, { ...r, parent });
    if (r.children) flatten(r.children, r.id, out);
  }
  return out;
}

const NOT_METADATA = new Set(["requirements", "$schema"]);
const NOT_REQUIREMENT_FIELD = new Set(["children"]);

/**
 * What changed between two versions of an instrument: metadata fields, and requirements matched
 * by id (added, removed, or changed with each field before and after; a move shows as `parent`).
 */
export function diffInstruments(before: Instrument, after: Instrument): InstrumentDiff {
  const metadata = fieldChanges(
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
    NOT_METADATA,
  );
  const a = flatten(before.requirements, null, new Map());
  const b = flatten(after.requirements, null, new Map());
  const requirements: RequirementChange[] = [];
  for (const [id, r] of b) {
    const old = a.get(id);
    if (!old) {
      requirements.push({ change: "added", requirementId: id, ref: r.ref, title: r.title, fields: [] });
      continue;
    }
    const fields = fieldChanges(
      old as unknown as Record<string, unknown>,
      r as unknown as Record<string, unknown>,
      NOT_REQUIREMENT_FIELD,
    );
    if (fields.length > 0)
      requirements.push({ change: "changed", requirementId: id, ref: r.ref, title: r.title, fields });
  }
  for (const [id, r] of a) {
    if (!b.has(id)) requirements.push({ change: "removed", requirementId: id, ref: r.ref, title: r.title, fields: [] });
  }
  return { metadata, requirements };
}
