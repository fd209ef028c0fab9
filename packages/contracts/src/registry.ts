import {
  ANSWERS,
  ASSESSMENT_KINDS,
  FIELD_GROUPS,
  RISK_LEVELS,
  RISK_STATUSES,
  RISK_TAXONOMIES,
  SYSTEM_KINDS,
  SYSTEM_STATUSES,
  UN_LANGUAGE_CODES,
  VISIBILITIES,
} from "@concordia/core";
import { z } from "zod";
import { Id, PageQuery, Timestamp } from "./common.js";
import { JurisdictionCode, SystemProfileSchema } from "./rules.data.js";
import { EvaluationView } from "./rules.js";

/** The AI system register: documents, lifecycle, classification, risks, assessments. */

const Text = (max: number) => z.string().trim().min(1).max(max);
const Url = z.url({ protocol: /^https?$/ }).max(2000);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 digest in lower-case hexadecimal");
const IsoDate = z.iso.date();

const Visibility = z.enum(VISIBILITIES);
export const VisibilityMap = z.strictObject(
  Object.fromEntries(FIELD_GROUPS.map((g) => [g, Visibility])) as Record<
    (typeof FIELD_GROUPS)[number],
    typeof Visibility
  >,
);

const LocalizedTexts = z.strictObject({
  name: Text(300).optional(),
  intendedPurpose: Text(4000).optional(),
  description: Text(20000).optional(),
});

export const SystemDocumentSchema = z
  .strictObject({
    kind: z.enum(SYSTEM_KINDS),
    name: Text(300),
    versionLabel: Text(60),
    intendedPurpose: Text(4000),
    description: Text(20000),
    translations: z.partialRecord(z.enum(UN_LANGUAGE_CODES), LocalizedTexts).optional(),
    profile: SystemProfileSchema,
    modelCard: z
      .strictObject({
        approach: Text(300).optional(),
        task: Text(300).optional(),
        architecture: Text(300).optional(),
        inputs: z.array(Text(300)).max(50).optional(),
        outputs: z.array(Text(300)).max(50).optional(),
        metrics: z
          .array(
            z.strictObject({
              name: Text(200),
              value: Text(200),
              dataset: Text(300).optional(),
              slice: Text(300).optional(),
            }),
          )
          .max(200)
          .optional(),
        limitations: z.array(Text(2000)).max(100).optional(),
        ethicalConsiderations: z.array(Text(2000)).max(100).optional(),
        useCases: z.array(Text(2000)).max(100).optional(),
        license: Text(200).optional(),
      })
      .optional(),
    datasets: z
      .array(
        z.strictObject({
          name: Text(300),
          description: Text(4000).optional(),
          url: Url.optional(),
          license: Text(200).optional(),
          containsPersonalData: z.boolean().optional(),
          sha256: Sha256Hex.optional(),
        }),
      )
      .max(200)
      .optional(),
    deploymentCountries: z.array(JurisdictionCode).max(300),
    contact: z
      .strictObject({ name: Text(200).optional(), email: z.email().max(254).optional(), url: Url.optional() })
      .optional(),
    links: z
      .array(z.strictObject({ label: Text(200), url: Url }))
      .max(50)
      .optional(),
    visibility: VisibilityMap,
  })
  .meta({ id: "SystemDocument" });
export type SystemDocumentInput = z.infer<typeof SystemDocumentSchema>;

/** A text search is ordered by relevance when it has at most this many matches, else newest first (decision 0007). */
export const SEARCH_RANK_LIMIT = 200;
/** Search totals are counted up to this many matches when the planner expects no more; else estimated. */
export const SEARCH_COUNT_LIMIT = 5_000;
/** Only the first this many search results can be paged through or exported. */
export const SEARCH_RESULT_WINDOW = 10_000;

