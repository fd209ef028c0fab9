CREATE TABLE "log_checkpoints" (
	"size" bigint PRIMARY KEY NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_cosignatures" (
	"witness_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"line" text NOT NULL,
	"timestamp" bigint NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "log_cosignatures_witness_id_size_pk" PRIMARY KEY("witness_id","size")
);
--> statement-breakpoint
CREATE TABLE "log_entries" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"idx" bigint,
	"record_type" text NOT NULL,
	"record" text NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"integrated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "log_keys" (
	"origin" text PRIMARY KEY NOT NULL,
	"signer_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_tiles" (
	"level" integer NOT NULL,
	"idx" bigint NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "log_tiles_level_idx_pk" PRIMARY KEY("level","idx")
);
--> statement-breakpoint
CREATE TABLE "log_witnesses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_id" bigint NOT NULL,
	"verifier_key" text NOT NULL,
	"country_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_states" ADD COLUMN "log_seq" bigint;--> statement-breakpoint
ALTER TABLE "log_cosignatures" ADD CONSTRAINT "log_cosignatures_witness_id_log_witnesses_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."log_witnesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_cosignatures" ADD CONSTRAINT "log_cosignatures_size_log_checkpoints_size_fk" FOREIGN KEY ("size") REFERENCES "public"."log_checkpoints"("size") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "log_cosignatures_size_idx" ON "log_cosignatures" USING btree ("size");--> statement-breakpoint
CREATE UNIQUE INDEX "log_entries_idx_key" ON "log_entries" USING btree ("idx");--> statement-breakpoint
CREATE INDEX "log_entries_pending_idx" ON "log_entries" USING btree ("seq") WHERE "log_entries"."idx" is null;--> statement-breakpoint
CREATE INDEX "log_entries_type_idx" ON "log_entries" USING btree ("record_type","idx");--> statement-breakpoint
CREATE INDEX "log_entries_leaf_hash_idx" ON "log_entries" USING btree ("leaf_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "log_witnesses_key_key" ON "log_witnesses" USING btree ("name","key_id");