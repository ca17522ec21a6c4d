CREATE TABLE "client_export" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"requested_by" uuid,
	"requested_by_token" uuid,
	"requested_by_name" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"step" text,
	"file_path" text,
	"size_bytes" bigint,
	"sha256" text,
	"error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "client_export" ADD CONSTRAINT "client_export_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_export" ADD CONSTRAINT "client_export_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_export" ADD CONSTRAINT "client_export_requested_by_token_api_token_id_fk" FOREIGN KEY ("requested_by_token") REFERENCES "public"."api_token"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_export_client_idx" ON "client_export" USING btree ("client_id","requested_at");--> statement-breakpoint
CREATE INDEX "client_export_status_idx" ON "client_export" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "client_export_one_running_idx" ON "client_export" USING btree ("client_id") WHERE status in ('queued', 'running');