export const SystemSearchQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().describe("Text in any of the six UN languages"),
  jurisdiction: JurisdictionCode.optional().describe("Systems a binding instrument of this jurisdiction applies to"),
  category: z.string().max(200).optional().describe("<instrumentId>:<categoryId>, e.g. eu-ai-act:high-risk"),
  sector: z.string().max(60).optional().describe("A purpose of the system profile, e.g. employment"),
  provider: Id.optional().describe("The provider organization"),
  kind: z.enum(SYSTEM_KINDS).optional(),
  status: z
    .enum(SYSTEM_STATUSES)
    .optional()
    .describe("Other than published: only your organization's systems (or all, for the secretariat)"),
  mine: z.stringbool().optional().describe("Only the systems of your organizations, in every status"),
  sort: z.enum(["relevance", "name", "published", "updated"]).default("relevance"),
});

export const ExportQuery = SystemSearchQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "json"]),
});

const OrganizationRef = z.object({ id: Id, name: z.string() });

export const SystemSummary = z
  .object({
    id: Id,
    name: z.string(),
    kind: z.enum(SYSTEM_KINDS),
    versionLabel: z.string(),
    status: z.enum(SYSTEM_STATUSES),
    provider: OrganizationRef,
    intendedPurpose: z.string().nullable().describe("null when not public"),
    categories: z.array(z.string()),
    jurisdictions: z.array(z.string()),
    sectors: z.array(z.string()),
    publishedAt: Timestamp.nullable(),
    updatedAt: Timestamp,
    logIndex: z.number().int().nullable(),
  })
  .meta({ id: "SystemSummary" });

