CREATE TABLE "mail_subscription" (
	"user_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"component_ids" uuid[],
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_subscription_user_id_client_id_pk" PRIMARY KEY("user_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "recurrence" text;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "planned_end_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "extended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "started_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "ended_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_subscription" ADD CONSTRAINT "mail_subscription_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_subscription" ADD CONSTRAINT "mail_subscription_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "maintenance_series_idx" ON "maintenance" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "maintenance_pending_boundary_idx" ON "maintenance" USING btree ("start_at") WHERE "maintenance"."state" = 'published' and "maintenance"."ended_notified_at" is null;