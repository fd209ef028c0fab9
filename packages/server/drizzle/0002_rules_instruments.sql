CREATE TABLE "rules_instrument_versions" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"instrument_id" text NOT NULL,
	"version" text NOT NULL,
	"document" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"log_seq" bigint
);
--> statement-breakpoint
CREATE UNIQUE INDEX "rules_instrument_versions_id_version_key" ON "rules_instrument_versions" USING btree ("instrument_id","version");--> statement-breakpoint
CREATE INDEX "rules_instrument_versions_current_idx" ON "rules_instrument_versions" USING btree ("instrument_id","seq");