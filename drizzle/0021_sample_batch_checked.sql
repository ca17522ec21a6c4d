-- Samples without a row-level foreign key: checked on each of a batch's thousands of rows, it
-- cost a third of the insert. What it guaranteed still holds:
-- * a sample names an existing component: every batch locks its components' rows (FOR NO KEY
--   UPDATE, status/store.ts) before inserting, so none of them can be deleted before it commits;
-- * deleting a component deletes its samples (the trigger below, once per statement);
-- * a component's id never changes (it could orphan samples; ids are never edited anyway).
ALTER TABLE "sample" DROP CONSTRAINT "sample_component_id_component_id_fk";--> statement-breakpoint
CREATE FUNCTION component_delete_samples() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "sample" s USING deleted_component d WHERE s.component_id = d.id;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER component_samples AFTER DELETE ON "component"
	REFERENCING OLD TABLE AS deleted_component
	FOR EACH STATEMENT EXECUTE FUNCTION component_delete_samples();
--> statement-breakpoint
CREATE FUNCTION component_keep_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'a component''s id never changes' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER component_id_fixed BEFORE UPDATE OF "id" ON "component"
	FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION component_keep_id();
