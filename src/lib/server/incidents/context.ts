import { and, eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { supportCalendar, type BusinessCalendar } from '../calendar/business-calendar';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { resolveContractSettings, type ContractSettings } from '../contracts/settings';
import type { Executor } from '../db';
import { contract, incident, type Client, type Incident } from '../db/schema';
import { invalid, notFound } from '../errors';

export interface ContractRules {
	settings: ContractSettings;
	support: BusinessCalendar;
	monthlyFeeCents: number;
}

/** The contract rules a report is judged by: its deadlines, calendar, reopen window. */
export async function contractRules(db: Executor, clientId: string): Promise<ContractRules> {
	const [row] = await db.select().from(contract).where(eq(contract.clientId, clientId));
	const resolved = row ? resolveContractSettings(row.preset, row.overrides) : null;
	if (!resolved?.ok) throw invalid(m.incident_contract_invalid());
	return { settings: resolved.settings, support: supportCalendar(resolved.settings.support), monthlyFeeCents: row.monthlyFeeCents };
}

/** The tenant gate, then the report by number; another client's number is the same 404. */
export async function incidentInScope(
	db: Executor,
	ctx: RequestContext,
	slug: string,
	number: string,
	lock = false
): Promise<{ client: Client; incident: Incident }> {
	const found = await getClientInScope(db, ctx, slug);
	const query = db
		.select()
		.from(incident)
		.where(and(eq(incident.clientId, found.id), eq(incident.number, number.toUpperCase())));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw notFound();
	return { client: found, incident: row };
}

/** Gap-free yearly sequence: the counter row is locked until the filing commits or rolls back. */
export async function nextSequence(tx: Executor, year: number): Promise<number> {
	const [row] = (await tx.execute(sql`
		insert into incident_counter (year, last) values (${year}, 1)
		on conflict (year) do update set last = incident_counter.last + 1
		returning last`)) as unknown as { last: number }[];
	return Number(row.last);
}

export const portalOrigin = () => process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
