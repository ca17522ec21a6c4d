import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { getDb } from '../db';
import { client, membership, session, user, type MembershipRole, type User } from '../db/schema';
import { generateSecret, hashSecret } from './crypto';

export const SESSION_COOKIE = 'portal_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LESS_THAN_MS = 15 * DAY_MS;

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'staffRole' | 'locale'>;
export interface ValidatedSession {
	sessionId: string;
	expiresAt: Date;
	user: SessionUser;
	membership: { clientId: string; clientSlug: string; role: MembershipRole } | null;
}

/** A fresh token at every sign-in (no fixation); the database keeps only its SHA-256. */
export async function createSession(
	db: Executor,
	userId: string,
	ip: string | null
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSecret();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await db.insert(session).values({ id: hashSecret(token), userId, expiresAt, ip });
	return { token, expiresAt };
}

/** Sliding expiry: a session used in its second half is extended to 30 days again. */
export async function validateSessionToken(token: string): Promise<ValidatedSession | null> {
	const db = getDb();
	const sessionId = hashSecret(token);
	const [row] = await db
		.select({
			expiresAt: session.expiresAt,
			user: {
				id: user.id,
				email: user.email,
				name: user.name,
				staffRole: user.staffRole,
				locale: user.locale
			},
			clientId: membership.clientId,
			clientSlug: client.slug,
			role: membership.role
		})
		.from(session)
		.innerJoin(user, eq(session.userId, user.id))
		.leftJoin(membership, eq(membership.userId, user.id))
		.leftJoin(client, eq(client.id, membership.clientId))
		.where(eq(session.id, sessionId));
	if (!row) return null;
	const now = Date.now();
	if (now >= row.expiresAt.getTime()) {
		await db.delete(session).where(eq(session.id, sessionId));
		return null;
	}
	let expiresAt = row.expiresAt;
	if (expiresAt.getTime() - now < RENEW_WHEN_LESS_THAN_MS) {
		expiresAt = new Date(now + SESSION_LIFETIME_MS);
		await db.update(session).set({ expiresAt }).where(eq(session.id, sessionId));
	}
	const member =
		row.clientId && row.clientSlug && row.role
			? { clientId: row.clientId, clientSlug: row.clientSlug, role: row.role }
			: null;
	return { sessionId, expiresAt, user: row.user, membership: member };
}

export async function invalidateSession(sessionId: string): Promise<void> {
	await getDb().delete(session).where(eq(session.id, sessionId));
}

export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
	await db.delete(session).where(eq(session.userId, userId));
}
