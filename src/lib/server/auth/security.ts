import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { actorUserId, type RequestContext } from '../context';
import { getDb } from '../db';
import { session, user } from '../db/schema';
import { invalid, notFound, unauthenticated } from '../errors';
import { parseNewPassword, ThrottledError } from './account';
import { hashPassword, PASSWORD_MAX_LENGTH, verifyPassword } from './password';
import { endSessions } from './session';
import { beginLoginAttempt, loginSucceeded } from './throttle';
import { revokeUserTokens } from './user-tokens';
import { describeUserAgent } from './user-agent';

/** The signed-in person acting on their own account, with the session they act from. */
export interface AccountContext {
	ctx: RequestContext;
	sessionId: string;
}

function ownUserId(ctx: RequestContext): string {
	if (ctx.actor.kind === 'anonymous') throw unauthenticated();
	const id = actorUserId(ctx);
	if (!id) throw notFound();
	return id;
}

export async function listSessions({ ctx, sessionId }: AccountContext) {
	const rows = await getDb()
		.select({
			id: session.id,
			createdAt: session.createdAt,
			lastSeenAt: session.lastSeenAt,
			ip: session.ip,
			userAgent: session.userAgent
		})
		.from(session)
		.where(eq(session.userId, ownUserId(ctx)))
		.orderBy(desc(session.lastSeenAt));
	// The session id is the token's hash: the page names sessions by a short prefix of it.
	return rows.map(({ id, userAgent, ...rest }) => ({
		...rest,
		key: id.slice(0, 16),
		current: id === sessionId,
		device: describeUserAgent(userAgent)
	}));
}

const sessionKeySchema = z.string().regex(/^[0-9a-f]{16}$/);

/** Ends one of the person's own sessions (its sockets go at commit); another's session is a 404. */
export async function endOwnSession({ ctx }: AccountContext, key: string) {
	const userId = ownUserId(ctx);
	if (!sessionKeySchema.safeParse(key).success) throw notFound();
	await getDb().transaction(async (tx) => {
		const [found] = await tx
			.select({ id: session.id })
			.from(session)
			.where(eq(session.userId, userId))
			.then((rows) => rows.filter((r) => r.id.startsWith(key)));
		if (!found) throw notFound();
		await endSessions(tx, eq(session.id, found.id));
		await recordAudit(tx, ctx, { action: 'session.ended', targetType: 'user', targetId: userId });
	});
}

export async function endOtherSessions({ ctx, sessionId }: AccountContext) {
	const userId = ownUserId(ctx);
	await getDb().transaction(async (tx) => {
		await endSessions(tx, and(eq(session.userId, userId), ne(session.id, sessionId))!);
		await recordAudit(tx, ctx, {
			action: 'session.others_ended',
			targetType: 'user',
			targetId: userId
		});
	});
}

const currentPasswordSchema = z.object({ current: z.string().max(PASSWORD_MAX_LENGTH) });

/**
 * The current password is checked like a sign-in (same throttle, so a stolen session cannot guess
 * it); on success every other session ends and this one stays.
 */
export async function changePassword({ ctx, sessionId }: AccountContext, input: unknown) {
	const userId = ownUserId(ctx);
	const current = currentPasswordSchema.safeParse(input);
	const password = parseNewPassword(
		input,
		current.success ? {} : { current: m.account_current_password_wrong() }
	);
	const [row] = await getDb().select().from(user).where(eq(user.id, userId));
	if (!row) throw notFound();
	const begun = await beginLoginAttempt(row.email, ctx.ip);
	if ('retryAfter' in begun) throw new ThrottledError(begun.retryAfter);
	if (!(await verifyPassword(row.passwordHash, current.data!.current)))
		throw invalid(m.account_current_password_wrong(), {
			current: m.account_current_password_wrong()
		});
	await loginSucceeded(begun.attempt);
	const passwordHash = await hashPassword(password);
	await getDb().transaction(async (tx) => {
		await tx.update(user).set({ passwordHash }).where(eq(user.id, userId));
		await revokeUserTokens(tx, userId, 'password_reset');
		await endSessions(tx, and(eq(session.userId, userId), ne(session.id, sessionId))!);
		await recordAudit(tx, ctx, {
			action: 'user.password_changed',
			targetType: 'user',
			targetId: userId
		});
	});
}
