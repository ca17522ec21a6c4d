import { sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { supportCalendar, type BusinessCalendar } from '../calendar/business-calendar';
import { contractOf } from '../clients/scope';
import type { ContractSettings } from '../contracts/settings';
import type { Executor } from '../db';
import { invalid } from '../errors';

export interface ContractRules {
	settings: ContractSettings;
	support: BusinessCalendar;
	monthlyFeeCents: number;
}

/** The contract rules a report is judged by: its deadlines, calendar, reopen window. */
export async function contractRules(db: Executor, clientId: string): Promise<ContractRules> {
	const { contract, settings } = await contractOf(db, clientId);
	if (!settings) throw invalid(m.incident_contract_invalid());
	return {
		settings,
		support: supportCalendar(settings.support),
		monthlyFeeCents: contract.monthlyFeeCents
	};
}

/** Gap-free yearly sequence: the counter row is locked until the filing commits or rolls back. */
export async function nextSequence(tx: Executor, year: number): Promise<number> {
	const [row] = (await tx.execute(sql`
		insert into incident_counter (year, last) values (${year}, 1)
		on conflict (year) do update set last = incident_counter.last + 1
		returning last`)) as unknown as { last: number }[];
	return Number(row.last);
}

export const portalOrigin = () =>
	process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
