import {
  ADDRESSEES,
  CONTEXTS,
  type Condition,
  FACTS,
  FUNCTIONS,
  INSTRUMENT_KINDS,
  INSTRUMENT_STATUSES,
  type Instrument,
  MODALITIES,
  OPERATOR_ROLES,
  PURPOSES,
  RELATIONS,
  type Requirement,
} from "@concordia/core";
import { z } from "zod";

/**
 * Schemas of the reviewed reference data (data/frameworks, data/crosswalks) and of the AI system
 * profile. They are the single source: `npm run schemas` writes them to data/schemas/*.json as
 * JSON Schema (2020-12), and a test keeps the two in step.
 */

const IsoDate = z.iso.date().describe("ISO 8601 date, YYYY-MM-DD");
const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, "lower-case letters, digits, dots and hyphens")
  .max(120);
export const JurisdictionCode = z
  .string()
  .regex(
    /^(EU|INT|[A-Z]{2}(-[A-Z0-9]{1,3}(-[A-Z0-9]{2,6})?)?)$/,
    "ISO 3166-1 alpha-2 (CN), ISO 3166-2 (US-CO), a locality under it (US-NY-NYC), EU or INT",
  )
  .describe("Jurisdiction code");
const Url = z.url({ protocol: /^https?$/ });

const factNames = Object.keys(FACTS) as [keyof typeof FACTS, ...(keyof typeof FACTS)[]];
const FactPath = z.enum(factNames);

export const ConditionSchema: z.ZodType<Condition> = z
  .union([
    z.strictObject({
      get all() {
        return z.array(ConditionSchema).min(1);
      },
    }),
    z.strictObject({
      get any() {
        return z.array(ConditionSchema).min(1);
      },
    }),
    z.strictObject({
      get not() {
        return ConditionSchema;
      },
    }),
    z.strictObject({ fact: FactPath, is: z.boolean() }),
    z.strictObject({ fact: FactPath, includes: z.string().min(1) }),
    z.strictObject({ fact: FactPath, includesAny: z.array(z.string().min(1)).min(1) }),
    z.strictObject({ fact: FactPath, gte: z.number() }),
    z.strictObject({ fact: FactPath, gt: z.number() }),
    z.strictObject({ fact: FactPath, lt: z.number() }),
    z.strictObject({ fact: FactPath, inJurisdiction: JurisdictionCode }),
  ])
  .meta({ id: "Condition", description: "Applicability condition over the system profile (three-valued logic)" });

const VerifyFlags = {
  verify: z.boolean().optional().describe("true when a fact here is not certain; say why in note"),
  note: z.string().max(2000).optional(),
};

export const RequirementSchema: z.ZodType<Requirement> = z
  .strictObject({
    id: Slug,
    ref: z.string().min(1).max(200).describe("Pinpoint citation: article, paragraph, point, annex point, clause"),
    title: z.string().min(1).max(300),
    summary: z.string().min(1).max(4000).describe("In our own words, never the text of the instrument"),
    addressees: z.array(z.enum(ADDRESSEES)).min(1).optional(),
    category: Slug.optional(),
    applicability: ConditionSchema.optional(),
    appliesFrom: Slug.optional(),
    evidence: z.array(z.string().min(1).max(500)).optional(),
    sourceUrl: Url.optional(),
    lastReviewed: IsoDate.optional(),
    ...VerifyFlags,
    get children() {
      return z.array(RequirementSchema).optional();
    },
  })
  .meta({ id: "Requirement" });

const ApplicationDateSchema = z.strictObject({
  id: Slug,
  label: z.string().min(1).max(300),
  date: IsoDate,
  basis: z.string().min(1).max(300),
  changes: z
    .array(
      z.strictObject({
        date: IsoDate,
        by: z.string().min(1).max(300),
        status: z.enum(["in-force", "proposed", "replaced"]),
        note: z.string().max(2000).optional(),
      }),
    )
    .optional(),
  ...VerifyFlags,
});

