import { z } from "zod";
import { PageQuery, page, Timestamp } from "./common.js";
import { InstrumentShape, JurisdictionCode, SystemProfileSchema } from "./rules.data.js";

/** API views of the rules module: instruments, requirements, evaluation, crosswalks, gaps. */

const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, "lower-case letters, digits, dots and hyphens")
  .max(120);
const IsoDate = z.iso.date();
const Relation = z.enum(["equal", "subset-of", "superset-of", "intersects-with"]);
const Status = z.enum(["applies", "may-apply", "does-not-apply"]);
// Two hops by default: beyond that, hub instruments (the OECD principles) create weak, misleading links.
const MaxHops = z.coerce.number().int().min(1).max(4).default(2);

export const InstrumentParams = z.strictObject({ id: Slug });
export const RequirementParams = z.strictObject({ id: Slug, requirementId: Slug });
export const VersionQuery = z.strictObject({ version: z.string().min(1).max(40).optional() });

export const InstrumentListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().describe("Full-text search in titles, summaries and requirements"),
  jurisdiction: JurisdictionCode.optional(),
  kind: InstrumentShape.shape.kind.optional(),
  status: InstrumentShape.shape.status.optional(),
});

export const InstrumentSummary = z
  .object({
    id: z.string(),
    version: z.string(),
    shortTitle: z.string(),
    titles: InstrumentShape.shape.titles,
    jurisdiction: z.string(),
    issuingBody: z.string(),
    kind: InstrumentShape.shape.kind,
    status: InstrumentShape.shape.status,
    binding: z.boolean(),
    dates: InstrumentShape.shape.dates,
    lastReviewed: z.string(),
    summary: z.string(),
    requirementCount: z.number().int(),
    verifyCount: z.number().int().describe("Requirements and dates marked verify: true"),
    publishedAt: Timestamp,
    logIndex: z.number().int().nullable(),
    matches: z.number().int().optional().describe("Requirements matching the search text"),
  })
  .meta({ id: "InstrumentSummary" });
/** What the caller may do with instruments, from the policy (core/rules/policy.ts). */
const InstrumentAbilities = z
  .object({ validate: z.boolean(), publish: z.boolean() })
  .describe("what the caller may do with instruments, from the policy (core/rules/policy.ts)");
export const InstrumentPage = page(InstrumentSummary).extend({ can: InstrumentAbilities });

export const InstrumentView = z
  .object({
    instrument: InstrumentShape,
    publishedAt: Timestamp,
    logIndex: z.number().int().nullable(),
    current: z.boolean(),
    can: InstrumentAbilities,
  })
  .meta({ id: "InstrumentView" });

export const InstrumentVersionView = z.object({
  version: z.string(),
  publishedAt: Timestamp,
  publishedBy: z.string().nullable(),
  logIndex: z.number().int().nullable(),
  requirementCount: z.number().int(),
  current: z.boolean(),
});
export const InstrumentVersionList = z.object({ items: z.array(InstrumentVersionView) });

export const DiffQuery = z.strictObject({ from: z.string().min(1).max(40), to: z.string().min(1).max(40) });
const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const InstrumentDiff = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    metadata: z.array(FieldChange),
    requirements: z.array(
      z.object({
        change: z.enum(["added", "removed", "changed"]),
        requirementId: z.string(),
        ref: z.string(),
        title: z.string(),
        fields: z.array(FieldChange),
      }),
    ),
  })
  .meta({ id: "InstrumentDiff" });

const RequirementRef = z.object({
  instrumentId: z.string(),
  shortTitle: z.string(),
  jurisdiction: z.string(),
  requirementId: z.string(),
  ref: z.string(),
  title: z.string(),
});

export const RequirementMapping = z.object({
  other: RequirementRef,
  relation: Relation.describe("How this requirement relates to the other one"),
  strength: z.number().int(),
  hops: z.number().int(),
  direct: z.boolean(),
  rationale: z.string().nullable(),
  path: z.array(z.string()),
});

export const RequirementView = z
  .object({
    instrumentId: z.string(),
    version: z.string(),
    shortTitle: z.string(),
    jurisdiction: z.string(),
    lastReviewed: z.string(),
    appliesFrom: z.string().nullable(),
    requirement: z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      summary: z.string(),
      addressees: z.array(z.string()),
      category: z.string().nullable(),
      applicability: z.unknown().nullable(),
      evidence: z.array(z.string()),
      sourceUrl: z.string().nullable(),
      lastReviewed: z.string().nullable(),
      verify: z.boolean(),
      note: z.string().nullable(),
    }),
    ancestors: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string() })),
    children: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string() })),
    mappings: z.array(RequirementMapping),
  })
  .meta({ id: "RequirementView" });

export const RequirementSearchQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200),
  instrument: Slug.optional(),
  jurisdiction: JurisdictionCode.optional(),
});
export const RequirementHit = RequirementRef.extend({ summary: z.string() });
export const RequirementHitPage = page(RequirementHit);

