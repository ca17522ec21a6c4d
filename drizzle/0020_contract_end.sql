CREATE TABLE "client_tombstone" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"preset" text NOT NULL,
	"ends_on" date NOT NULL,
	"destroy_on" date NOT NULL,
	"destroyed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ordered_by_user_id" uuid,
	"ordered_by_name" text,
	"export_sha256" text,
	"export_finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "client" ADD COLUMN "contract_ends_on" date;--> statement-breakpoint
ALTER TABLE "client" ADD COLUMN "contract_end_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "client" ADD COLUMN "contract_end_recorded_by" uuid;--> statement-breakpoint
ALTER TABLE "outbox_mail" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "client" ADD CONSTRAINT "client_contract_end_recorded_by_user_id_fk" FOREIGN KEY ("contract_end_recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_mail" ADD CONSTRAINT "outbox_mail_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;
