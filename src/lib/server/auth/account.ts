import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { RequestContext } from '../context';
import { recordAudit } from '../audit/audit';
import { getDb } from '../db';
import { membership, client, user } from '../db/schema';
import { invalid, ServiceError } from '../errors';
import { nudgeMailQueue, queueMail } from '../mail/mailer';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './password';
import { createSession, invalidateUserSessions } from './session';
import { beginLoginAttempt, loginSucceeded, takePasswordResetAllowance } from './throttle';
import { createChallenge, isTwoFactorEnabled } from './two-factor';
import { consumeUserToken, issueUserToken, peekUserToken, revokeUserTokens } from './user-tokens';

type Locale = 'fr' | 'en';

export const signInSchema = z.object({
	email: z.string().trim().max(254),
	password: z.string().max(PASSWORD_MAX_LENGTH)
});

export const newPasswordSchema = z
	.object({
		password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'] });

export class ThrottledError extends ServiceError {
	constructor(readonly retryAfter: number) {
		super('throttled', 429, m.auth_throttled({ seconds: retryAfter }));
	}
}

async function findUserByEmail(email: string) {
	const [row] = await getDb()
		.select()
		.from(user)
		.where(sql`lower(${user.email}) = ${email.trim().toLowerCase()}`);
	return row;
}

/** Where a signed-in person lands: staff console, their client's home, or a no-access page. */
export async function landingPath(userId: string): Promise<string> {
	const [row] = await getDb()
		.select({ staffRole: user.staffRole, slug: client.slug })
		.from(user)
		.leftJoin(membership, eq(membership.userId, user.id))
		.leftJoin(client, eq(client.id, membership.clientId))
		.where(eq(user.id, userId));
	if (row?.staffRole) return '/staff';
	if (row?.slug) return `/app/${row.slug}`;
	return '/no-access';
}

/**
 * One message for an unknown e-mail and a wrong password, and the same argon2 cost for both;
 * refused outright while the account or the address is in a growing delay.
 */
/** The password was right and the account has two-factor sign-in: the second step comes next. */
export class SecondFactorRequired extends Error {
	constructor(
		readonly token: string,
		readonly expiresAt: Date
	) {
		super('second factor required');
	}
}

export async function signIn(
	input: unknown,
	ip: string | null,
	userAgent: string | null = null,
	redirectTo: string | null = null
) {
	const parsed = signInSchema.safeParse(input);
	if (!parsed.success) throw invalid(m.auth_invalid_credentials());
	const { email, password } = parsed.data;
	// Checked and counted at once (a row lock), so concurrent guesses queue like sequential ones.
	const begun = await beginLoginAttempt(email, ip);
	if ('retryAfter' in begun) throw new ThrottledError(begun.retryAfter);
	const found = await findUserByEmail(email);
	const ok = await verifyPassword(found?.passwordHash ?? null, password);
	if (!found || !ok) throw invalid(m.auth_invalid_credentials());
	await loginSucceeded(begun.attempt);
	if (await isTwoFactorEnabled(getDb(), found.id)) {
		const challenge = await createChallenge(found.id, redirectTo);
		throw new SecondFactorRequired(challenge.token, challenge.expiresAt);
	}
	const created = await createSession(getDb(), found.id, ip, userAgent);
	return { ...created, userId: found.id, landing: await landingPath(found.id) };
}

/**
 * Answers the same whether or not the account exists, and whether or not the request was over its limit
 * (a few mails per account and per address each hour, counted in the login throttle store).
 */
export async function requestPasswordReset(
	email: string,
	origin: string,
	locale: Locale,
	ip: string | null
) {
	if (!(await takePasswordResetAllowance(email, ip))) return;
	const found = await findUserByEmail(email);
	if (!found?.passwordHash) return;
	await getDb().transaction(async (tx) => {
		const token = await issueUserToken(tx, found.id, 'password_reset');
		const lang = found.locale ?? locale;
		await queueMail(tx, {
			to: found.email,
			subject: m.mail_reset_subject({}, { locale: lang }),
			text: m.mail_reset_body(
				{ name: found.name, link: `${origin}/reset-password/${token}` },
				{ locale: lang }
			)
		});
	});
	nudgeMailQueue();
}

export async function isUsableToken(token: string, purpose: 'password_reset' | 'invitation') {
	return (await peekUserToken(getDb(), token, purpose)) !== null;
}

/**
 * The new password of a reset, an invitation or a change, with its rules' messages; `issues`
 * found on the caller's other fields are refused in the same answer.
 */
export function parseNewPassword(input: unknown, issues: Record<string, string> = {}): string {
	const parsed = newPasswordSchema.safeParse(input);
	const fields = { ...issues };
	for (const issue of parsed.error?.issues ?? []) {
		const field = String(issue.path[0] ?? 'password');
		fields[field] =
			field === 'confirm'
				? m.auth_password_mismatch()
				: m.auth_password_rules({ min: PASSWORD_MIN_LENGTH });
	}
	if (!parsed.success || Object.keys(fields).length > 0) throw invalid(m.form_has_errors(), fields);
	return parsed.data.password;
}

/** Sets a new password from a single-use link, and signs out every other session. */
export async function resetPassword(token: string, input: unknown, ip: string | null) {
	const password = parseNewPassword(input);
	const passwordHash = await hashPassword(password);
	return getDb().transaction(async (tx) => {
		const userId = await consumeUserToken(tx, token, 'password_reset');
		if (!userId) throw invalid(m.auth_link_invalid());
		await tx.update(user).set({ passwordHash }).where(eq(user.id, userId));
		// Every other reset link of the account dies with this one.
		await revokeUserTokens(tx, userId, 'password_reset');
		await invalidateUserSessions(tx, userId);
		await recordAudit(
			tx,
			{ actor: { kind: 'anonymous' }, ip },
			{
				action: 'user.password_reset',
				targetType: 'user',
				targetId: userId
			}
		);
		// A reset link proves the mailbox, not the second factor: that step still comes.
		if (await isTwoFactorEnabled(tx, userId)) {
			const challenge = await createChallenge(userId, null, tx);
			return {
				challenge,
				token: null,
				expiresAt: challenge.expiresAt,
				landing: '/login/two-factor'
			};
		}
		return {
			...(await createSession(tx, userId, ip)),
			challenge: null,
			landing: await landingPath(userId)
		};
	});
}

/** The invited person chooses a password; the link then stops working. */
export async function acceptInvitation(token: string, input: unknown, ip: string | null) {
	const password = parseNewPassword(input);
	const passwordHash = await hashPassword(password);
	const session = await getDb().transaction(async (tx) => {
		const userId = await consumeUserToken(tx, token, 'invitation');
		if (!userId) throw invalid(m.auth_link_invalid());
		await tx.update(user).set({ passwordHash }).where(eq(user.id, userId));
		// Choosing a password is a password change: no older link may replace it.
		await revokeUserTokens(tx, userId, 'password_reset');
		await revokeUserTokens(tx, userId, 'invitation');
		const ctx: RequestContext = { actor: { kind: 'anonymous' }, ip };
		await recordAudit(tx, ctx, {
			action: 'user.invitation_accepted',
			targetType: 'user',
			targetId: userId
		});
		return { ...(await createSession(tx, userId, ip)), userId };
	});
	return { ...session, landing: await landingPath(session.userId) };
}

export async function setUserLocale(userId: string, locale: Locale) {
	await getDb().update(user).set({ locale }).where(eq(user.id, userId));
}
