ALTER TABLE "event" ADD COLUMN "tx_id" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "tx_horizon" bigint DEFAULT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint) NOT NULL;--> statement-breakpoint
CREATE INDEX "event_tx_id_idx" ON "event" USING btree ("tx_id");