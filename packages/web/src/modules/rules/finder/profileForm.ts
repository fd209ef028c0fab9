import { CONTEXTS, FUNCTIONS, MODALITIES, OPERATOR_ROLES, PURPOSES, type SystemProfile } from "@concordia/core";

/**
 * The wizard's form state and its two-way mapping to a SystemProfile. The profile is three-valued:
 * an absent fact is unknown ("don't know" / "not answered"), so the form keeps that apart from
 * "no" (false) and "none" (an empty list, which the engine reads as complete).
 */

export type Tri = "yes" | "no" | "unknown";
export type ListMode = "unknown" | "none" | "some";
export interface ListAnswer {
  mode: ListMode;
  values: string[];
}

export const BOOLEAN_FACTS = [
  "interactsWithPeople",
  "publicFacing",
  "publicOpinionAttributes",
  "socialMobilization",
  "consequentialDecision",
  "generative.deepfakes",
  "generative.publicInterestText",
  "safetyComponent.annexIProduct",
  "safetyComponent.thirdPartyConformityAssessment",
  "derogation.narrowProceduralTask",
  "derogation.improvesHumanActivity",
  "derogation.detectsPatternsWithoutReplacingReview",
  "derogation.preparatoryTask",
  "gpai.isGeneralPurposeModel",
  "gpai.openWeights",
  "gpai.designatedSystemicRisk",
  "exclusions.militaryDefenceNationalSecurity",
  "exclusions.scientificResearchOnly",
  "exclusions.personalNonProfessional",
] as const;
export type BooleanFact = (typeof BOOLEAN_FACTS)[number];

export const NUMBER_FACTS = [
  "gpai.trainingComputeFlop",
  "gpai.users",
  "organization.employees",
  "organization.annualRevenueUsd",
] as const;
export type NumberFact = (typeof NUMBER_FACTS)[number];
/** Facts the schema wants as whole numbers. */
export const INTEGER_FACTS: ReadonlySet<NumberFact> = new Set(["gpai.users", "organization.employees"]);

export const PLACE_FACTS = [
  "places.establishment",
  "places.placedOnMarket",
  "places.putIntoService",
  "places.used",
  "places.outputsUsed",
] as const;
export type PlaceFact = (typeof PLACE_FACTS)[number];

/** Lists with a closed set of values, and those values. */
export const LIST_OPTIONS = {
  roles: OPERATOR_ROLES,
  purposes: PURPOSES,
  functions: FUNCTIONS,
  contexts: CONTEXTS,
  "generative.modalities": MODALITIES,
} as const;
export type ListFact = keyof typeof LIST_OPTIONS;
export const LIST_FACTS = Object.keys(LIST_OPTIONS) as ListFact[];

export interface ProfileForm {
  name: string;
  lists: Record<ListFact | PlaceFact, ListAnswer>;
  booleans: Record<BooleanFact, Tri>;
  /** Numbers as typed (so "1e25" survives while being edited); empty means unknown. */
  numbers: Record<NumberFact, string>;
}

const fromEntries = <K extends string, V>(keys: readonly K[], value: () => V) =>
  Object.fromEntries(keys.map((k) => [k, value()])) as Record<K, V>;

export function emptyForm(): ProfileForm {
  return {
    name: "",
    lists: fromEntries([...LIST_FACTS, ...PLACE_FACTS], () => ({ mode: "unknown", values: [] })),
    booleans: fromEntries(BOOLEAN_FACTS, () => "unknown"),
    numbers: fromEntries(NUMBER_FACTS, () => ""),
  };
}

type Loose = Record<string, unknown>;

function read(profile: SystemProfile, path: string): unknown {
  const [a, b] = path.split(".") as [string, string | undefined];
  const top = (profile as unknown as Loose)[a];
  if (b === undefined) return top;
  return top && typeof top === "object" ? (top as Loose)[b] : undefined;
}

