import { and, count, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { createTOTPKeyURI } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import QRCode from 'qrcode';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { actorUserId, type RequestContext } from '../context';
import { getDb, type Executor } from '../db';
import { recoveryCode, twoFactorChallenge, user, userTwoFactor } from '../db/schema';
import { conflict, invalid, notFound, unauthenticated } from '../errors';
import { ThrottledError } from './account';
import { generateSecret, hashSecret } from './crypto';
import { beginLoginAttempt, loginSucceeded } from './throttle';
import { acceptedStep, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from './totp-rules';

const ISSUER = 'Portail';
const RECOVERY_CODES = 10;
const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;
export const CHALLENGE_COOKIE = 'portal_2fa';

/** The second step's cookie: HttpOnly, only sent to the second-step page. */
export function challengeCookieOptions(url: URL, expires: Date) {
	return {
		path: '/login/two-factor',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		expires
	};
}

function ownUserId(ctx: RequestContext): string {
	if (ctx.actor.kind === 'anonymous') throw unauthenticated();
	const id = actorUserId(ctx);
	if (!id) throw notFound();
	return id;
}

async function twoFactorOf(db: Executor, userId: string) {
	const [row] = await db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, userId));
	return row;
}

export async function isTwoFactorEnabled(db: Executor, userId: string): Promise<boolean> {
	return Boolean((await twoFactorOf(db, userId))?.confirmedAt);
}

/** What the account page shows: enabled or not, and a pending enrolment's secret and QR code. */
export async function getTwoFactorState(ctx: RequestContext) {
	const userId = ownUserId(ctx);
	const db = getDb();
	const row = await twoFactorOf(db, userId);
	if (row?.confirmedAt) {
		const [left] = await db
			.select({ n: count() })
			.from(recoveryCode)
			.where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));
		return { enabled: true as const, since: row.confirmedAt, recoveryLeft: left.n, pending: null };
	}
	if (!row) return { enabled: false as const, pending: null };
	const [person] = await db.select({ email: user.email }).from(user).where(eq(user.id, userId));
	const uri = createTOTPKeyURI(
		ISSUER,
		person.email,
		decodeBase32IgnorePadding(row.secret),
		TOTP_PERIOD_SECONDS,
		TOTP_DIGITS
	);
	return {
		enabled: false as const,
		pending: { secret: row.secret, qr: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) }
	};
}

/** A new secret, shown until confirmed by a first code; a fresh start replaces an unconfirmed one. */
export async function startEnrolment(ctx: RequestContext) {
	const userId = ownUserId(ctx);
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	const secret = encodeBase32UpperCaseNoPadding(key);
	await getDb().transaction(async (tx) => {
		if (await isTwoFactorEnabled(tx, userId)) throw conflict(m.two_factor_already_on());
		await tx
			.insert(userTwoFactor)
			.values({ userId, secret })
			.onConflictDoUpdate({
				target: userTwoFactor.userId,
				set: { secret, lastUsedStep: null, createdAt: new Date() }
			});
	});
}

/** Accepts a TOTP code once: the step is recorded in the same statement that checks it is new. */
async function consumeTotp(tx: Executor, userId: string, code: string): Promise<boolean> {
	const row = await twoFactorOf(tx, userId);
	if (!row) return false;
	const step = acceptedStep(
		decodeBase32IgnorePadding(row.secret),
		code.replace(/\s/g, ''),
		Date.now(),
		row.lastUsedStep
	);
	if (step === null) return false;
	const updated = await tx
		.update(userTwoFactor)
		.set({ lastUsedStep: step })
		.where(
			and(
				eq(userTwoFactor.userId, userId),
				or(isNull(userTwoFactor.lastUsedStep), lt(userTwoFactor.lastUsedStep, step))
			)
		)
		.returning({ userId: userTwoFactor.userId });
	return updated.length === 1;
}

