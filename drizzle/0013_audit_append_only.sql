-- Rows written before the snapshots existed get them now, before the trail becomes append-only.
UPDATE "audit_log" a SET "client_name" = c."name" FROM "client" c WHERE c."id" = a."client_id" AND a."client_name" IS NULL;
--> statement-breakpoint
UPDATE "audit_log" a SET "actor_name" = u."name" FROM "user" u WHERE u."id" = a."actor_user_id" AND a."actor_name" IS NULL;
--> statement-breakpoint
UPDATE "audit_log" a SET "actor_name" = t."name" FROM "api_token" t WHERE t."id" = a."actor_token_id" AND a."actor_name" IS NULL;
--> statement-breakpoint
-- The audit trail is append-only (004 art. 2, 000 §5): no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
	FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
