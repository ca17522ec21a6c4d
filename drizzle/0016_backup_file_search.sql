-- Substring search in a backup's manifest (GET …/backups/{id}/files?search=): one GIN index on
-- (backup_id, path trigrams), so that an ILIKE '%…%' inside one backup of 100,000 files reads
-- only the matching rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "backup_file_path_trgm_idx" ON "backup_file" USING gin ("backup_id", "path" gin_trgm_ops);
