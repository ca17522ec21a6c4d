import { createHash } from 'node:crypto';
import { and, eq, gte, lt, min } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { contractOf, getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { authorize, can } from '../policy';
import type { ContractSettings } from '../contracts/settings';
import { getDb, type Executor } from '../db';
import { component, incident, slaPeriod, statusInterval, type Client } from '../db/schema';
import { forbidden, invalid, notFound } from '../errors';
import { appendEvent } from '../live/outbox';
import { dateIn } from '../calendar/dates';
import { parseInput } from '../validation';
import { computeSla } from './availability';
import { monthGtr } from './gtr';
import { canonicalJson, inputsHash } from './hash';
import { jsonCopy } from './json-copy';
import {
	beforeCommissioning,
	inputAsOf,
	monthPeriod,
	periodFor,
	periodStatus,
	reportPeriods,
	type PeriodStatus
} from './period';
import { loadSlaInput } from './reader';
import type { SlaPeriod, SlaReport } from './types';

type Jsonify<T> = T extends Date
	? string
	: T extends readonly (infer U)[]
		? Jsonify<U>[]
		: T extends object
			? { [K in keyof T]: Jsonify<T[K]> }
			: T;
export type SlaReportJson = Jsonify<SlaReport>;

/** A month between 2000 and 2100: anything else is a typing mistake, never a period to compute or freeze. */
export const MONTH = /^(20\d\d|2100)-(0[1-9]|1[0-2])$/;
const toJson = (report: SlaReport) => jsonCopy(report) as SlaReportJson;
/** The engine's figures plus the month's restoration-time penalties (001 §5.2), frozen together. */
export type SlaFigures = SlaReportJson & { gtr: ReturnType<typeof monthGtr> };

interface Target {
	client: Client;
	settings: ContractSettings;
	preset: string;
	monthlyFeeCents: number;
}

async function targetOf(db: Executor, client: Client): Promise<Target> {
	const { contract, settings } = await contractOf(db, client.id);
	if (!settings) throw invalid(m.incident_contract_invalid());
	return { client, settings, preset: contract.preset, monthlyFeeCents: contract.monthlyFeeCents };
}

export function currentMonth(timeZone: string, now = new Date()): string {
	return dateIn(timeZone, now).slice(0, 7);
}

/** A frozen record is keyed by the period it covers: the month, or the contract year's first month. */
function periodKey(period: SlaPeriod, timeZone: string): string {
	const first = dateIn(timeZone, period.start).slice(0, 7);
	return period.kind === 'month' ? first : `year-${first}`;
}

/** A period closes `closeAfterDays` after its end (late qualifications), then its figures freeze. */
function isClosed(period: SlaPeriod, settings: ContractSettings, now: Date): boolean {
	return now.getTime() >= period.end.getTime() + settings.sla.closeAfterDays * 86_400_000;
}

async function compute(db: Executor, target: Target, period: SlaPeriod, now: Date) {
	const input = await loadSlaInput(
		db,
		{
			clientId: target.client.id,
			timeZone: target.client.timezone,
			settings: target.settings,
			monthlyFeeCents: target.monthlyFeeCents
		},
		period,
		now
	);
	const restored = await db
		.select()
		.from(incident)
		.where(
			and(
				eq(incident.clientId, target.client.id),
				gte(incident.resolvedAt, period.start),
				lt(incident.resolvedAt, period.end)
			)
		);
	const gtr = monthGtr(restored, target.settings, target.monthlyFeeCents);
	const restoredInputs = canonicalJson(
		restored.map((r) => [r.number, r.reportedAt, r.resolvedAt, r.qualification, r.cause])
	);
	const hash = createHash('sha256').update(inputsHash(input)).update(restoredInputs).digest('hex');
	// No timeline at all (before monitoring began): nothing to judge, and nothing to freeze.
	return {
		report: { ...toJson(computeSla(input)), gtr },
		hash,
		noData: input.intervals.length === 0,
		input
	};
}

/** The calendar month's own figures beside a longer contract period: always computed live, never frozen. */
export interface SlaMonthFigures {
	period: { kind: 'month'; start: string; end: string; evaluatedUntil: string; complete: boolean };
	status: PeriodStatus;
	noData: boolean;
	report: SlaFigures;
}

async function monthFigures(
	db: Executor,
	target: Target,
	month: string,
	now: Date
): Promise<SlaMonthFigures> {
	const period = monthPeriod(month, target.client.timezone);
	const { report, noData } = await compute(db, target, period, now);
	return {
		period: {
			kind: 'month',
			start: report.period.start,
			end: report.period.end,
			evaluatedUntil: report.period.evaluatedUntil,
			complete: report.period.complete
		},
		status: periodStatus(period, now, false),
		noData,
		report
	};
}

/**
 * The SLA report of the period holding `month` (000 §2, 001 §5.1, 004 art. 6): computed live for an open
 * period, frozen (with a hash of its inputs) once the period is closed. `report` is the period the contract
 * judges (met, credits); under a contract year, `monthly` adds the calendar month's own figures.
 */
export async function getSlaReport(
	ctx: RequestContext,
	slug: string,
	month: string | null,
	options: { recompute?: boolean } = {},
	now = new Date()
) {
	const db = getDb();
	const target = await targetOf(db, await getClientInScope(db, ctx, slug));
	const tz = target.client.timezone;
	const asked = month ?? currentMonth(tz, now);
	if (!MONTH.test(asked) || asked > currentMonth(tz, now))
		throw invalid(m.sla_month_invalid(), { month: m.sla_month_invalid() });
	if (options.recompute && !can(ctx, 'sla.recompute')) throw forbidden();
	const { contract: period, month: ownMonth } = reportPeriods(
		target.settings.sla.period,
		asked,
		tz,
		target.client.commissionedAt
	);
	const key = periodKey(period, tz);
	const [frozen] = await db
		.select()
		.from(slaPeriod)
		.where(and(eq(slaPeriod.clientId, target.client.id), eq(slaPeriod.period, key)));
	const monthly = ownMonth ? await monthFigures(db, target, asked, now) : null;
	const base = {
		month: asked,
		periodKey: key,
		preset: target.preset,
		monthlyFeeCents: target.monthlyFeeCents,
		monthly,
		beforeCommissioning: beforeCommissioning(monthPeriod(asked, tz), target.client.commissionedAt),
		commissionedAt: target.client.commissionedAt?.toISOString() ?? null
	};
	if (frozen && !options.recompute) {
		return {
			...base,
			report: frozen.figures as unknown as SlaFigures,
			frozen: true,
			status: 'frozen' as PeriodStatus,
			frozenAt: frozen.frozenAt.toISOString(),
			reopened: frozen.reopened
				? { at: frozen.reopenedAt?.toISOString() ?? null, reason: frozen.reopenReason }
				: null,
			noData: false
		};
	}
	const { report: json, hash, noData } = await compute(db, target, period, now);
	if (
		!frozen &&
		!noData &&
		!options.recompute &&
		json.period.complete &&
		isClosed(period, target.settings, now)
	) {
		await db
			.insert(slaPeriod)
			.values({
				clientId: target.client.id,
				period: key,
				figures: json as unknown as Record<string, unknown>,
				inputsHash: hash
			})
			.onConflictDoNothing();
		return {
			...base,
			report: json,
			frozen: true,
			status: 'frozen' as PeriodStatus,
			frozenAt: now.toISOString(),
			reopened: null,
			noData
		};
	}
	return {
		...base,
		report: json,
		frozen: false,
		status: periodStatus(period, now, false),
		frozenAt: null,
		reopened: null,
		noData
	};
}

/**
 * Twelve months ending with `month`, oldest first: the availability chart against the target. Each point is
 * the month's own figure; under a contract year, `contractAvailability` is the contract year from its start
 * to the month's end (the running line), the figure the contract judges.
 */
export async function getSlaHistory(
	ctx: RequestContext,
	slug: string,
	month: string | null,
	now = new Date()
) {
	const db = getDb();
	const target = await targetOf(db, await getClientInScope(db, ctx, slug));
	const tz = target.client.timezone;
	const last = month && MONTH.test(month) ? month : currentMonth(tz, now);
	const [year, mon] = last.split('-').map(Number);
	const months = Array.from({ length: 12 }, (_, i) => {
		const d = new Date(Date.UTC(year, mon - 12 + i, 1));
		return d.toISOString().slice(0, 7);
	});
	const contractInputs = new Map<string, Awaited<ReturnType<typeof compute>>['input']>();
	const points = [];
	for (const mo of months) {
		const sla = await getSlaReport(ctx, slug, mo, {}, now);
		const own = sla.monthly ?? { report: sla.report, noData: sla.noData };
		const excluded = sla.beforeCommissioning || own.noData;
		let contractAvailability: number | null = null;
		if (sla.monthly && !sla.beforeCommissioning) {
			const period = periodFor(target.settings.sla.period, mo, tz, target.client.commissionedAt);
			const monthEnd = monthPeriod(mo, tz).end;
			if (sla.frozen && monthEnd.getTime() >= period.end.getTime())
				contractAvailability = sla.report.availability;
			else {
				let input = contractInputs.get(sla.periodKey);
				if (!input)
					contractInputs.set(
						sla.periodKey,
						(input = (await compute(db, target, period, now)).input)
					);
				const sofar = inputAsOf(input, monthEnd);
				if (sofar.intervals.some((r) => r.from.getTime() < sofar.asOf.getTime()))
					contractAvailability = computeSla(sofar).availability;
			}
		}
		points.push({
			month: mo,
			availability: excluded ? null : own.report.availability,
			target: sla.report.targetPercent,
			// A month inside a contract year is not judged on its own.
			met: excluded || sla.monthly ? null : sla.report.met,
			frozen: sla.frozen && !sla.monthly,
			contractAvailability,
			beforeCommissioning: sla.beforeCommissioning
		});
	}
	return points;
}

/**
 * The earliest month a report can show anything for: the first month with monitoring data, else the
 * commissioning month, else the current month (the month picker stops there).
 */
export async function slaFirstMonth(
	ctx: RequestContext,
	slug: string,
	now = new Date()
): Promise<string> {
	const db = getDb();
	const client = await getClientInScope(db, ctx, slug);
	const [first] = await db
		.select({ at: min(statusInterval.fromAt) })
		.from(statusInterval)
		.innerJoin(component, eq(component.id, statusInterval.componentId))
		.where(eq(component.clientId, client.id));
	const at = first?.at ?? client.commissionedAt;
	const month = at
		? currentMonth(client.timezone, new Date(at))
		: currentMonth(client.timezone, now);
	return month < currentMonth(client.timezone, now) ? month : currentMonth(client.timezone, now);
}

const reopenSchema = z.object({ reason: z.string().trim().min(3).max(2000) });

/** Staff reopen a frozen period (audited, reason required): its figures are recomputed and marked reopened. */
export async function reopenSlaPeriod(
	ctx: RequestContext,
	slug: string,
	month: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'sla.reopen');
	const { reason } = parseInput(reopenSchema, input, {
		reason: () => m.incident_invalid_required()
	});
	return getDb().transaction(async (tx) => {
		const target = await targetOf(tx, await getClientInScope(tx, ctx, slug));
		if (!MONTH.test(month)) throw notFound();
		const period = periodFor(
			target.settings.sla.period,
			month,
			target.client.timezone,
			target.client.commissionedAt
		);
		const key = periodKey(period, target.client.timezone);
		const [before] = await tx
			.select()
			.from(slaPeriod)
			.where(and(eq(slaPeriod.clientId, target.client.id), eq(slaPeriod.period, key)))
			.for('update');
		if (!before) throw notFound();
		const { report, hash } = await compute(tx, target, period, now);
		const [after] = await tx
			.update(slaPeriod)
			.set({
				figures: report as unknown as Record<string, unknown>,
				inputsHash: hash,
				frozenAt: now,
				reopened: true,
				reopenedAt: now,
				reopenedBy: actorUserId(ctx),
				reopenReason: reason
			})
			.where(and(eq(slaPeriod.clientId, target.client.id), eq(slaPeriod.period, key)))
			.returning();
		await recordAudit(tx, ctx, {
			action: 'sla.reopened',
			targetType: 'sla_period',
			targetId: key,
			clientId: target.client.id,
			before,
			after
		});
		await appendEvent(tx, {
			clientId: target.client.id,
			kind: 'sla.changed',
			payload: { clientSlug: target.client.slug, period: key }
		});
		return after;
	});
}
