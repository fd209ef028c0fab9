import type {
  Answer,
  AssessmentKind,
  ClassificationSummary,
  Question,
  RiskStatus,
  RiskTaxonomy,
  SystemDocument,
  SystemStatus,
} from "@concordia/core";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "../members/tables.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => new Uint8Array(v),
});
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One row per registered system: its current document and the columns search and filters use
 * (search tokens in any UN language, categories "<instrument>:<category>", jurisdictions where a
 * binding instrument applies, sectors). The document history is in registry_system_versions.
 */
export const registrySystems = pgTable(
  "registry_systems",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    status: text("status").$type<SystemStatus>().notNull(),
    version: integer("version").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    document: jsonb("document").$type<SystemDocument>().notNull(),
    /** Copied from the document for lists and search results, which then never read the document. */
    versionLabel: text("version_label").notNull().default(""),
    intendedPurpose: text("intended_purpose").notNull().default(""),
    descriptionVisibility: text("description_visibility"),
    /** Only the publicly visible texts, tokenized (see core/registry/search-text.ts). */
    search: tsvector("search").notNull(),
    categories: text("categories").array().notNull(),
    jurisdictions: text("jurisdictions").array().notNull(),
    sectors: text("sectors").array().notNull(),
    classificationHash: text("classification_hash"),
    previousClassificationHash: text("previous_classification_hash"),
    classifiedRevision: bigint("classified_revision", { mode: "number" }).notNull().default(0),
    classifiedAt: ts("classified_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    publishedAt: ts("published_at"),
    /** The log record of the latest public act (publication, public update, withdrawal). */
    logSeq: bigint("log_seq", { mode: "number" }),
  },
  (t) => [
    index("registry_systems_search_idx").using("gin", t.search),
    index("registry_systems_categories_idx").using("gin", t.categories),
    index("registry_systems_jurisdictions_idx").using("gin", t.jurisdictions),
    index("registry_systems_sectors_idx").using("gin", t.sectors),
    // One per order of the search (search.service.ts), so a page is read in index order.
    index("registry_systems_newest_idx").on(t.status, t.publishedAt.desc().nullsLast(), t.updatedAt.desc(), t.id),
    index("registry_systems_updated_idx").on(t.status, t.updatedAt.desc(), t.id),
    index("registry_systems_name_idx").on(t.status, sql`lower(${t.name})`, t.id),
    index("registry_systems_organization_idx").on(t.organizationId, t.updatedAt),
    index("registry_systems_stale_idx").on(t.classifiedRevision),
  ],
);

export const registrySystemVersions = pgTable(
  "registry_system_versions",
  {
    systemId: uuid("system_id")
      .notNull()
      .references(() => registrySystems.id),
    version: integer("version").notNull(),
    document: jsonb("document").$type<SystemDocument>().notNull(),
    status: text("status").$type<SystemStatus>().notNull(),
    changeNote: text("change_note"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    logSeq: bigint("log_seq", { mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.systemId, t.version] })],
);

/**
 * Submissions and review decisions of a system (submit, reject, publish), with the secretariat's
 * note (e.g. why a submission was returned): the register's own record of its reviews, written by
 * the lifecycle transitions; the system page shows the latest.
 */
export const registryReviews = pgTable(
  "registry_reviews",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => registrySystems.id),
    action: text("action").$type<"submit" | "reject" | "publish">().notNull(),
    note: text("note"),
    by: uuid("by"),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("registry_reviews_system_idx").on(t.systemId, t.at)],
);

/** Classification summaries, stored once per distinct content (many systems share one). */
export const registryClassifications = pgTable("registry_classifications", {
  hash: text("hash").primaryKey(),
  summary: jsonb("summary").$type<Omit<ClassificationSummary, "asOf">>().notNull(),
});

/** Every (re-)classification of a system, with what changed. */
export const registryClassificationEvents = pgTable(
  "registry_classification_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => registrySystems.id),
    evaluatedAt: ts("evaluated_at").notNull().defaultNow(),
    rulesRevision: bigint("rules_revision", { mode: "number" }).notNull(),
    classificationHash: text("classification_hash").notNull(),
    changes: jsonb("changes").$type<unknown[]>().notNull(),
  },
  (t) => [index("registry_classification_events_system_idx").on(t.systemId, t.id)],
);

export const registryRisks = pgTable(
  "registry_risks",
  {
    id: uuid("id").primaryKey(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => registrySystems.id),
    taxonomy: text("taxonomy").$type<RiskTaxonomy>().notNull(),
    categoryCode: text("category_code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    likelihood: integer("likelihood").notNull(),
    impact: integer("impact").notNull(),
    owner: text("owner").notNull(),
    mitigations: jsonb("mitigations").$type<string[]>().notNull(),
    residualLikelihood: integer("residual_likelihood"),
    residualImpact: integer("residual_impact"),
    reviewDate: text("review_date").notNull(),
    status: text("status").$type<RiskStatus>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("registry_risks_system_idx").on(t.systemId)],
);

export const registryRiskHistory = pgTable(
  "registry_risk_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    riskId: uuid("risk_id")
      .notNull()
      .references(() => registryRisks.id),
    changedAt: ts("changed_at").notNull().defaultNow(),
    changedBy: uuid("changed_by"),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("registry_risk_history_risk_idx").on(t.riskId, t.id)],
);

export const registryAssessments = pgTable(
  "registry_assessments",
  {
    id: uuid("id").primaryKey(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => registrySystems.id),
    kind: text("kind").$type<AssessmentKind>().notNull(),
    title: text("title").notNull(),
    status: text("status").$type<"in-progress" | "completed">().notNull(),
    questions: jsonb("questions").$type<Question[]>().notNull(),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
  },
  (t) => [index("registry_assessments_system_idx").on(t.systemId)],
);

export const registryAnswers = pgTable(
  "registry_answers",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => registryAssessments.id),
    questionId: text("question_id").notNull(),
    answer: text("answer").$type<Answer>().notNull(),
    note: text("note").notNull(),
    evidence: jsonb("evidence").$type<string[]>().notNull(),
    answeredBy: uuid("answered_by"),
    answeredAt: ts("answered_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionId] })],
);

/** Evidence file contents, stored once by SHA-256. */
export const registryEvidenceBlobs = pgTable("registry_evidence_blobs", {
  sha256: text("sha256").primaryKey(),
  content: bytea("content").notNull(),
  size: integer("size").notNull(),
});

/** Which organization uploaded which evidence file, under which name. */
export const registryEvidence = pgTable(
  "registry_evidence",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    sha256: text("sha256")
      .notNull()
      .references(() => registryEvidenceBlobs.sha256),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    uploadedBy: uuid("uploaded_by"),
    uploadedAt: ts("uploaded_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.sha256] })],
);
