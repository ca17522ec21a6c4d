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
import { client, contract, user, type Client, type Contract } from '../db/schema';
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
	owner: Client,
	row: Contract,
	now: Date,
	recordedByName: string | null = null
): ContractEnd | null {
	const rules = endRulesOf(row);
	if (!owner.contractEndsOn || !rules) return null;
	const dates = endOfContractDates(owner.contractEndsOn, rules);
	const today = localDate(now, owner.timezone);
	return {
		...dates,
		clause: rules.clause,
		daysToDestruction: daysUntil(dates.destroyOn, now, owner.timezone),
		ended: today > dates.endsOn,
		exportOpen: today <= dates.exportClosesOn,
		recordedAt: owner.contractEndRecordedAt?.toISOString() ?? null,
		recordedByName
	};
}

async function recorderName(db: Executor, owner: Client) {
	if (!owner.contractEndRecordedBy) return null;
	const [found] = await db
		.select({ name: user.name })
		.from(user)
		.where(eq(user.id, owner.contractEndRecordedBy));
	return found?.name ?? null;
}

/**
 * The recorded end of a client's contract, for anyone who may read the client. The client row
 * says whether there is one: only then are the contract's rules and the recorder read.
 */
export async function getContractEnd(
	ctx: RequestContext,
	slug: string,
	now = new Date()
): Promise<ContractEnd | null> {
	const owner = await getClientInScope(getDb(), ctx, slug);
	if (!owner.contractEndsOn) return null;
	const { contract: row } = await clientScope(ctx, slug);
	return contractEndView(owner, row, now, await recorderName(getDb(), owner));
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

/** The client's row and contract, locked: two staff recording an end do it one after the other. */
async function lockedEnd(tx: Executor, ctx: RequestContext, slug: string) {
	const gated = await getClientInScope(tx, ctx, slug);
	const [locked] = await tx
		.select({ client, contract })
		.from(client)
		.innerJoin(contract, eq(contract.clientId, client.id))
		.where(eq(client.id, gated.id))
		.for('update');
	return locked;
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
	const recorded = await getDb().transaction(async (tx) => {
		const before = await lockedEnd(tx, ctx, slug);
		checkEndDate(before.client, before.contract, endsOn, now);
		const [after] = await tx
			.update(client)
			.set({
				contractEndsOn: endsOn,
				contractEndRecordedAt: now,
				contractEndRecordedBy: 'userId' in ctx.actor ? ctx.actor.userId : null,
				updatedAt: now
			})
			.where(eq(client.id, before.client.id))
			.returning();
		const view = contractEndView(after, before.contract, now)!;
		await recordAudit(tx, ctx, {
			action: 'contract.end_recorded',
			targetType: 'contract',
			targetId: after.id,
			clientId: after.id,
			before: before.client.contractEndsOn ? { endsOn: before.client.contractEndsOn } : null,
			after: { endsOn, exportClosesOn: view.exportClosesOn, destroyOn: view.destroyOn }
		});
		await appendEvent(tx, {
			clientId: after.id,
			kind: 'contract.updated',
			payload: { clientSlug: after.slug }
		});
		return { owner: after, row: before.contract };
	});
	return contractEndView(
		recorded.owner,
		recorded.row,
		now,
		await recorderName(getDb(), recorded.owner)
	)!;
}

/** Staff withdraw a recorded end (the contract goes on): refused once there is none. */
export async function withdrawContractEnd(ctx: RequestContext, slug: string): Promise<void> {
	authorize(ctx, 'contract.end');
	forgetClientScope(ctx);
	await getDb().transaction(async (tx) => {
		const { client: before } = await lockedEnd(tx, ctx, slug);
		if (!before.contractEndsOn) throw conflict(m.contract_end_none());
		await tx
			.update(client)
			.set({
				contractEndsOn: null,
				contractEndRecordedAt: null,
				contractEndRecordedBy: null,
				updatedAt: new Date()
			})
			.where(eq(client.id, before.id));
		await recordAudit(tx, ctx, {
			action: 'contract.end_withdrawn',
			targetType: 'contract',
			targetId: before.id,
			clientId: before.id,
			before: { endsOn: before.contractEndsOn },
			after: null
		});
		await appendEvent(tx, {
			clientId: before.id,
			kind: 'contract.updated',
			payload: { clientSlug: before.slug }
		});
	});
}
