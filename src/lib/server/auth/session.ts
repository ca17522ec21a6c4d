import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { getDb } from '../db';
import {
	client,
	membership,
	providerSetting,
	session,
	user,
	userTwoFactor,
	type MembershipRole,
	type User
} from '../db/schema';
import { appendSessionsEnded } from '../live/outbox';
import { generateSecret, hashSecret } from './crypto';
import {
	DEFAULT_ABSOLUTE_LIFETIME_HOURS,
	DEFAULT_MEMBER_IDLE_MINUTES,
	DEFAULT_STAFF_IDLE_MINUTES,
	sessionExpiresAt,
	sessionLimits,
	shouldTouch
} from './session-rules';

export const SESSION_COOKIE = 'portal_session';
const DAY_MS = 24 * 60 * 60 * 1000;
/** The cookie's first expiry; validation then applies the provider's idle and absolute limits. */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'staffRole' | 'locale'>;
export interface ValidatedSession {
	sessionId: string;
	expiresAt: Date;
	user: SessionUser;
	membership: { clientId: string; clientSlug: string; role: MembershipRole } | null;
	/** Two-factor sign-in is required of this person and not set up: no access until it is. */
	mustEnrolTwoFactor: boolean;
}

/** A fresh token at every sign-in (no fixation); the database keeps only its SHA-256. */
export async function createSession(
	db: Executor,
	userId: string,
	ip: string | null,
	userAgent: string | null = null
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSecret();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await db
		.insert(session)
		.values({ id: hashSecret(token), userId, expiresAt, ip, userAgent: userAgent?.slice(0, 500) });
	return { token, expiresAt };
}

/** Idle timeout and absolute lifetime (provider settings); a use is recorded at most once a minute. */
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
			createdAt: session.createdAt,
			lastSeenAt: session.lastSeenAt,
			staffIdleMinutes: providerSetting.staffIdleMinutes,
			memberIdleMinutes: providerSetting.memberIdleMinutes,
			absoluteLifetimeHours: providerSetting.absoluteLifetimeHours,
			requireStaffTwoFactor: providerSetting.requireStaffTwoFactor,
			requireAdminTwoFactor: client.requireAdminTwoFactor,
			twoFactorOn: sql<boolean>`${userTwoFactor.confirmedAt} is not null`,
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
		.leftJoin(providerSetting, eq(providerSetting.id, 1))
		.leftJoin(userTwoFactor, eq(userTwoFactor.userId, user.id))
		.where(eq(session.id, sessionId));
	if (!row) return null;
	const now = new Date();
	const limits = sessionLimits(Boolean(row.user.staffRole), {
		staffIdleMinutes: row.staffIdleMinutes ?? DEFAULT_STAFF_IDLE_MINUTES,
		memberIdleMinutes: row.memberIdleMinutes ?? DEFAULT_MEMBER_IDLE_MINUTES,
		absoluteLifetimeHours: row.absoluteLifetimeHours ?? DEFAULT_ABSOLUTE_LIFETIME_HOURS
	});
	// The stored expiry also holds: whatever shortened it (a settings change, an operator) wins.
	let expiresAt = new Date(
		Math.min(sessionExpiresAt(row, limits).getTime(), row.expiresAt.getTime())
	);
	if (now >= expiresAt) {
		await db.transaction((tx) => endSessions(tx, eq(session.id, sessionId)));
		return null;
	}
	if (renew && shouldTouch(row.lastSeenAt, now)) {
		expiresAt = sessionExpiresAt({ createdAt: row.createdAt, lastSeenAt: now }, limits);
		await db.update(session).set({ lastSeenAt: now, expiresAt }).where(eq(session.id, sessionId));
	}
	const member =
		row.clientId && row.clientSlug && row.role
			? { clientId: row.clientId, clientSlug: row.clientSlug, role: row.role }
			: null;
	const required = row.user.staffRole
		? Boolean(row.requireStaffTwoFactor)
		: member?.role === 'admin' && Boolean(row.requireAdminTwoFactor);
	return {
		sessionId,
		expiresAt,
		user: row.user,
		membership: member,
		mustEnrolTwoFactor: required && !row.twoFactorOn
	};
}

/**
 * Every way a session ends goes through here: the rows go, and in the same transaction an
 * internal event tells every node's relay to disconnect those sessions' sockets at commit.
 */
export async function endSessions(tx: Executor, which: SQL): Promise<void> {
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
