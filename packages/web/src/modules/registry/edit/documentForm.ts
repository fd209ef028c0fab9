import type { SystemDocumentInput } from "@concordia/contracts";
import {
  DEFAULT_VISIBILITY,
  type FieldGroup,
  type SystemDocument,
  type SystemKind,
  UN_LANGUAGE_CODES,
  type UnLanguageCode,
  type Visibility,
} from "@concordia/core";
import { emptyForm, formToProfile, type ProfileForm, profileToForm, type Tri } from "../../rules/finder/profileForm";

/**
 * The system editor's form state and its two-way mapping to a SystemDocument. Texts are kept as
 * typed; empty optional texts and blank list rows are left out of the document. Because blank rows
 * are dropped, the rows sent are recorded so the server's error paths (".../limitations/1") can be
 * put back at the row the person sees.
 */

export interface MetricRow {
  name: string;
  value: string;
  dataset: string;
  slice: string;
}

export interface DatasetRow {
  name: string;
  description: string;
  url: string;
  license: string;
  containsPersonalData: Tri;
  sha256: string;
}

export interface LinkRow {
  label: string;
  url: string;
}

export interface TextsForm {
  name: string;
  intendedPurpose: string;
  description: string;
}

export interface ModelCardForm {
  approach: string;
  task: string;
  architecture: string;
  inputs: string[];
  outputs: string[];
  metrics: MetricRow[];
  limitations: string[];
  ethicalConsiderations: string[];
  useCases: string[];
  license: string;
}

export const TEXT_LISTS = ["inputs", "outputs", "limitations", "ethicalConsiderations", "useCases"] as const;
export type TextList = (typeof TEXT_LISTS)[number];

export interface DocumentForm {
  kind: SystemKind;
  name: string;
  versionLabel: string;
  intendedPurpose: string;
  description: string;
  translations: Record<UnLanguageCode, TextsForm>;
  profile: ProfileForm;
  modelCard: ModelCardForm;
  datasets: DatasetRow[];
  deploymentCountries: string[];
  contact: { name: string; email: string; url: string };
  links: LinkRow[];
  visibility: Record<FieldGroup, Visibility>;
}

const emptyTexts = (): TextsForm => ({ name: "", intendedPurpose: "", description: "" });

export const emptyMetric = (): MetricRow => ({ name: "", value: "", dataset: "", slice: "" });
export const emptyDataset = (): DatasetRow => ({
  name: "",
  description: "",
  url: "",
  license: "",
  containsPersonalData: "unknown",
  sha256: "",
});
export const emptyLink = (): LinkRow => ({ label: "", url: "" });

export function emptyDocumentForm(): DocumentForm {
  return {
    kind: "system",
    name: "",
    versionLabel: "",
    intendedPurpose: "",
    description: "",
    translations: Object.fromEntries(UN_LANGUAGE_CODES.map((l) => [l, emptyTexts()])) as Record<
      UnLanguageCode,
      TextsForm
    >,
    profile: emptyForm(),
    modelCard: {
      approach: "",
      task: "",
      architecture: "",
      inputs: [],
      outputs: [],
      metrics: [],
      limitations: [],
      ethicalConsiderations: [],
      useCases: [],
      license: "",
    },
    datasets: [],
    deploymentCountries: [],
    contact: { name: "", email: "", url: "" },
    links: [],
    visibility: { ...DEFAULT_VISIBILITY },
  };
}

/** The form showing a document (as the API returns it: groups the caller may not read are absent). */
export function documentToForm(doc: Partial<SystemDocument>): DocumentForm {
  const form = emptyDocumentForm();
  const mc = doc.modelCard ?? {};
  return {
    ...form,
    kind: doc.kind ?? form.kind,
    name: doc.name ?? "",
    versionLabel: doc.versionLabel ?? "",
    intendedPurpose: doc.intendedPurpose ?? "",
    description: doc.description ?? "",
    translations: Object.fromEntries(
      UN_LANGUAGE_CODES.map((l) => {
        const tr = doc.translations?.[l];
        return [
          l,
          { name: tr?.name ?? "", intendedPurpose: tr?.intendedPurpose ?? "", description: tr?.description ?? "" },
        ];
      }),
    ) as Record<UnLanguageCode, TextsForm>,
    profile: doc.profile ? profileToForm(doc.profile) : form.profile,
    modelCard: {
      approach: mc.approach ?? "",
      task: mc.task ?? "",
      architecture: mc.architecture ?? "",
      inputs: [...(mc.inputs ?? [])],
      outputs: [...(mc.outputs ?? [])],
      metrics: (mc.metrics ?? []).map((m) => ({
        name: m.name,
        value: m.value,
        dataset: m.dataset ?? "",
        slice: m.slice ?? "",
      })),
      limitations: [...(mc.limitations ?? [])],
      ethicalConsiderations: [...(mc.ethicalConsiderations ?? [])],
      useCases: [...(mc.useCases ?? [])],
      license: mc.license ?? "",
    },
    datasets: (doc.datasets ?? []).map((d) => ({
      name: d.name,
      description: d.description ?? "",
      url: d.url ?? "",
      license: d.license ?? "",
      containsPersonalData: d.containsPersonalData === undefined ? "unknown" : d.containsPersonalData ? "yes" : "no",
      sha256: d.sha256 ?? "",
    })),
    deploymentCountries: [...(doc.deploymentCountries ?? [])],
    contact: { name: doc.contact?.name ?? "", email: doc.contact?.email ?? "", url: doc.contact?.url ?? "" },
    links: (doc.links ?? []).map((l) => ({ label: l.label, url: l.url })),
    visibility: { ...DEFAULT_VISIBILITY, ...(doc.visibility ?? {}) },
  };
}