function newRecoveryCode(): string {
	const raw = generateSecret().slice(0, 10);
	return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

const normaliseRecovery = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

/** Throttled like a sign-in, on a key of its own: a guessed code costs growing delays. */
async function throttled<T>(userId: string, ip: string | null, run: () => Promise<T | null>) {
	const begun = await beginLoginAttempt(`2fa:${userId}`, ip);
	if ('retryAfter' in begun) throw new ThrottledError(begun.retryAfter);
	const result = await run();
	if (result === null)
		throw invalid(m.two_factor_code_wrong(), { code: m.two_factor_code_wrong() });
	await loginSucceeded(begun.attempt);
	return result;
}

/** Confirms the enrolment with a first code; returns the 10 recovery codes, shown this once. */
export async function confirmEnrolment(ctx: RequestContext, code: string): Promise<string[]> {
	const userId = ownUserId(ctx);
	return throttled(userId, ctx.ip, () =>
		getDb().transaction(async (tx) => {
			const row = await twoFactorOf(tx, userId);
			if (!row || row.confirmedAt) throw conflict(m.two_factor_no_enrolment());
			if (!(await consumeTotp(tx, userId, code))) return null;
			await tx
				.update(userTwoFactor)
				.set({ confirmedAt: new Date() })
				.where(eq(userTwoFactor.userId, userId));
			const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
			await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
			await tx
				.insert(recoveryCode)
				.values(codes.map((c) => ({ userId, codeHash: hashSecret(normaliseRecovery(c)) })));
			await recordAudit(tx, ctx, {
				action: 'user.two_factor_enabled',
				targetType: 'user',
				targetId: userId
			});
			return codes;
		})
	);
}

/** Turning 2FA off needs a fresh code from the authenticator. */
export async function disableTwoFactor(ctx: RequestContext, code: string) {
	const userId = ownUserId(ctx);
	await throttled(userId, ctx.ip, () =>
		getDb().transaction(async (tx) => {
			if (!(await isTwoFactorEnabled(tx, userId))) throw conflict(m.two_factor_not_on());
			if (!(await consumeTotp(tx, userId, code))) return null;
			await tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, userId));
			await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
			await recordAudit(tx, ctx, {
				action: 'user.two_factor_disabled',
				targetType: 'user',
				targetId: userId
			});
			return true;
		})
	);
}

/** The half-session after the password: a token for the second step only, 10 minutes. */
export async function createChallenge(
	userId: string,
	redirectTo: string | null,
	db: Executor = getDb()
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSecret();
	const expiresAt = new Date(Date.now() + CHALLENGE_LIFETIME_MS);
	await db
		.insert(twoFactorChallenge)
		.values({ id: hashSecret(token), userId, redirectTo, expiresAt });
	return { token, expiresAt };
}

export async function findChallenge(token: string | undefined) {
	if (!token) return null;
	const [row] = await getDb()
		.select()
		.from(twoFactorChallenge)
		.where(
			and(
				eq(twoFactorChallenge.id, hashSecret(token)),
				sql`${twoFactorChallenge.expiresAt} > now()`
			)
		);
	return row ?? null;
}

/**
 * The second step: a TOTP code (never twice) or an unused recovery code (then spent). On success
 * the challenge is gone and the caller opens the session in the returned transaction's commit.
 */
export async function passChallenge(
	token: string | undefined,
	code: string,
	ip: string | null,
	open: (tx: Executor, userId: string) => Promise<void>
): Promise<{ userId: string; redirectTo: string | null }> {
	const challenge = await findChallenge(token);
	if (!challenge) throw invalid(m.two_factor_expired());
	return throttled(challenge.userId, ip, () =>
		getDb().transaction(async (tx) => {
			const userId = challenge.userId;
			let how: 'totp' | 'recovery' = 'totp';
			if (!(await consumeTotp(tx, userId, code))) {
				const spent = await tx
					.update(recoveryCode)
					.set({ usedAt: new Date() })
					.where(
						and(
							eq(recoveryCode.userId, userId),
							eq(recoveryCode.codeHash, hashSecret(normaliseRecovery(code))),
							isNull(recoveryCode.usedAt)
						)
					)
					.returning({ id: recoveryCode.id });
				if (spent.length === 0) return null;
				how = 'recovery';
			}
			const gone = await tx
				.delete(twoFactorChallenge)
				.where(eq(twoFactorChallenge.id, challenge.id))
				.returning({ id: twoFactorChallenge.id });
			if (gone.length === 0) return null;
			await open(tx, userId);
			await recordAudit(
				tx,
				{ actor: { kind: 'anonymous' }, ip },
				{ action: `user.second_factor_${how}`, targetType: 'user', targetId: userId }
			);
			return { userId, redirectTo: challenge.redirectTo };
		})
	);
}
