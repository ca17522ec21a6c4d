import { lt, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { session, twoFactorChallenge } from '../db/schema';
import type { PeriodicJob } from '../jobs/registry';
import { endSessions } from './session';

/** Sessions past their expiry and abandoned second steps are deleted (their sockets go too). */
export async function sweepExpiredSessions(): Promise<void> {
	await getDb().transaction(async (tx) => {
		await endSessions(tx, lt(session.expiresAt, sql`now()`));
		await tx.delete(twoFactorChallenge).where(lt(twoFactorChallenge.expiresAt, sql`now()`));
	});
}

export function authJobs(): PeriodicJob[] {
	return [{ name: 'session sweep', intervalMs: 600_000, lockKey: 13, run: sweepExpiredSessions }];
}
