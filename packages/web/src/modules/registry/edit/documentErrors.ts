import { type DocumentForm, isBlank, type RowMap } from "./documentForm";

/**
 * The editor's errors: the server's paths put back at the form's rows, which section shows which
 * paths, and the checks made in the browser before sending.
 */

/**
 * The form path of a server error path: "body.document.modelCard.limitations.1" → "modelCard.limitations.2"
 * when the form's row 1 was blank (not sent). Paths outside the document keep their name
 * ("body.organizationId" → "organizationId").
 */
export function formPathOf(serverPath: string, rows: RowMap): string {
  const path = serverPath.replace(/^(body|query|params)\./, "").replace(/^document\./, "");
  for (const [list, index] of Object.entries(rows)) {
    if (!path.startsWith(`${list}.`)) continue;
    const rest = path.slice(list.length + 1);
    const m = /^(\d+)(.*)$/.exec(rest);
    if (!m) continue;
    const sent = Number(m[1]);
    const row = index[sent] ?? sent;
    return `${list}.${row}${m[2]}`;
  }
  return path;
}

/** Errors keyed by form path, first message of each. */
export function formErrors(
  errors: readonly { field: string; message: string }[],
  rows: RowMap,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[formPathOf(e.field, rows)] ??= e.message;
  return out;
}

/** Errors at a path or under it ("profile.functions" also gets "profile.functions.0"). */
export function errorsUnder(errors: Record<string, string>, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
    .map(([, v]) => v);
}

/** The form's sections and the document paths each one shows. */
export const SECTIONS = {
  basics: ["organizationId", "kind", "name", "versionLabel", "intendedPurpose", "description", "translations"],
  profile: ["profile"],
  modelCard: ["modelCard"],
  datasets: ["datasets"],
  deployment: ["deploymentCountries", "contact", "links"],
  visibility: ["visibility"],
  save: ["changeNote"],
} as const;
export type SectionId = keyof typeof SECTIONS;

/** How many errors each section holds. */
export function sectionErrorCounts(errors: Record<string, string>): Record<SectionId, number> {
  const out = {} as Record<SectionId, number>;
  for (const [section, prefixes] of Object.entries(SECTIONS) as [SectionId, readonly string[]][]) {
    out[section] = Object.keys(errors).filter((k) => prefixes.some((p) => k === p || k.startsWith(`${p}.`))).length;
  }
  return out;
}

/** Errors no section shows (listed in the alert above the form). */
export function unplacedErrors(errors: Record<string, string>): [string, string][] {
  const all = Object.values(SECTIONS).flat() as string[];
  return Object.entries(errors).filter(([k]) => !all.some((p) => k === p || k.startsWith(`${p}.`)));
}

export type LocalProblem = "required" | "email" | "url" | "sha256";

const URL_RE = /^https?:\/\/\S+$/i;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SHA_RE = /^[0-9a-fA-F]{64}$/;

/** Checks made before sending (the server checks again): required texts, addresses, digests. */
export function validateForm(form: DocumentForm): Record<string, LocalProblem> {
  const out: Record<string, LocalProblem> = {};
  for (const f of ["name", "versionLabel", "intendedPurpose", "description"] as const) {
    if (form[f].trim() === "") out[f] = "required";
  }
  form.modelCard.metrics.forEach((m, i) => {
    if (isBlank([m.name, m.value, m.dataset, m.slice])) return;
    if (!m.name.trim()) out[`modelCard.metrics.${i}.name`] = "required";
    if (!m.value.trim()) out[`modelCard.metrics.${i}.value`] = "required";
  });
  form.datasets.forEach((d, i) => {
    if (isBlank([d.name, d.description, d.url, d.license, d.sha256])) return;
    if (!d.name.trim()) out[`datasets.${i}.name`] = "required";
    if (d.url.trim() && !URL_RE.test(d.url.trim())) out[`datasets.${i}.url`] = "url";
    if (d.sha256.trim() && !SHA_RE.test(d.sha256.trim())) out[`datasets.${i}.sha256`] = "sha256";
  });
  if (form.contact.email.trim() && !EMAIL_RE.test(form.contact.email.trim())) out["contact.email"] = "email";
  if (form.contact.url.trim() && !URL_RE.test(form.contact.url.trim())) out["contact.url"] = "url";
  form.links.forEach((l, i) => {
    if (isBlank([l.label, l.url])) return;
    if (!l.label.trim()) out[`links.${i}.label`] = "required";
    if (!URL_RE.test(l.url.trim())) out[`links.${i}.url`] = l.url.trim() ? "url" : "required";
  });
  return out;
}
