import { inArray, sql } from 'drizzle-orm';
import { getDb, rowsOf, type Executor } from '../db';
import { loginThrottle } from '../db/schema';
import {
	delayAfterFailures,
	FREE_ACCOUNT_FAILURES,
	FREE_IP_FAILURES,
	RESET_AFTER_SECONDS,
	RESET_MAILS_PER_ACCOUNT,
	RESET_MAILS_PER_IP,
	RESET_MAIL_WINDOW_SECONDS,
	retryAfterSeconds
} from './throttle-rules';

function keys(email: string, ip: string | null) {
	const account = `account:${email.trim().toLowerCase()}`;
	return ip ? { account, ip: `ip:${ip}` } : { account };
}

/** What a sign-in attempt reserved: every key was counted as a failure before the password was checked. */
export interface LoginAttempt {
	email: string;
	/** The address counter, to give back when the attempt succeeds (a success is no failure). */
	ip: { key: string; previousBlockedUntil: Date | null; blockedUntil: Date | null } | null;
}

/**
 * Check and count in one transaction, under a row lock on every key: concurrent attempts queue on the
 * lock, so the Nth concurrent attempt sees the N-1 before it and waits exactly as the Nth sequential one.
 * Returns the seconds to wait (nothing counted), or the attempt, counted as a failure until it succeeds.
 */
export async function beginLoginAttempt(
	email: string,
	ip: string | null
): Promise<{ retryAfter: number } | { attempt: LoginAttempt }> {
	const k = keys(email, ip);
	const sorted = Object.values(k).sort();
	return getDb().transaction(async (tx) => {
		await tx
			.insert(loginThrottle)
			.values(sorted.map((key) => ({ key, failures: 0 })))
			.onConflictDoNothing();
		const rows = await tx
			.select()
			.from(loginThrottle)
			.where(inArray(loginThrottle.key, sorted))
			.orderBy(loginThrottle.key)
			.for('update');
		// The database clock once the locks are held (now() is the transaction's start, maybe before the wait).
		const now = await databaseClock(tx);
		const wait = Math.max(0, ...rows.map((r) => retryAfterSeconds(r.blockedUntil, now)));
		if (wait > 0) return { retryAfter: wait };
		const attempt: LoginAttempt = { email, ip: null };
		for (const row of rows) {
			const stale = row.updatedAt.getTime() < now.getTime() - RESET_AFTER_SECONDS * 1000;
			const failures = stale ? 1 : row.failures + 1;
			const free = row.key === k.ip ? FREE_IP_FAILURES : FREE_ACCOUNT_FAILURES;
			const delay = delayAfterFailures(failures, free);
			const blockedUntil = delay > 0 ? new Date(now.getTime() + delay * 1000) : row.blockedUntil;
			await tx
				.update(loginThrottle)
				.set({ failures, updatedAt: now, blockedUntil })
				.where(sql`${loginThrottle.key} = ${row.key}`);
			if (row.key === k.ip) {
				attempt.ip = {
					key: row.key,
					previousBlockedUntil: row.blockedUntil,
					blockedUntil: delay > 0 ? blockedUntil : null
				};
			}
		}
		return { attempt };
	});
}

async function databaseClock(tx: Executor): Promise<Date> {
	const [row] = rowsOf<{ ms: number }>(
		await tx.execute(sql`select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`)
	);
	return new Date(Math.floor(Number(row.ms)));
}

/**
 * A successful sign-in clears the account's counter and gives back what it took from the address:
 * one failure, and the delay it set if nobody has changed it since.
 */
export async function loginSucceeded(attempt: LoginAttempt): Promise<void> {
	await getDb().transaction(async (tx) => {
		await tx
			.delete(loginThrottle)
			.where(inArray(loginThrottle.key, [keys(attempt.email, null).account]));
		const ip = attempt.ip;
		if (!ip) return;
		await tx
			.update(loginThrottle)
			.set({
				failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
				...(ip.blockedUntil
					? {
							blockedUntil: sql`case when ${loginThrottle.blockedUntil} = ${ip.blockedUntil.toISOString()}::timestamptz then ${ip.previousBlockedUntil?.toISOString() ?? null}::timestamptz else ${loginThrottle.blockedUntil} end`
						}
					: {})
			})
			.where(sql`${loginThrottle.key} = ${ip.key}`);
	});
}

/**
 * Counts a forgot-password request against the account and the address, in fixed one-hour windows
 * (the window opens at its first request, kept in `updated_at`). True when a mail may go out.
 * Counted whether or not the account exists, so the answer reveals nothing.
 */
export async function takePasswordResetAllowance(
	email: string,
	ip: string | null
): Promise<boolean> {
	const limits: [string, number][] = [
		[`reset:account:${email.trim().toLowerCase()}`, RESET_MAILS_PER_ACCOUNT]
	];
	if (ip) limits.push([`reset:ip:${ip}`, RESET_MAILS_PER_IP]);
	limits.sort(([a], [b]) => (a < b ? -1 : 1));
	return getDb().transaction(async (tx) => {
		let allowed = true;
		for (const [key, limit] of limits) {
			const expired = sql`${loginThrottle.updatedAt} <= now() - make_interval(secs => ${RESET_MAIL_WINDOW_SECONDS})`;
			const [row] = await tx
				.insert(loginThrottle)
				.values({ key, failures: 1, updatedAt: sql`now()` })
				.onConflictDoUpdate({
					target: loginThrottle.key,
					set: {
						failures: sql`case when ${expired} then 1 else ${loginThrottle.failures} + 1 end`,
						updatedAt: sql`case when ${expired} then now() else ${loginThrottle.updatedAt} end`
					}
				})
				.returning({ count: loginThrottle.failures });
			if (row.count > limit) allowed = false;
		}
		return allowed;
	});
}
