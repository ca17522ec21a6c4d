-- Storing a 100,000-file manifest (issue 14): the foreign key checked every inserted row (it
-- doubled the time of the COPY) and the trigram index made ≈ 4.7 M index entries. The search
-- scans the backup's paths in the server now (backups/manifest-search.ts).
ALTER TABLE "backup_file" DROP CONSTRAINT "backup_file_backup_id_backup_id_fk";
--> statement-breakpoint
DROP INDEX IF EXISTS "backup_file_path_trgm_idx";
--> statement-breakpoint
-- The rows still go with their backup: one statement per DELETE on backup, the cascade of a
-- client's destruction included.
CREATE FUNCTION backup_file_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "backup_file" f USING gone WHERE f."backup_id" = gone."id";
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER backup_file_cascade AFTER DELETE ON "backup"
	REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION backup_file_cascade();
