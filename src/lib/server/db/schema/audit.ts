import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit trail (004 art. 2 "Traçabilité", 000 §5): append-only, a trigger refuses UPDATE,
 * DELETE and TRUNCATE (migration 0008). No foreign keys on purpose: destroying a client or a
 * person must update no row, so each row keeps the ids and a snapshot of the names.
 */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: uuid('actor_user_id'),
		actorTokenId: uuid('actor_token_id'),
		/** Who acted, as named when they acted (a person's name, a token's name). */
		actorName: text('actor_name'),
		clientId: uuid('client_id'),
		/** The client's name when the row was written: a destroyed client's trail stays readable. */
		clientName: text('client_name'),
		action: text('action').notNull(),
		targetType: text('target_type').notNull(),
		targetId: text('target_id'),
		before: jsonb('before'),
		after: jsonb('after'),
		ip: text('ip'),
		userAgent: text('user_agent')
	},
	(t) => [index('audit_log_client_at_idx').on(t.clientId, t.at), index('audit_log_at_idx').on(t.at)]
);

export type AuditRow = typeof auditLog.$inferSelect;
