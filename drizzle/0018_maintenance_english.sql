ALTER TABLE "maintenance" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "maintenance" ADD COLUMN "description_en" text;