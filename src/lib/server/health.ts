import { getSql } from './db';

export async function databaseHealthy(): Promise<boolean> {
	try {
		await Promise.race([
			getSql()`select 1`,
			new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))
		]);
		return true;
	} catch {
		return false;
	}
}
