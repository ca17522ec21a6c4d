import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apiToken, user } from './auth';
import { client } from './tenancy';

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: uuid('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		actorTokenId: uuid('actor_token_id').references(() => apiToken.id, { onDelete: 'set null' }),
		clientId: uuid('client_id').references(() => client.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		targetType: text('target_type').notNull(),
		targetId: text('target_id'),
		before: jsonb('before'),
		after: jsonb('after'),
		ip: text('ip')
	},
	(t) => [index('audit_log_client_at_idx').on(t.clientId, t.at)]
);
