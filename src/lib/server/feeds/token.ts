/**
 * A person's secret iCal feed URL (issue 11 §5). The token is 160 random bits, stored as its
 * SHA-256 only: the URL is shown once, when made; regenerating replaces it and revoking deletes
 * it, so an old URL answers 404 at once. Personal, so audited but not pushed live.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import { generateSecret, hashSecret } from '../auth/crypto';
import { actorUserId, type RequestContext } from '../context';
import { getDb } from '../db';
import { calendarFeedToken, membership, user } from '../db/schema';
import { notFound } from '../errors';
import { portalOrigin } from '../incidents/context';
import { authorize } from '../policy';
import type { FeedLocale } from './calendar';
import type { FeedReader } from './windows';

const FEED_PATH = '/feeds/maintenance/';
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

export const calendarFeedUrl = (token: string) => `${portalOrigin()}${FEED_PATH}${token}.ics`;

function feedUser(ctx: RequestContext): string {
	authorize(ctx, 'maintenance.feed');
	const id = actorUserId(ctx);
	if (!id) throw notFound();
	return id;
}

/** Whether the person has a feed, and since when (the URL itself is not kept). */
export async function getCalendarFeed(ctx: RequestContext) {
	const userId = feedUser(ctx);
	const [row] = await getDb()
		.select({ createdAt: calendarFeedToken.createdAt, lastUsedAt: calendarFeedToken.lastUsedAt })
		.from(calendarFeedToken)
		.where(eq(calendarFeedToken.userId, userId));
	return row ?? null;
}

/** A new secret URL; any earlier one stops working. */
export async function regenerateCalendarFeed(ctx: RequestContext): Promise<{ url: string }> {
	const userId = feedUser(ctx);
	const token = generateSecret();
	const now = new Date();
	await getDb().transaction(async (tx) => {
		const [before] = await tx
			.select({ createdAt: calendarFeedToken.createdAt })
			.from(calendarFeedToken)
			.where(eq(calendarFeedToken.userId, userId));
		await tx
			.insert(calendarFeedToken)
			.values({ userId, tokenHash: hashSecret(token), createdAt: now })
			.onConflictDoUpdate({
				target: calendarFeedToken.userId,
				set: { tokenHash: hashSecret(token), createdAt: now, lastUsedAt: null }
			});
		await recordAudit(tx, ctx, {
			action: before ? 'calendar_feed.regenerated' : 'calendar_feed.created',
			targetType: 'user',
			targetId: userId,
			before: before ?? null,
			after: { createdAt: now }
		});
	});
	return { url: calendarFeedUrl(token) };
}

export async function revokeCalendarFeed(ctx: RequestContext): Promise<void> {
	const userId = feedUser(ctx);
	await getDb().transaction(async (tx) => {
		const [before] = await tx
			.delete(calendarFeedToken)
			.where(eq(calendarFeedToken.userId, userId))
			.returning({ createdAt: calendarFeedToken.createdAt });
		if (!before) throw notFound();
		await recordAudit(tx, ctx, {
			action: 'calendar_feed.revoked',
			targetType: 'user',
			targetId: userId,
			before
		});
	});
}

/**
 * The reader a feed token names, or null (unknown, revoked, malformed, or a person who may no
 * longer read any client): the route answers 404 alike.
 */
export async function readerOfFeedToken(
	token: string
): Promise<{ reader: NonNullable<FeedReader>; locale: FeedLocale } | null> {
	if (!TOKEN_SHAPE.test(token)) return null;
	const db = getDb();
	const [row] = await db
		.select({
			id: user.id,
			email: user.email,
			name: user.name,
			staffRole: user.staffRole,
			locale: user.locale,
			clientId: membership.clientId,
			role: membership.role,
			lastUsedAt: calendarFeedToken.lastUsedAt
		})
		.from(calendarFeedToken)
		.innerJoin(user, eq(user.id, calendarFeedToken.userId))
		.leftJoin(membership, eq(membership.userId, user.id))
		.where(eq(calendarFeedToken.tokenHash, hashSecret(token)));
	if (!row) return null;
	const person = { userId: row.id, email: row.email, name: row.name };
	const locale = row.locale ?? 'fr';
	if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 3_600_000)
		await db
			.update(calendarFeedToken)
			.set({ lastUsedAt: new Date() })
			.where(eq(calendarFeedToken.userId, row.id));
	if (row.staffRole) return { reader: { kind: 'staff', ...person, role: row.staffRole }, locale };
	if (row.clientId && row.role)
		return {
			reader: { kind: 'member', ...person, clientId: row.clientId, clientSlug: '', role: row.role },
			locale
		};
	return null;
}
