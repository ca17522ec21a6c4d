import { sql } from 'drizzle-orm';
import { and, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { dateTimeFormat } from '$lib/intl';
import { contractOf } from '../clients/scope';
import type { ContractSettings } from '../contracts/settings';
import type { Executor } from '../db';
import { restoreRequest, type Client, type RestoreRequest } from '../db/schema';
import { invalid, notFound } from '../errors';
import { restorePolicy, type RestorePolicy } from './rules';

export interface RestoreRules {
	settings: ContractSettings;
	policy: RestorePolicy;
}

/** The contract a request is judged by; an invalid contract takes no requests. */
export async function restoreRules(db: Executor, clientId: string): Promise<RestoreRules> {
	const { settings } = await contractOf(db, clientId);
	if (!settings) throw invalid(m.restore_contract_invalid());
	return { settings, policy: restorePolicy(settings) };
}

/** Gap-free yearly sequence: the counter row is locked until the request commits or rolls back. */
export async function nextRestoreSequence(tx: Executor, year: number): Promise<number> {
	const [row] = (await tx.execute(sql`
		insert into restore_counter (year, last) values (${year}, 1)
		on conflict (year) do update set last = restore_counter.last + 1
		returning last`)) as unknown as { last: number }[];
	return Number(row.last);
}

export const yearIn = (timeZone: string, at: Date) =>
	Number(dateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));

/** A request of the client by its number; another client's number is the same 404. */
export async function restoreInScope(
	db: Executor,
	owner: Client,
	number: string,
	lock = false
): Promise<RestoreRequest> {
	const query = db
		.select()
		.from(restoreRequest)
		.where(
			and(eq(restoreRequest.clientId, owner.id), eq(restoreRequest.number, number.toUpperCase()))
		);
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw notFound();
	return row;
}
