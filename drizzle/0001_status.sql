CREATE TABLE "metric_rollup" (
	"component_id" uuid NOT NULL,
	"resolution" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"samples" integer NOT NULL,
	"up_count" integer NOT NULL,
	"degraded_count" integer NOT NULL,
	"down_count" integer NOT NULL,
	"latency_sum" double precision NOT NULL,
	"latency_count" integer NOT NULL,
	"cpu_sum" double precision NOT NULL,
	"cpu_count" integer NOT NULL,
	"ram_sum" double precision NOT NULL,
	"ram_count" integer NOT NULL,
	"disk_sum" double precision NOT NULL,
	"disk_count" integer NOT NULL,
	"net_in_sum" double precision NOT NULL,
	"net_in_count" integer NOT NULL,
	"net_out_sum" double precision NOT NULL,
	"net_out_count" integer NOT NULL,
	"load_sum" double precision NOT NULL,
	"load_count" integer NOT NULL,
	"iowait_sum" double precision NOT NULL,
	"iowait_count" integer NOT NULL,
	CONSTRAINT "metric_rollup_component_id_resolution_bucket_pk" PRIMARY KEY("component_id","resolution","bucket")
);
--> statement-breakpoint
CREATE TABLE "probe" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"component_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"port" integer,
	"method" text DEFAULT 'GET' NOT NULL,
	"expected_status_min" integer DEFAULT 200 NOT NULL,
	"expected_status_max" integer DEFAULT 299 NOT NULL,
	"keyword" text,
	"timeout_ms" integer DEFAULT 5000 NOT NULL,
	"interval_seconds" integer DEFAULT 60 NOT NULL,
	"failures_before_down" integer DEFAULT 3 NOT NULL,
	"degraded_above_ms" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_status" text,
	"last_run_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "probe_component_id_unique" UNIQUE("component_id")
);
--> statement-breakpoint
CREATE TABLE "sample" (
	"component_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"latency_ms" real,
	"cpu_pct" real,
	"ram_pct" real,
	"disk_pct" real,
	"net_in_bps" double precision,
	"net_out_bps" double precision,
	"load1" real,
	"iowait_pct" real,
	CONSTRAINT "sample_component_id_at_pk" PRIMARY KEY("component_id","at")
);
--> statement-breakpoint
CREATE TABLE "status_day" (
	"component_id" uuid NOT NULL,
	"day" date NOT NULL,
	"up_seconds" integer DEFAULT 0 NOT NULL,
	"degraded_seconds" integer DEFAULT 0 NOT NULL,
	"down_seconds" integer DEFAULT 0 NOT NULL,
	"unknown_seconds" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "status_day_component_id_day_pk" PRIMARY KEY("component_id","day")
);
--> statement-breakpoint
CREATE TABLE "status_interval" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"component_id" uuid NOT NULL,
	"status" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "component" ADD COLUMN "expected_interval_seconds" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "metric_rollup" ADD CONSTRAINT "metric_rollup_component_id_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."component"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probe" ADD CONSTRAINT "probe_component_id_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."component"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample" ADD CONSTRAINT "sample_component_id_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."component"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_day" ADD CONSTRAINT "status_day_component_id_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."component"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_interval" ADD CONSTRAINT "status_interval_component_id_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."component"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "probe_due_idx" ON "probe" USING btree ("next_run_at") WHERE "probe"."enabled";--> statement-breakpoint
CREATE INDEX "sample_at_brin" ON "sample" USING brin ("at");--> statement-breakpoint
CREATE INDEX "status_interval_component_from_idx" ON "status_interval" USING btree ("component_id","from_at");--> statement-breakpoint
CREATE UNIQUE INDEX "status_interval_open_idx" ON "status_interval" USING btree ("component_id") WHERE "status_interval"."to_at" is null;