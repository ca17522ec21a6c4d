ALTER TABLE "outbox_mail" ADD COLUMN "state" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_mail" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_mail" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_mail" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_mail_due_idx" ON "outbox_mail" USING btree ("next_attempt_at") WHERE state = 'pending';--> statement-breakpoint
ALTER TABLE "outbox_mail" ADD CONSTRAINT "outbox_mail_state_check" CHECK ("outbox_mail"."state" in ('pending', 'sent', 'failed'));--> statement-breakpoint
UPDATE "outbox_mail" SET "state" = 'sent' WHERE "sent_at" IS NOT NULL;--> statement-breakpoint
UPDATE "outbox_mail" SET "attempts" = 1 WHERE "sent_at" IS NULL AND "error" IS NOT NULL;--> statement-breakpoint
UPDATE "outbox_mail" SET "state" = 'failed', "failed_at" = now() WHERE "sent_at" IS NULL AND "error" IS NOT NULL AND "created_at" < now() - interval '24 hours';
