CREATE TABLE "registry_answers" (
	"assessment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"answer" text NOT NULL,
	"note" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_answers_assessment_id_question_id_pk" PRIMARY KEY("assessment_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "registry_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"system_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry_classification_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"system_id" uuid NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rules_revision" bigint NOT NULL,
	"classification_hash" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_classifications" (
	"hash" text PRIMARY KEY NOT NULL,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_evidence" (
	"organization_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_evidence_organization_id_sha256_pk" PRIMARY KEY("organization_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "registry_evidence_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL,
	"size" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_risk_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"risk_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_risks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"system_id" uuid NOT NULL,
	"taxonomy" text NOT NULL,
	"category_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"owner" text NOT NULL,
	"mitigations" jsonb NOT NULL,
	"residual_likelihood" integer,
	"residual_impact" integer,
	"review_date" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_system_versions" (
	"system_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"status" text NOT NULL,
	"change_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"log_seq" bigint,
	CONSTRAINT "registry_system_versions_system_id_version_pk" PRIMARY KEY("system_id","version")
);
--> statement-breakpoint
CREATE TABLE "registry_systems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"document" jsonb NOT NULL,
	"search" "tsvector" NOT NULL,
	"categories" text[] NOT NULL,
	"jurisdictions" text[] NOT NULL,
	"sectors" text[] NOT NULL,
	"classification_hash" text,
	"previous_classification_hash" text,
	"classified_revision" bigint DEFAULT 0 NOT NULL,
	"classified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"log_seq" bigint
);
--> statement-breakpoint
ALTER TABLE "registry_answers" ADD CONSTRAINT "registry_answers_assessment_id_registry_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."registry_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_assessments" ADD CONSTRAINT "registry_assessments_system_id_registry_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."registry_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_classification_events" ADD CONSTRAINT "registry_classification_events_system_id_registry_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."registry_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_evidence" ADD CONSTRAINT "registry_evidence_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_evidence" ADD CONSTRAINT "registry_evidence_sha256_registry_evidence_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."registry_evidence_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_risk_history" ADD CONSTRAINT "registry_risk_history_risk_id_registry_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."registry_risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_risks" ADD CONSTRAINT "registry_risks_system_id_registry_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."registry_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_versions" ADD CONSTRAINT "registry_system_versions_system_id_registry_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."registry_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD CONSTRAINT "registry_systems_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_assessments_system_idx" ON "registry_assessments" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "registry_classification_events_system_idx" ON "registry_classification_events" USING btree ("system_id","id");--> statement-breakpoint
CREATE INDEX "registry_risk_history_risk_idx" ON "registry_risk_history" USING btree ("risk_id","id");--> statement-breakpoint
CREATE INDEX "registry_risks_system_idx" ON "registry_risks" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "registry_systems_search_idx" ON "registry_systems" USING gin ("search");--> statement-breakpoint
CREATE INDEX "registry_systems_categories_idx" ON "registry_systems" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "registry_systems_jurisdictions_idx" ON "registry_systems" USING gin ("jurisdictions");--> statement-breakpoint
CREATE INDEX "registry_systems_sectors_idx" ON "registry_systems" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "registry_systems_status_published_idx" ON "registry_systems" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "registry_systems_organization_idx" ON "registry_systems" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "registry_systems_stale_idx" ON "registry_systems" USING btree ("classified_revision");--> statement-breakpoint
CREATE INDEX "registry_systems_name_idx" ON "registry_systems" USING btree (lower("name"));