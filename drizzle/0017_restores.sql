CREATE TABLE "restore_counter" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "restore_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"backup_id" uuid,
	"component_id" uuid,
	"point_kind" text NOT NULL,
	"point_at" timestamp with time zone NOT NULL,
	"scope" text NOT NULL,
	"target" text NOT NULL,
	"note" text,
	"requested_by_user_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'filed' NOT NULL,
	"deadline_basis" text,
	"within_hours" real,
	"clock_started_at" timestamp with time zone,
	"due_by" timestamp with time zone,
	"deadline_state" text,
	"stops_server" boolean NOT NULL,
	"billable" boolean NOT NULL,
	"needs_quote" boolean NOT NULL,
	"quote_amount_cents" integer,
	"quote_note" text,
	"quoted_at" timestamp with time zone,
	"quote_decided_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"scheduled_at" timestamp with time zone,
	"percent" integer DEFAULT 0 NOT NULL,
	"verification" text,
	"failure_reason" text,
	"completed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restore_request_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "restore_update" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"restore_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"author_user_id" uuid,
	"kind" text NOT NULL,
	"message" text,
	"data" jsonb
);
--> statement-breakpoint
ALTER TABLE "restore_request" ADD CONSTRAINT "restore_request_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_request" ADD CONSTRAINT "restore_request_backup_id_backup_id_fk" FOREIGN KEY ("backup_id") REFERENCES "public"."backup"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_request" ADD CONSTRAINT "restore_request_component_id_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."component"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_request" ADD CONSTRAINT "restore_request_requested_by_user_id_user_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_update" ADD CONSTRAINT "restore_update_restore_id_restore_request_id_fk" FOREIGN KEY ("restore_id") REFERENCES "public"."restore_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_update" ADD CONSTRAINT "restore_update_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "restore_request_year_sequence_idx" ON "restore_request" USING btree ("year","sequence");--> statement-breakpoint
CREATE INDEX "restore_request_client_requested_idx" ON "restore_request" USING btree ("client_id","requested_at");--> statement-breakpoint
CREATE INDEX "restore_request_status_due_idx" ON "restore_request" USING btree ("status","due_by");--> statement-breakpoint
CREATE INDEX "restore_update_restore_idx" ON "restore_update" USING btree ("restore_id","at");