/** For each list of rows: the form row index of every row sent (blank rows are not sent). */
export type RowMap = Record<string, number[]>;

type Loose = Record<string, unknown>;
const opt = (s: string) => {
  const v = s.trim();
  return v === "" ? undefined : v;
};
/** Drops undefined values; returns undefined when nothing is left. */
function compact<T extends Loose>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Rows that are not blank, and their positions in the form. */
function keep<R>(rows: readonly R[], blank: (r: R) => boolean): { rows: R[]; index: number[] } {
  const index: number[] = [];
  const kept: R[] = [];
  rows.forEach((r, i) => {
    if (!blank(r)) {
      kept.push(r);
      index.push(i);
    }
  });
  return { rows: kept, index };
}

export const isBlank = (values: readonly string[]) => values.every((v) => v.trim() === "");

/** The document the form describes, and where each sent row sits in the form. */
export function formToDocument(form: DocumentForm): { document: SystemDocumentInput; rows: RowMap } {
  const rows: RowMap = {};
  const mcForm = form.modelCard;
  const modelCard: Loose = {
    approach: opt(mcForm.approach),
    task: opt(mcForm.task),
    architecture: opt(mcForm.architecture),
    license: opt(mcForm.license),
  };
  for (const list of TEXT_LISTS) {
    const k = keep(mcForm[list], (v) => v.trim() === "");
    rows[`modelCard.${list}`] = k.index;
    modelCard[list] = k.rows.length ? k.rows.map((v) => v.trim()) : undefined;
  }
  const metrics = keep(mcForm.metrics, (m) => isBlank([m.name, m.value, m.dataset, m.slice]));
  rows["modelCard.metrics"] = metrics.index;
  modelCard.metrics = metrics.rows.length
    ? metrics.rows.map((m) =>
        compact({ name: m.name.trim(), value: m.value.trim(), dataset: opt(m.dataset), slice: opt(m.slice) }),
      )
    : undefined;

  const datasets = keep(form.datasets, (d) => isBlank([d.name, d.description, d.url, d.license, d.sha256]));
  rows.datasets = datasets.index;
  const links = keep(form.links, (l) => isBlank([l.label, l.url]));
  rows.links = links.index;

  const translations: Loose = {};
  for (const lang of UN_LANGUAGE_CODES) {
    const tr = form.translations[lang];
    translations[lang] = compact({
      name: opt(tr.name),
      intendedPurpose: opt(tr.intendedPurpose),
      description: opt(tr.description),
    });
  }

  const name = form.name.trim();
  const profile = formToProfile({ ...form.profile, name });
  const document = compact({
    kind: form.kind,
    name,
    versionLabel: form.versionLabel.trim(),
    intendedPurpose: form.intendedPurpose.trim(),
    description: form.description.trim(),
    translations: compact(translations),
    profile,
    modelCard: compact(modelCard),
    datasets: datasets.rows.length
      ? datasets.rows.map((d) =>
          compact({
            name: d.name.trim(),
            description: opt(d.description),
            url: opt(d.url),
            license: opt(d.license),
            containsPersonalData: d.containsPersonalData === "unknown" ? undefined : d.containsPersonalData === "yes",
            sha256: opt(d.sha256)?.toLowerCase(),
          }),
        )
      : undefined,
    deploymentCountries: [...new Set(form.deploymentCountries)],
    contact: compact({ name: opt(form.contact.name), email: opt(form.contact.email), url: opt(form.contact.url) }),
    links: links.rows.length ? links.rows.map((l) => ({ label: l.label.trim(), url: l.url.trim() })) : undefined,
    visibility: { ...form.visibility },
  }) as unknown as SystemDocumentInput;
  return { document, rows };
}