export const SystemPage = z.object({
  items: z.array(SystemSummary),
  total: z.number().int(),
  totalIsEstimate: z
    .boolean()
    .describe(
      `true when total is PostgreSQL's estimate: the planner expects more than ${SEARCH_COUNT_LIMIT} matches, or more were found`,
    ),
  rankedByRelevance: z
    .boolean()
    .describe(
      `true when the text search is ordered by relevance; with more than ${SEARCH_RANK_LIMIT} matches it is listed newest first instead`,
    ),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const RegistryStats = z.object({
  total: z.number().int(),
  byCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  byJurisdiction: z.array(z.object({ jurisdiction: z.string(), count: z.number().int() })),
  byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
});

const ClassificationChange = z.object({
  instrumentId: z.string(),
  shortTitle: z.string(),
  kind: z.enum(["added", "removed", "status", "category", "obligations", "version"]),
  before: z.string().nullable(),
  after: z.string().nullable(),
  gained: z.array(z.string()).optional(),
  lost: z.array(z.string()).optional(),
});

const ClassificationInstrument = z.object({
  instrumentId: z.string(),
  version: z.string(),
  shortTitle: z.string(),
  jurisdiction: z.string(),
  binding: z.boolean(),
  status: z.enum(["applies", "may-apply", "does-not-apply"]),
  category: z.object({ id: z.string(), label: z.string() }).nullable(),
  possibleCategories: z.array(z.string()),
  obligations: z.array(z.string()),
});

export const ClassificationView = z.object({
  evaluatedAt: Timestamp,
  rulesRevision: z.number().int(),
  stale: z.boolean().describe("an instrument changed since; re-evaluation is queued"),
  instruments: z.array(ClassificationInstrument),
  jurisdictions: z.array(z.string()),
  categories: z.array(z.string()),
  changes: z.array(ClassificationChange).describe("what changed since the previous evaluation"),
});

export const RiskSummaryView = z.object({
  total: z.number().int(),
  open: z.number().int(),
  inherent: z.record(z.enum(RISK_LEVELS), z.number().int()),
  residual: z.record(z.enum(RISK_LEVELS), z.number().int()),
});

export const SystemView = z
  .object({
    id: Id,
    provider: OrganizationRef,
    status: z.enum(SYSTEM_STATUSES),
    version: z.number().int(),
    document: SystemDocumentSchema.partial().describe("only the field groups the caller may read"),
    hidden: z.array(z.enum(FIELD_GROUPS)).describe("field groups withheld from this caller"),
    canEdit: z
      .boolean()
      .describe("the caller may save a new version now (provider of the organization, or the secretariat)"),
    canWriteRisks: z.boolean().describe("the caller may change the risk register and answer assessments"),
    allowedActions: z
      .array(z.enum(["submit", "publish", "reject", "withdraw", "reopen"]))
      .describe("the lifecycle actions the caller may take now"),
    can: z
      .object({
        update: z.boolean(),
        submit: z.boolean(),
        withdraw: z.boolean(),
        publish: z.boolean(),
        reject: z.boolean(),
        readRisks: z.boolean(),
        writeRisks: z.boolean(),
        readAssessments: z.boolean(),
        writeAssessments: z.boolean(),
      })
      .describe(
        "what the caller's roles allow on this system's organization, from the policy (core/registry/policy.ts); allowedActions adds the lifecycle state",
      ),
    review: z
      .object({
        action: z.enum(["submit", "reject", "publish"]),
        at: Timestamp,
        note: z.string().nullable().describe("the secretariat's note, e.g. why a submission was returned"),
      })
      .nullable()
      .describe("the latest submission or review decision; only for the provider and the secretariat"),
    classification: ClassificationView.nullable(),
    riskSummary: RiskSummaryView,
    publishedAt: Timestamp.nullable(),
    updatedAt: Timestamp,
    logIndex: z.number().int().nullable().describe("the log record of the latest publication"),
  })
  .meta({ id: "SystemView" });

export const SystemParams = z.strictObject({ id: Id });
export const CreateSystemBody = z.strictObject({ organizationId: Id, document: SystemDocumentSchema });
export const UpdateSystemBody = z.strictObject({
  document: SystemDocumentSchema,
  changeNote: z.string().trim().max(1000).optional(),
});
export const TransitionBody = z.strictObject({
  action: z.enum(["submit", "publish", "reject", "withdraw", "reopen"]),
  note: z.string().trim().max(1000).optional(),
});

export const SystemVersionList = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      versionLabel: z.string(),
      createdAt: Timestamp,
      createdBy: z.string().nullable(),
      changeNote: z.string().nullable(),
      status: z.enum(SYSTEM_STATUSES),
      logIndex: z.number().int().nullable(),
    }),
  ),
});

export const ClassificationHistory = z.object({
  items: z.array(
    z.object({ evaluatedAt: Timestamp, rulesRevision: z.number().int(), changes: z.array(ClassificationChange) }),
  ),
});

export const SystemObligations = EvaluationView;

export const CycloneDxImportBody = z.strictObject({
  organizationId: Id,
  systemId: Id.optional().describe("update this system instead of creating one"),
  bom: z.record(z.string(), z.unknown()).describe("a CycloneDX 1.6 BOM (JSON) describing a machine-learning model"),
  visibility: VisibilityMap.optional(),
});
export const JsonDocument = z.record(z.string(), z.unknown());

const riskFields = {
  taxonomy: z.enum(RISK_TAXONOMIES),
  categoryCode: z.string().trim().min(1).max(40),
  title: Text(300),
  description: z.string().trim().max(4000),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  owner: Text(200),
  mitigations: z.array(Text(2000)).max(50),
  residualLikelihood: z.number().int().min(1).max(5).nullable(),
  residualImpact: z.number().int().min(1).max(5).nullable(),
  reviewDate: IsoDate,
  status: z.enum(RISK_STATUSES),
};
export const RiskInput = z.strictObject({
  ...riskFields,
  description: riskFields.description.default(""),
  mitigations: riskFields.mitigations.default([]),
  residualLikelihood: riskFields.residualLikelihood.default(null),
  residualImpact: riskFields.residualImpact.default(null),
  status: riskFields.status.default("open"),
});
/** A change: only the fields given are changed (no defaults). */
export const RiskPatch = z.strictObject(riskFields).partial();
export const RiskParams = z.strictObject({ riskId: Id });

