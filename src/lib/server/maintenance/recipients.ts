/**
 * Who is mailed about a window: the members of its client, or, for a window on shared
 * infrastructure (every component it touches is public, as /status reads it), the members of
 * every client, since every client's service runs on it (the data model keeps no finer
 * dependency). A person who chose components (mail_subscription) hears only of windows touching
 * one of them.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import {
	client,
	component,
	mailSubscription,
	maintenanceComponent,
	membership,
	user
} from '../db/schema';
import { isPublicNotice } from '../status/public-notices-rules';

export interface MaintenanceRecipient {
	email: string;
	locale: 'fr' | 'en';
	timeZone: string;
	/** The reader's own client: the mail links to the window in its calendar. */
	clientSlug: string;
}

/** No choice recorded is every component; otherwise at least one of the window's. */
export const isSubscribed = (chosen: string[] | null | undefined, componentIds: string[]) =>
	chosen == null || componentIds.some((id) => chosen.includes(id));

export async function maintenanceRecipients(
	tx: Executor,
	window: { id: string; clientId: string }
): Promise<MaintenanceRecipient[]> {
	const parts = await tx
		.select({ id: component.id, public: component.public })
		.from(maintenanceComponent)
		.innerJoin(component, eq(component.id, maintenanceComponent.componentId))
		.where(eq(maintenanceComponent.maintenanceId, window.id));
	const shared = isPublicNotice(parts.map((p) => p.public));
	const people = await tx
		.select({
			userId: user.id,
			email: user.email,
			locale: user.locale,
			timeZone: client.timezone,
			clientSlug: client.slug,
			clientId: membership.clientId
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.innerJoin(client, eq(client.id, membership.clientId))
		.where(shared ? undefined : eq(membership.clientId, window.clientId));
	const choices = people.length
		? await tx
				.select()
				.from(mailSubscription)
				.where(
					inArray(
						mailSubscription.userId,
						people.map((p) => p.userId)
					)
				)
		: [];
	const ids = parts.map((p) => p.id);
	return people
		.filter((p) =>
			isSubscribed(
				choices.find((c) => c.userId === p.userId && c.clientId === p.clientId)?.componentIds,
				ids
			)
		)
		.map((p) => ({
			email: p.email,
			locale: p.locale ?? 'fr',
			timeZone: p.timeZone,
			clientSlug: p.clientSlug
		}));
}
