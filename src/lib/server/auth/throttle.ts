import { inArray, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { loginThrottle } from '../db/schema';
import {
	delayAfterFailures,
	FREE_ACCOUNT_FAILURES,
	FREE_IP_FAILURES,
	RESET_AFTER_SECONDS,
	retryAfterSeconds
} from './throttle-rules';

function keys(email: string, ip: string | null) {
	const account = `account:${email.trim().toLowerCase()}`;
	return ip ? { account, ip: `ip:${ip}` } : { account };
}

/** Seconds to wait before this sign-in may even be checked; 0 when it may go ahead. */
export async function loginRetryAfter(email: string, ip: string | null): Promise<number> {
	const k = keys(email, ip);
	const rows = await getDb()
		.select()
		.from(loginThrottle)
		.where(inArray(loginThrottle.key, Object.values(k)));
	const now = new Date();
	return Math.max(0, ...rows.map((r) => retryAfterSeconds(r.blockedUntil, now)));
}

/** Counted in the database so that every app node sees the same counters. */
export async function recordLoginFailure(email: string, ip: string | null): Promise<void> {
	const k = keys(email, ip);
	const db = getDb();
	for (const [kind, key] of Object.entries(k)) {
		const free = kind === 'ip' ? FREE_IP_FAILURES : FREE_ACCOUNT_FAILURES;
		const [row] = await db
			.insert(loginThrottle)
			.values({ key, failures: 1, updatedAt: new Date() })
			.onConflictDoUpdate({
				target: loginThrottle.key,
				set: {
					failures: sql`case when ${loginThrottle.updatedAt} < now() - make_interval(secs => ${RESET_AFTER_SECONDS}) then 1 else ${loginThrottle.failures} + 1 end`,
					updatedAt: sql`now()`
				}
			})
			.returning({ failures: loginThrottle.failures });
		const delay = delayAfterFailures(row.failures, free);
		if (delay > 0) {
			await db
				.update(loginThrottle)
				.set({ blockedUntil: sql`now() + make_interval(secs => ${delay})` })
				.where(sql`${loginThrottle.key} = ${key}`);
		}
	}
}

export async function clearLoginFailures(email: string): Promise<void> {
	await getDb()
		.delete(loginThrottle)
		.where(inArray(loginThrottle.key, [keys(email, null).account]));
}