export const RiskView = z
  .object({
    id: Id,
    systemId: Id,
    taxonomy: z.enum(RISK_TAXONOMIES),
    categoryCode: z.string(),
    categoryLabel: z.string(),
    title: z.string(),
    description: z.string(),
    likelihood: z.number().int(),
    impact: z.number().int(),
    score: z.number().int(),
    level: z.enum(RISK_LEVELS),
    owner: z.string(),
    mitigations: z.array(z.string()),
    residualLikelihood: z.number().int().nullable(),
    residualImpact: z.number().int().nullable(),
    residualScore: z.number().int().nullable(),
    residualLevel: z.enum(RISK_LEVELS).nullable(),
    reviewDate: z.string(),
    overdue: z.boolean(),
    status: z.enum(RISK_STATUSES),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "Risk" });
export const RiskList = z.object({ items: z.array(RiskView), summary: RiskSummaryView });
export const RiskHistory = z.object({
  items: z.array(
    z.object({ changedAt: Timestamp, changedBy: z.string().nullable(), snapshot: z.record(z.string(), z.unknown()) }),
  ),
});

export const RiskTaxonomies = z.object({
  taxonomies: z.array(
    z.object({
      id: z.enum(RISK_TAXONOMIES),
      title: z.string(),
      version: z.string(),
      source: z.string(),
      categories: z.array(
        z.object({ code: z.string(), label: z.string(), description: z.string(), parent: z.string().nullable() }),
      ),
    }),
  ),
});

export const AssessmentParams = z.strictObject({ assessmentId: Id });
export const AnswerParams = z.strictObject({ assessmentId: Id, questionId: z.string().min(1).max(300) });
export const CreateAssessmentBody = z.strictObject({
  kind: z.enum(ASSESSMENT_KINDS),
  title: z.string().trim().max(300).optional(),
});
export const AnswerBody = z.strictObject({
  answer: z.enum(ANSWERS),
  note: z.string().trim().max(4000).default(""),
  evidence: z.array(Sha256Hex).max(20).default([]),
});

const Score = z.object({
  answered: z.number().int(),
  total: z.number().int(),
  score: z.number().nullable(),
  groups: z.array(
    z.object({ group: z.string(), answered: z.number().int(), total: z.number().int(), score: z.number().nullable() }),
  ),
});

export const AssessmentSummary = z.object({
  id: Id,
  systemId: Id,
  kind: z.enum(ASSESSMENT_KINDS),
  title: z.string(),
  status: z.enum(["in-progress", "completed"]),
  createdAt: Timestamp,
  completedAt: Timestamp.nullable(),
  score: Score,
});
export const AssessmentList = z.object({ items: z.array(AssessmentSummary) });
export const AssessmentView = AssessmentSummary.extend({
  questions: z.array(
    z.object({ id: z.string(), group: z.string(), ref: z.string(), text: z.string(), source: z.string() }),
  ),
  answers: z.array(
    z.object({
      questionId: z.string(),
      answer: z.enum(ANSWERS),
      note: z.string(),
      evidence: z.array(
        z.object({ sha256: z.string(), fileName: z.string(), size: z.number().int(), mediaType: z.string() }),
      ),
      answeredAt: Timestamp,
    }),
  ),
}).meta({ id: "Assessment" });

export const EvidenceUploadBody = z.strictObject({
  organizationId: Id,
  fileName: Text(255),
  mediaType: z.string().trim().min(3).max(200).default("application/octet-stream"),
  contentBase64: z.base64().max(14_000_000).describe("the file, base64; at most 10 MB"),
});
export const EvidenceView = z.object({
  sha256: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
});
export const EvidenceParams = z.strictObject({ sha256: Sha256Hex });