function write(target: Loose, path: string, value: unknown): void {
  const [a, b] = path.split(".") as [string, string | undefined];
  if (b === undefined) {
    target[a] = value;
    return;
  }
  if (target[a] === undefined) target[a] = {};
  (target[a] as Loose)[b] = value;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** "10²⁵" → "10^25", "10⁻³" → "10^-3". */
const fromSuperscript = (s: string) =>
  s.replace(
    /[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g,
    (run) => `^${[...run].map((c) => (c === "⁻" ? "-" : c === "⁺" ? "+" : SUPERSCRIPT.indexOf(c))).join("")}`,
  );

/**
 * Reads a number typed by a person: 1000000, 1 000 000, 1,000,000, 1e25, 1.2E+25, 10^25,
 * 1.2×10^25, 1.2 x 10^25, 1.2·10²⁵. Returns null for empty text and NaN for anything else.
 */
export function parseNumber(text: string): number | null {
  const s = fromSuperscript(text.trim())
    .replace(/[\s\u00a0\u202f_]/g, "")
    .replace(/\*\*/g, "^");
  if (s === "") return null;
  const grouped = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, "") : s;
  const plain = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
  if (plain.test(grouped)) return Number(grouped);
  const power = /^(?:(\d+(?:\.\d*)?|\.\d+)[x×·*])?10\^([+-]?\d+)$/i.exec(grouped);
  if (power) {
    const mantissa = power[1] === undefined ? 1 : Number(power[1]);
    return Number(`${mantissa}e${power[2]}`);
  }
  return Number.NaN;
}

export type NumberProblem = "invalid" | "notInteger";

/** What is wrong with a typed number, if anything. */
export function numberProblem(fact: NumberFact, text: string): NumberProblem | null {
  const n = parseNumber(text);
  if (n === null) return null;
  if (!Number.isFinite(n) || n < 0) return "invalid";
  if (INTEGER_FACTS.has(fact) && !Number.isSafeInteger(n)) return "notInteger";
  return null;
}

/** A number as a person would type it back: exponent form from a million up. */
export function numberText(n: number): string {
  if (Math.abs(n) >= 1e6 && Number.isFinite(n)) {
    const [mantissa, exponent] = n.toExponential().split("e") as [string, string];
    return `${mantissa}e${exponent.replace("+", "")}`;
  }
  return String(n);
}

/** "1.2 × 10²⁵": scientific notation for reading. */
export function scientific(n: number, digits = 3): string {
  if (n === 0) return "0";
  const [mantissa, exponent] = n.toExponential(digits - 1).split("e") as [string, string];
  const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  const exp = Number(exponent);
  if (exp === 0) return trimmed;
  const sup = [...String(exp)].map((c) => (c === "-" ? "⁻" : SUPERSCRIPT[Number(c)])).join("");
  return `${trimmed} × 10${sup}`;
}

/** The profile the form describes; unknown facts are left out, invalid numbers too. */
export function formToProfile(form: ProfileForm): SystemProfile {
  const out: Loose = { profileVersion: "1" };
  const name = form.name.trim();
  if (name) out.name = name;
  for (const fact of [...LIST_FACTS, ...PLACE_FACTS]) {
    const answer = form.lists[fact];
    if (answer.mode === "none") write(out, fact, []);
    else if (answer.mode === "some") write(out, fact, [...new Set(answer.values)]);
  }
  for (const fact of BOOLEAN_FACTS) {
    const v = form.booleans[fact];
    if (v !== "unknown") write(out, fact, v === "yes");
  }
  for (const fact of NUMBER_FACTS) {
    const n = parseNumber(form.numbers[fact]);
    if (n !== null && numberProblem(fact, form.numbers[fact]) === null) write(out, fact, n);
  }
  return order(out) as unknown as SystemProfile;
}

/** Keys in the schema's order, so equal profiles encode to equal URLs. */
const KEY_ORDER = [
  "profileVersion",
  "name",
  "roles",
  "places",
  "purposes",
  "functions",
  "contexts",
  "interactsWithPeople",
  "publicFacing",
  "publicOpinionAttributes",
  "socialMobilization",
  "consequentialDecision",
  "generative",
  "safetyComponent",
  "derogation",
  "gpai",
  "organization",
  "exclusions",
];
function order(p: Loose): Loose {
  const out: Loose = {};
  for (const k of KEY_ORDER) if (p[k] !== undefined) out[k] = p[k];
  return out;
}

/** The form showing a profile (every absent fact as "don't know" / "not answered"). */
export function profileToForm(profile: SystemProfile): ProfileForm {
  const form = emptyForm();
  form.name = profile.name ?? "";
  for (const fact of [...LIST_FACTS, ...PLACE_FACTS]) {
    const v = read(profile, fact);
    if (Array.isArray(v)) form.lists[fact] = { mode: v.length === 0 ? "none" : "some", values: v.map(String) };
  }
  for (const fact of BOOLEAN_FACTS) {
    const v = read(profile, fact);
    if (typeof v === "boolean") form.booleans[fact] = v ? "yes" : "no";
  }
  for (const fact of NUMBER_FACTS) {
    const v = read(profile, fact);
    if (typeof v === "number") form.numbers[fact] = numberText(v);
  }
  return form;
}

/** How many facts the profile states (for "12 facts answered"). */
export function answeredCount(profile: SystemProfile): number {
  let n = 0;
  for (const fact of [...LIST_FACTS, ...PLACE_FACTS, ...BOOLEAN_FACTS, ...NUMBER_FACTS]) {
    if (read(profile, fact) !== undefined) n++;
  }
  return n;
}
