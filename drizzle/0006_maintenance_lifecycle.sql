ALTER TABLE "maintenance" RENAME COLUMN "approved_at" TO "approval_at";--> statement-breakpoint
ALTER TABLE "maintenance" RENAME COLUMN "approved_by" TO "approval_by";--> statement-breakpoint
ALTER TABLE "maintenance" RENAME CONSTRAINT "maintenance_approved_by_user_id_fk" TO "maintenance_approval_by_user_id_fk";--> statement-breakpoint
ALTER TABLE "maintenance" ALTER COLUMN "announced_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "state" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "approval" text;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "approval_comment" text;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "maintenance" SET "approval" = 'approved' WHERE "approval_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance" ADD CONSTRAINT "maintenance_kind_check" CHECK ("maintenance"."kind" in ('planned', 'network'));--> statement-breakpoint
ALTER TABLE "maintenance" ADD CONSTRAINT "maintenance_state_check" CHECK ("maintenance"."state" in ('draft', 'published', 'cancelled'));--> statement-breakpoint
ALTER TABLE "maintenance" ADD CONSTRAINT "maintenance_approval_check" CHECK ("maintenance"."approval" in ('approved', 'refused'));--> statement-breakpoint
ALTER TABLE "maintenance" ADD CONSTRAINT "maintenance_published_announced_check" CHECK ("maintenance"."state" = 'draft' or "maintenance"."announced_at" is not null);
