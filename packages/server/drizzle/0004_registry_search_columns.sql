DROP INDEX "registry_systems_status_published_idx";--> statement-breakpoint
DROP INDEX "registry_systems_name_idx";--> statement-breakpoint
ALTER TABLE "registry_systems" ADD COLUMN "version_label" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD COLUMN "intended_purpose" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD COLUMN "description_visibility" text;--> statement-breakpoint
-- Backfill (hand-written): the list fields of the systems registered before this migration.
UPDATE "registry_systems" SET "version_label" = coalesce("document"->>'versionLabel', ''), "intended_purpose" = coalesce("document"->>'intendedPurpose', ''), "description_visibility" = "document"->'visibility'->>'description';--> statement-breakpoint
CREATE INDEX "registry_systems_newest_idx" ON "registry_systems" USING btree ("status","published_at" DESC NULLS LAST,"updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "registry_systems_updated_idx" ON "registry_systems" USING btree ("status","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "registry_systems_name_idx" ON "registry_systems" USING btree ("status",lower("name"),"id");