import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import type { RequestContext } from '../context';
import {
	daysUntil,
	endOfContractDates,
	localDate,
	type EndOfContractDates
} from '../contracts/end-of-contract';
import { resolveContractSettings, type ContractSettings } from '../contracts/settings';
import { getDb, type Executor } from '../db';
import { contract, user, type Client, type Contract } from '../db/schema';
import { conflict, invalid } from '../errors';
import { appendEvent } from '../live/outbox';
import { authorize } from '../policy';
import { isoDateSchema, parseInput } from '../validation';
import { clientScope, forgetClientScope, getClientInScope } from './scope';

/** How far ahead an end may be recorded: a longer notice is a typo, not a contract. */
const MAX_YEARS_AHEAD = 5;

export const contractEndInputSchema = z.strictObject({ endsOn: isoDateSchema });

/** The end-of-contract rules of a stored contract: its own, or its preset's when overrides broke. */
export function endRulesOf(row: Contract): ContractSettings['endOfContract'] | null {
	const own = resolveContractSettings(row.preset, row.overrides);
	if (own.ok) return own.settings.endOfContract;
	const preset = resolveContractSettings(row.preset, {});
	return preset.ok ? preset.settings.endOfContract : null;
}

export interface ContractEnd extends EndOfContractDates {
	clause: string;
	/** Whole days from the client's today to the destruction (0 on its day). */
	daysToDestruction: number;
	/** The end date is past where the client lives. */
	ended: boolean;
	/** An export may still be asked for (the window has not closed). */
	exportOpen: boolean;
	recordedAt: string | null;
	recordedByName: string | null;
}

/** The countdown shown to the client's users: null while no end is recorded. Pure. */
export function contractEndView(
	row: Contract,
	timeZone: string,
	now: Date,
	recordedByName: string | null = null
): ContractEnd | null {
	const rules = endRulesOf(row);
	if (!row.endsOn || !rules) return null;
	const dates = endOfContractDates(row.endsOn, rules);
	const today = localDate(now, timeZone);
	return {
		...dates,
		clause: rules.clause,
		daysToDestruction: daysUntil(dates.destroyOn, now, timeZone),
		ended: today > dates.endsOn,
		exportOpen: today <= dates.exportClosesOn,
		recordedAt: row.endRecordedAt?.toISOString() ?? null,
		recordedByName
	};
}

async function recorderName(db: Executor, row: Contract) {
	if (!row.endRecordedBy) return null;
	const [found] = await db
		.select({ name: user.name })
		.from(user)
		.where(eq(user.id, row.endRecordedBy));
	return found?.name ?? null;
}

/** The recorded end of a client's contract, for anyone who may read the client. */
export async function getContractEnd(
	ctx: RequestContext,
	slug: string,
	now = new Date()
): Promise<ContractEnd | null> {
	const { client, contract: row } = await clientScope(ctx, slug);
	if (!row.endsOn) return null;
	return contractEndView(row, client.timezone, now, await recorderName(getDb(), row));
}

/** Refuses an end whose destruction would already be past, or one years away. */
function checkEndDate(owner: Client, row: Contract, endsOn: string, now: Date) {
	const rules = endRulesOf(row);
	if (!rules) throw invalid(m.form_has_errors(), { endsOn: m.contract_end_no_rules() });
	const { destroyOn } = endOfContractDates(endsOn, rules);
	const today = localDate(now, owner.timezone);
	if (destroyOn < today)
		throw invalid(m.form_has_errors(), { endsOn: m.contract_end_destroy_past({ destroyOn }) });
	const latest = `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
	if (endsOn > latest)
		throw invalid(m.form_has_errors(), {
			endsOn: m.contract_end_too_far({ years: MAX_YEARS_AHEAD })
		});
}

/**
 * Staff record (or move) the end of a client's contract: the client's users see the end date,
 * the export window and the destruction date from then on, and the destruction job acts on it.
 */
export async function recordContractEnd(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	now = new Date()
): Promise<ContractEnd> {
	authorize(ctx, 'contract.end');
	const { endsOn } = parseInput(contractEndInputSchema, input, {
		endsOn: () => m.validation_date()
	});
	forgetClientScope(ctx);
	const after = await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const [before] = await tx
			.select()
			.from(contract)
			.where(eq(contract.clientId, owner.id))
			.for('update');
		checkEndDate(owner, before, endsOn, now);
		const [after] = await tx
			.update(contract)
			.set({
				endsOn,
				endRecordedAt: now,
				endRecordedBy: 'userId' in ctx.actor ? ctx.actor.userId : null,
				updatedAt: now
			})
			.where(eq(contract.clientId, owner.id))
			.returning();
		const view = contractEndView(after, owner.timezone, now)!;
		await recordAudit(tx, ctx, {
			action: 'contract.end_recorded',
			targetType: 'contract',
			targetId: owner.id,
			clientId: owner.id,
			before: before.endsOn ? { endsOn: before.endsOn } : null,
			after: { endsOn, exportClosesOn: view.exportClosesOn, destroyOn: view.destroyOn }
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'contract.updated',
			payload: { clientSlug: owner.slug }
		});
		return { row: after, owner };
	});
	return contractEndView(
		after.row,
		after.owner.timezone,
		now,
		await recorderName(getDb(), after.row)
	)!;
}

/** Staff withdraw a recorded end (the contract goes on): refused once there is none. */
export async function withdrawContractEnd(ctx: RequestContext, slug: string): Promise<void> {
	authorize(ctx, 'contract.end');
	forgetClientScope(ctx);
	await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const [before] = await tx
			.select()
			.from(contract)
			.where(eq(contract.clientId, owner.id))
			.for('update');
		if (!before.endsOn) throw conflict(m.contract_end_none());
		await tx
			.update(contract)
			.set({ endsOn: null, endRecordedAt: null, endRecordedBy: null, updatedAt: new Date() })
			.where(eq(contract.clientId, owner.id));
		await recordAudit(tx, ctx, {
			action: 'contract.end_withdrawn',
			targetType: 'contract',
			targetId: owner.id,
			clientId: owner.id,
			before: { endsOn: before.endsOn },
			after: null
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'contract.updated',
			payload: { clientSlug: owner.slug }
		});
	});
}
