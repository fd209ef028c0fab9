import type { Actor } from "../policy/actor.js";
import { isSecretariat } from "../policy/actor.js";
import { FIELD_GROUPS, GROUP_FIELDS, type SystemDocument, type Visibility } from "./types.js";

/** How much of a system a caller may read: everything (owner, secretariat) or by visibility level. */
export type ViewerLevel = "public" | "members" | "secretariat" | "owner";

/** The owning organization's people and the secretariat read everything; anyone holding a role is a member. */
export function viewerLevel(actor: Actor, ownerOrganizationId: string): ViewerLevel {
  if (isSecretariat(actor)) return "secretariat";
  if (actor.grants.some((g) => g.organizationId === ownerOrganizationId)) return "owner";
  return actor.grants.length > 0 ? "members" : "public";
}

const RANK: Record<ViewerLevel, number> = { public: 0, members: 1, secretariat: 2, owner: 3 };
const NEEDED: Record<Visibility, number> = { public: 0, members: 1, secretariat: 2 };

export function canRead(level: ViewerLevel, visibility: Visibility): boolean {
  // The secretariat reads secretariat-only fields; owners read all of their own.
  return RANK[level] >= NEEDED[visibility];
}

/**
 * The document as a viewer may see it: hidden groups are removed (never sent), and the list of
 * hidden groups is returned so a page can say what is withheld.
 */
export function projectDocument(
  doc: SystemDocument,
  level: ViewerLevel,
): { document: Partial<SystemDocument>; hidden: string[] } {
  const out: Partial<SystemDocument> = { ...doc };
  const hidden: string[] = [];
  for (const group of FIELD_GROUPS) {
    if (canRead(level, doc.visibility[group])) continue;
    hidden.push(group);
    for (const field of GROUP_FIELDS[group]) delete out[field];
  }
  if (level !== "owner" && level !== "secretariat") delete out.visibility;
  return { document: out, hidden };
}