export const InstrumentShape = z.strictObject({
  $schema: z.string().optional(),
  id: Slug,
  version: z.string().min(1).max(40),
  shortTitle: z.string().min(1).max(120),
  titles: z.strictObject({
    en: z.string().min(1).max(500),
    official: z.strictObject({ lang: z.string().min(2).max(10), text: z.string().min(1).max(500) }).optional(),
  }),
  jurisdiction: JurisdictionCode,
  issuingBody: z.string().min(1).max(300),
  kind: z.enum(INSTRUMENT_KINDS),
  status: z.enum(INSTRUMENT_STATUSES),
  dates: z.strictObject({
    adopted: IsoDate.optional(),
    published: IsoDate.optional(),
    entryIntoForce: IsoDate.optional(),
    signed: IsoDate.optional(),
    repealed: IsoDate.optional().describe("From this date the instrument no longer applies"),
  }),
  applicationDates: z.array(ApplicationDateSchema),
  scope: ConditionSchema.optional(),
  categories: z
    .array(
      z.strictObject({
        id: Slug,
        label: z.string().min(1).max(200),
        rank: z.number().int().min(0).max(100),
        description: z.string().max(2000).optional(),
      }),
    )
    .optional(),
  defaultCategory: Slug.optional(),
  sources: z.array(z.strictObject({ label: z.string().min(1).max(300), url: Url })).min(1),
  lastReviewed: IsoDate,
  summary: z.string().min(1).max(4000),
  ...VerifyFlags,
  requirements: z.array(RequirementSchema).min(1),
});

const KIND_OPERATORS: Record<string, readonly string[]> = {
  boolean: ["is"],
  number: ["gte", "gt", "lt"],
  list: ["includes", "includesAny"],
  places: ["includes", "includesAny", "inJurisdiction"],
};

const LIST_VALUES: Partial<Record<keyof typeof FACTS, readonly string[]>> = {
  roles: OPERATOR_ROLES,
  purposes: PURPOSES,
  functions: FUNCTIONS,
  contexts: CONTEXTS,
  "generative.modalities": MODALITIES,
};

function checkCondition(c: Condition, path: (string | number)[], ctx: z.RefinementCtx): void {
  if ("all" in c || "any" in c) {
    const key = "all" in c ? "all" : "any";
    const parts = "all" in c ? c.all : c.any;
    parts.forEach((p, i) => {
      checkCondition(p, [...path, key, i], ctx);
    });
    return;
  }
  if ("not" in c) {
    checkCondition(c.not, [...path, "not"], ctx);
    return;
  }
  const kind = FACTS[c.fact];
  const op = Object.keys(c).find((k) => k !== "fact") as string;
  if (!KIND_OPERATORS[kind]?.includes(op)) {
    ctx.addIssue({ code: "custom", path: [...path, op], message: `${op} cannot test ${c.fact}, a ${kind} fact` });
    return;
  }
  const allowed = LIST_VALUES[c.fact];
  const values = "includes" in c ? [c.includes] : "includesAny" in c ? c.includesAny : [];
  if (allowed) {
    for (const v of values) {
      if (!allowed.includes(v)) {
        ctx.addIssue({ code: "custom", path: [...path, op], message: `"${v}" is not a value of ${c.fact}` });
      }
    }
  }
}

/** An instrument file, with the cross-references a schema alone cannot check. */
export const InstrumentSchema: z.ZodType<Instrument> = InstrumentShape.superRefine((inst, ctx) => {
  const dateIds = new Set(inst.applicationDates.map((d) => d.id));
  const categoryIds = new Set((inst.categories ?? []).map((c) => c.id));
  const seen = new Set<string>();
  if (inst.defaultCategory && !categoryIds.has(inst.defaultCategory)) {
    ctx.addIssue({ code: "custom", path: ["defaultCategory"], message: `no category "${inst.defaultCategory}"` });
  }
  if (inst.scope) checkCondition(inst.scope, ["scope"], ctx);
  const walk = (reqs: Requirement[], path: (string | number)[]) => {
    reqs.forEach((r, i) => {
      const at = [...path, i];
      if (seen.has(r.id)) ctx.addIssue({ code: "custom", path: [...at, "id"], message: `duplicate id "${r.id}"` });
      seen.add(r.id);
      if (r.appliesFrom && !dateIds.has(r.appliesFrom)) {
        ctx.addIssue({
          code: "custom",
          path: [...at, "appliesFrom"],
          message: `no application date "${r.appliesFrom}"`,
        });
      }
      if (r.category && !categoryIds.has(r.category)) {
        ctx.addIssue({ code: "custom", path: [...at, "category"], message: `no category "${r.category}"` });
      }
      if (r.applicability) checkCondition(r.applicability, [...at, "applicability"], ctx);
      if (r.children) walk(r.children, [...at, "children"]);
    });
  };
  walk(inst.requirements, ["requirements"]);
}).meta({ id: "Instrument", title: "Concordia instrument (law, standard or principles) as reviewed data" });

