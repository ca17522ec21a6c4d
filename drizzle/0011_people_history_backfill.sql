-- Today's contact list becomes the first period of its history (its start: the membership's creation).
INSERT INTO "membership_history" ("client_id", "user_id", "email", "name", "role", "effective_from", "reason")
SELECT m."client_id", m."user_id", u."email", u."name", m."role", m."created_at", 'backfill'
FROM "membership" m JOIN "user" u ON u."id" = m."user_id";
--> statement-breakpoint
INSERT INTO "provider_setting" ("id") VALUES (1) ON CONFLICT DO NOTHING;
