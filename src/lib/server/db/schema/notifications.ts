import { pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { client } from './tenancy';

/**
 * Which components' maintenance and incidents a person is mailed about, per client (issue 11
 * §7). No row, or `component_ids` null, is every component; a component deleted later simply
 * drops out of the list.
 */
export const mailSubscription = pgTable(
	'mail_subscription',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		componentIds: uuid('component_ids').array(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.clientId] })]
);
