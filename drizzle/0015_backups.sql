CREATE TABLE "backup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"scope" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"changed_bytes" bigint,
	"copies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_count" integer NOT NULL,
	"total_bytes" bigint NOT NULL,
	"report_sha256" text NOT NULL,
	"authentication_key" text NOT NULL,
	"signing_key_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reception_mail_queued_at" timestamp with time zone,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "backup_kind_check" CHECK ("backup"."kind" in ('full', 'data_full', 'incremental')),
	CONSTRAINT "backup_scope_check" CHECK ("backup"."scope" in ('system', 'databases', 'files')),
	CONSTRAINT "backup_status_check" CHECK ("backup"."status" in ('succeeded', 'failed', 'partial')),
	CONSTRAINT "backup_times_check" CHECK ("backup"."finished_at" >= "backup"."started_at"),
	CONSTRAINT "backup_sizes_check" CHECK ("backup"."size_bytes" >= 0 and "backup"."total_bytes" >= 0 and coalesce("backup"."changed_bytes", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "backup_expectation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"schedule_key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"backup_id" uuid,
	"notified_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "backup_expectation_state_check" CHECK ("backup_expectation"."state" in ('pending', 'received', 'late', 'missing'))
);
--> statement-breakpoint
CREATE TABLE "backup_file" (
	"backup_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"path" text NOT NULL,
	"modified_at" timestamp with time zone NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text,
	CONSTRAINT "backup_file_backup_id_ordinal_pk" PRIMARY KEY("backup_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "restore_test" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"component_id" uuid,
	"tested_at" timestamp with time zone NOT NULL,
	"result" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restore_test_result_check" CHECK ("restore_test"."result" in ('succeeded', 'failed', 'partial'))
);
--> statement-breakpoint
CREATE TABLE "signing_key" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key_pem" text NOT NULL,
	"private_key_pem" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backup" ADD CONSTRAINT "backup_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup" ADD CONSTRAINT "backup_component_id_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."component"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup" ADD CONSTRAINT "backup_signing_key_id_signing_key_id_fk" FOREIGN KEY ("signing_key_id") REFERENCES "public"."signing_key"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_expectation" ADD CONSTRAINT "backup_expectation_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_expectation" ADD CONSTRAINT "backup_expectation_component_id_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."component"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_expectation" ADD CONSTRAINT "backup_expectation_backup_id_backup_id_fk" FOREIGN KEY ("backup_id") REFERENCES "public"."backup"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_file" ADD CONSTRAINT "backup_file_backup_id_backup_id_fk" FOREIGN KEY ("backup_id") REFERENCES "public"."backup"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_test" ADD CONSTRAINT "restore_test_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_test" ADD CONSTRAINT "restore_test_component_id_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."component"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_test" ADD CONSTRAINT "restore_test_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "backup_client_external_idx" ON "backup" USING btree ("client_id","external_id");--> statement-breakpoint
CREATE INDEX "backup_client_started_idx" ON "backup" USING btree ("client_id","started_at");--> statement-breakpoint
CREATE INDEX "backup_component_started_idx" ON "backup" USING btree ("component_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "backup_expectation_slot_idx" ON "backup_expectation" USING btree ("component_id","schedule_key","due_at");--> statement-breakpoint
CREATE INDEX "backup_expectation_client_due_idx" ON "backup_expectation" USING btree ("client_id","due_at");--> statement-breakpoint
CREATE INDEX "restore_test_client_tested_idx" ON "restore_test" USING btree ("client_id","tested_at");