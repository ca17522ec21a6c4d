import { eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { getDb } from '../db';
import { client, membership, session, user, type MembershipRole, type User } from '../db/schema';
import { appendSessionsEnded } from '../live/outbox';
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
	return validateSession(hashSecret(token));
}

/** By id; `renew: false` only reads it (a socket re-checking its session is not a use of it). */
export async function validateSession(
	sessionId: string,
	{ renew = true }: { renew?: boolean } = {}
): Promise<ValidatedSession | null> {
	const db = getDb();
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
		await db.transaction((tx) => endSessions(tx, eq(session.id, sessionId)));
		return null;
	}
	let expiresAt = row.expiresAt;
	if (renew && expiresAt.getTime() - now < RENEW_WHEN_LESS_THAN_MS) {
		expiresAt = new Date(now + SESSION_LIFETIME_MS);
		await db.update(session).set({ expiresAt }).where(eq(session.id, sessionId));
	}
	const member =
		row.clientId && row.clientSlug && row.role
			? { clientId: row.clientId, clientSlug: row.clientSlug, role: row.role }
			: null;
	return { sessionId, expiresAt, user: row.user, membership: member };
}

/**
 * Every way a session ends goes through here: the rows go, and in the same transaction an
 * internal event tells every node's relay to disconnect those sessions' sockets at commit.
 */
async function endSessions(tx: Executor, which: SQL): Promise<void> {
	const ended = await tx.delete(session).where(which).returning({ id: session.id });
	await appendSessionsEnded(
		tx,
		ended.map((s) => s.id)
	);
}

export async function invalidateSession(sessionId: string): Promise<void> {
	await getDb().transaction((tx) => endSessions(tx, eq(session.id, sessionId)));
}

/** Pass the caller's transaction: the sockets are disconnected only if it commits. */
export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
	await endSessions(db, eq(session.userId, userId));
}

/**
 * The user's rights changed (role, membership) but their sessions stay: their sockets are
 * disconnected on every node, and the browser reconnects into the rooms of its new rights.
 */
export async function reconnectUserSockets(db: Executor, userId: string): Promise<void> {
	const sessions = await db
		.select({ id: session.id })
		.from(session)
		.where(eq(session.userId, userId));
	await appendSessionsEnded(
		db,
		sessions.map((s) => s.id)
	);
}