export const CrosswalkSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: Slug,
    source: Slug.describe("Instrument id of the source (focal) document"),
    target: Slug.describe("Instrument id of the target (reference) document"),
    title: z.string().min(1).max(300),
    method: z.string().min(1).max(2000),
    lastReviewed: IsoDate,
    mappings: z
      .array(
        z.strictObject({
          source: Slug,
          target: Slug,
          relation: z.enum(RELATIONS),
          strength: z.number().int().min(1).max(10),
          rationale: z.string().min(1).max(2000),
          ...VerifyFlags,
        }),
      )
      .min(1),
  })
  .meta({ id: "Crosswalk", title: "Concordia crosswalk between two instruments (NIST OLIR set-theory relationships)" });
export type CrosswalkFile = z.infer<typeof CrosswalkSchema>;

const Places = z.array(JurisdictionCode).max(300);

export const SystemProfileSchema = z
  .strictObject({
    profileVersion: z.literal("1").describe("Version of this profile schema"),
    name: z.string().max(300).optional(),
    roles: z.array(z.enum(OPERATOR_ROLES)).optional().describe("The organization's roles for this system"),
    places: z
      .strictObject({
        establishment: Places.optional().describe("Where the operator is established"),
        placedOnMarket: Places.optional(),
        putIntoService: Places.optional(),
        used: Places.optional(),
        outputsUsed: Places.optional().describe("Where the system's outputs are used"),
      })
      .optional(),
    purposes: z.array(z.enum(PURPOSES)).optional().describe("Intended purposes and sectors"),
    functions: z.array(z.enum(FUNCTIONS)).optional(),
    contexts: z.array(z.enum(CONTEXTS)).optional(),
    interactsWithPeople: z.boolean().optional().describe("Interacts directly with natural persons"),
    publicFacing: z.boolean().optional().describe("Offered to the public"),
    publicOpinionAttributes: z.boolean().optional().describe("China: a service with public-opinion attributes"),
    socialMobilization: z.boolean().optional().describe("China: a service with social-mobilization capability"),
    consequentialDecision: z
      .boolean()
      .optional()
      .describe("Makes, or is a substantial factor in making, a consequential decision about a person"),
    generative: z
      .strictObject({
        modalities: z.array(z.enum(MODALITIES)).optional(),
        deepfakes: z.boolean().optional(),
        publicInterestText: z.boolean().optional(),
      })
      .optional(),
    safetyComponent: z
      .strictObject({
        annexIProduct: z.boolean().optional(),
        thirdPartyConformityAssessment: z.boolean().optional(),
      })
      .optional(),
    derogation: z
      .strictObject({
        narrowProceduralTask: z.boolean().optional(),
        improvesHumanActivity: z.boolean().optional(),
        detectsPatternsWithoutReplacingReview: z.boolean().optional(),
        preparatoryTask: z.boolean().optional(),
      })
      .optional()
      .describe("EU AI Act Art. 6(3) conditions"),
    gpai: z
      .strictObject({
        isGeneralPurposeModel: z.boolean().optional(),
        trainingComputeFlop: z.number().min(0).optional(),
        openWeights: z.boolean().optional(),
        users: z.number().int().min(0).optional(),
        designatedSystemicRisk: z.boolean().optional(),
      })
      .optional(),
    organization: z
      .strictObject({
        employees: z.number().int().min(0).optional(),
        annualRevenueUsd: z.number().min(0).optional(),
      })
      .optional(),
    exclusions: z
      .strictObject({
        militaryDefenceNationalSecurity: z.boolean().optional(),
        scientificResearchOnly: z.boolean().optional(),
        personalNonProfessional: z.boolean().optional(),
      })
      .optional(),
  })
  .meta({
    id: "SystemProfile",
    title: "Concordia AI system profile, version 1",
    description:
      "Facts about an AI system. Every fact is optional: an absent fact is unknown and yields 'may apply — needs review'. A list that is present is complete.",
  });
