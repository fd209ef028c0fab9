import type { Requirement } from "@concordia/core";

interface Flagged {
  verify?: boolean;
  applicationDates?: readonly { verify?: boolean }[];
  requirements?: readonly Requirement[];
}

/** Requirements and application dates marked verify: true (the instrument itself included). */
export function countVerify(inst: Flagged): number {
  let n = inst.verify ? 1 : 0;
  for (const d of inst.applicationDates ?? []) if (d.verify) n++;
  const walk = (reqs: readonly Requirement[]) => {
    for (const r of reqs) {
      if (r.verify) n++;
      if (r.children) walk(r.children);
    }
  };
  walk(inst.requirements ?? []);
  return n;
}

/** Ids of every requirement that has children (the nodes a tree can open). */
export function parentIds(reqs: readonly Requirement[], out: string[] = []): string[] {
  for (const r of reqs) {
    if (r.children?.length) {
      out.push(r.id);
      parentIds(r.children, out);
    }
  }
  return out;
}

/** How many requirements a tree holds, at every depth. */
export function countRequirements(reqs: readonly Requirement[]): number {
  return reqs.reduce((n, r) => n + 1 + countRequirements(r.children ?? []), 0);
}