export const PublishInstrumentBody = z.strictObject({
  format: z.enum(["json", "yaml"]),
  content: z
    .string()
    .min(2)
    .max(3_000_000)
    .describe("The instrument file (JSON or YAML), at most 3 million characters"),
});
export const ValidationReport = z.object({
  valid: z.boolean(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  id: z.string().nullable(),
  version: z.string().nullable(),
  requirementCount: z.number().int(),
});
export const PublishedInstrument = z.object({
  id: z.string(),
  version: z.string(),
  logIndex: z.number().int(),
  publishedAt: Timestamp,
});

const FactTrace = z.object({
  fact: z.string(),
  test: z.string(),
  value: z.unknown().optional(),
  result: z.enum(["true", "false", "unknown"]),
});
const Category = z.object({ id: z.string(), label: z.string(), rank: z.number().int() });

export const EvaluateBody = z.strictObject({
  profile: SystemProfileSchema,
  asOf: IsoDate.optional().describe("Evaluation date (default: today, UTC)"),
  jurisdictions: z.array(JurisdictionCode).max(50).optional(),
  includeNotApplicable: z.boolean().optional(),
  traces: z.boolean().optional().describe("Explain each result with the facts behind it (default true)"),
});

export const InstrumentResultView = z.object({
  instrumentId: z.string(),
  version: z.string(),
  shortTitle: z.string(),
  jurisdiction: z.string(),
  kind: InstrumentShape.shape.kind,
  binding: z.boolean(),
  status: Status,
  repealedOn: z.string().nullable(),
  scopeTrace: z.array(FactTrace),
  category: Category.nullable(),
  possibleCategories: z.array(Category),
  obligations: z.array(
    z.object({
      requirementId: z.string(),
      ref: z.string(),
      title: z.string(),
      addressees: z.array(z.string()),
      status: Status,
      appliesFrom: z.string().nullable(),
      inEffect: z.boolean(),
      trace: z.array(FactTrace),
      verify: z.boolean().optional(),
    }),
  ),
  counts: z.object({
    applies: z.number().int(),
    mayApply: z.number().int(),
    doesNotApply: z.number().int(),
    stateDuties: z.number().int(),
  }),
});

export const EvaluationView = z
  .object({
    asOf: z.string(),
    jurisdictions: z.array(z.object({ jurisdiction: z.string(), instruments: z.array(InstrumentResultView) })),
  })
  .meta({ id: "Evaluation" });

const ChecklistEntry = z.object({
  instrumentId: z.string(),
  jurisdiction: z.string(),
  requirementId: z.string(),
  ref: z.string(),
  title: z.string(),
  status: Status,
  binding: z.boolean(),
  coverage: z.enum(["full", "partial"]),
  relation: Relation,
});
export const ComplyOnceView = z
  .object({
    asOf: z.string(),
    items: z.array(
      z.object({ anchor: ChecklistEntry, satisfies: z.array(ChecklistEntry), jurisdictions: z.array(z.string()) }),
    ),
  })
  .meta({ id: "ComplyOnce" });

export const CrosswalkSummary = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  title: z.string(),
  method: z.string(),
  lastReviewed: z.string(),
  mappingCount: z.number().int(),
  verifyCount: z.number().int(),
});
export const CrosswalkList = z.object({
  items: z.array(CrosswalkSummary),
  dangling: z.array(z.object({ crosswalkId: z.string(), index: z.number().int(), key: z.string() })),
});

export const CrosswalkPairsQuery = z.strictObject({ source: Slug, target: Slug, maxHops: MaxHops });
export const CrosswalkPairs = z.object({
  source: z.string(),
  target: z.string(),
  maxHops: z.number().int(),
  pairs: z.array(
    z.object({
      source: RequirementRef,
      target: RequirementRef,
      relation: Relation,
      strength: z.number().int(),
      hops: z.number().int(),
      direct: z.boolean(),
      rationale: z.string().nullable(),
      path: z.array(z.string()),
    }),
  ),
});

export const CoverageQuery = z.strictObject({ maxHops: MaxHops });
export const CoverageMatrixView = z
  .object({
    maxHops: z.number().int(),
    instruments: z.array(
      z.object({
        id: z.string(),
        shortTitle: z.string(),
        jurisdiction: z.string(),
        requirementCount: z.number().int(),
      }),
    ),
    cells: z.array(
      z.object({
        covering: z.string(),
        target: z.string(),
        full: z.number().int(),
        partial: z.number().int(),
        total: z.number().int(),
      }),
    ),
  })
  .meta({ id: "CoverageMatrix" });

export const GapQuery = z.strictObject({ covering: Slug, target: Slug, maxHops: MaxHops });
export const GapAnalysisView = z
  .object({
    covering: z.string(),
    target: z.string(),
    maxHops: z.number().int(),
    summary: z.object({
      full: z.number().int(),
      partial: z.number().int(),
      none: z.number().int(),
      total: z.number().int(),
    }),
    items: z.array(
      z.object({
        requirementId: z.string(),
        ref: z.string(),
        title: z.string(),
        coverage: z.enum(["full", "partial", "none"]),
        derived: z.enum(["from-parent", "from-children"]).optional(),
        via: z.array(
          z.object({
            from: RequirementRef,
            relation: Relation,
            strength: z.number().int(),
            hops: z.number().int(),
            path: z.array(z.string()),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "GapAnalysis" });

/** An OSCAL 1.1 catalog document (validated against NIST's schema in the tests). */
export const OscalCatalog = z.object({ catalog: z.record(z.string(), z.unknown()) }).meta({ id: "OscalCatalog" });
export const JsonSchemaDocument = z.record(z.string(), z.unknown());

/** Reviews of the reference data that are overdue (core `overdueReviews`; policy in data/README.md). */
export const OverdueReviewQuery = z.strictObject({
  asOf: z.iso.date().optional().describe("The date ages are counted to (default: today)"),
  maxAgeDays: z.coerce.number().int().min(0).max(3650).default(365),
});
export const OverdueReviewList = z.object({
  asOf: z.string(),
  maxAgeDays: z.number().int(),
  items: z.array(
    z.object({
      instrumentId: z.string(),
      requirementId: z.string().optional(),
      ref: z.string().optional(),
      title: z.string(),
      lastReviewed: z.string(),
      inherited: z.boolean(),
      ageDays: z.number().int(),
    }),
  ),
});
