CREATE TABLE "registry_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"system_id" uuid NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_reviews" ADD CONSTRAINT "registry_reviews_system_id_registry_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."registry_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_reviews_system_idx" ON "registry_reviews" USING btree ("system_id","at");--> statement-breakpoint
-- Backfill: the submissions and review decisions recorded so far, from the audit trail.
INSERT INTO "registry_reviews" ("system_id", "action", "note", "by", "at")
SELECT s."id", replace(e."action", 'registry.system.', ''), nullif(e."details"->>'note', ''), e."actor_user_id", e."at"
FROM "audit_events" e
JOIN "registry_systems" s ON s."id"::text = e."resource_ids"[1]
WHERE e."resource_type" = 'ai_system'
  AND e."action" IN ('registry.system.submit', 'registry.system.reject', 'registry.system.publish')
ORDER BY e."at";
