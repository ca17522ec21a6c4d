-- iCal SEQUENCE (RFC 5545 §3.8.7.4): every change of a window is a new revision, whoever makes it.
CREATE FUNCTION maintenance_bump_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.sequence := OLD.sequence + 1;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER maintenance_sequence BEFORE UPDATE ON "maintenance"
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION maintenance_bump_sequence();
--> statement-breakpoint
-- The webhook fan-out starts at the events that exist now: none of the past is sent.
INSERT INTO "webhook_cursor" ("id", "last_event_id") SELECT 1, coalesce(max("id"), 0) FROM "event";
