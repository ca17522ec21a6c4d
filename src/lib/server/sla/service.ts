import { createHash } from 'node:crypto';
import { and, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { contractOf, getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { authorize, can } from '../policy';
import type { ContractSettings } from '../contracts/settings';
import { getDb, type Executor } from '../db';
import { incident, slaPeriod, type Client } from '../db/schema';
import { forbidden, invalid, notFound } from '../errors';
import { appendEvent } from '../live/outbox';
import { dateIn } from '../calendar/dates';
import { parseInput } from '../validation';
import { computeSla } from './availability';
import { monthGtr } from './gtr';
import { canonicalJson, inputsHash } from './hash';
import { periodFor } from './period';
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

/** A month key, YYYY-MM. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const toJson = (report: SlaReport) => JSON.parse(JSON.stringify(report)) as SlaReportJson;
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
		{ clientId: target.client.id, timeZone: target.client.timezone, settings: target.settings, monthlyFeeCents: target.monthlyFeeCents },
		period,
		now
	);
	const restored = await db
		.select()
		.from(incident)
		.where(and(eq(incident.clientId, target.client.id), gte(incident.resolvedAt, period.start), lt(incident.resolvedAt, period.end)));
	const gtr = monthGtr(restored, target.settings, target.monthlyFeeCents);
	const restoredInputs = canonicalJson(restored.map((r) => [r.number, r.reportedAt, r.resolvedAt, r.qualification, r.cause]));
	const hash = createHash('sha256').update(inputsHash(input)).update(restoredInputs).digest('hex');
	// No timeline at all (before monitoring began): nothing to judge, and nothing to freeze.
	return { report: { ...toJson(computeSla(input)), gtr }, hash, noData: input.intervals.length === 0 };
}

/**
 * The SLA report of the period holding `month` (000 §2, 001 §5.1, 004 art. 6): computed live for an open
 * period, frozen (with a hash of its inputs) once the period is closed.
 */
export async function getSlaReport(ctx: RequestContext, slug: string, month: string | null, options: { recompute?: boolean } = {}, now = new Date()) {
	const db = getDb();
	const target = await targetOf(db, await getClientInScope(db, ctx, slug));
	const tz = target.client.timezone;
	const asked = month ?? currentMonth(tz, now);
	if (!MONTH.test(asked) || asked > currentMonth(tz, now)) throw invalid(m.sla_month_invalid(), { month: m.sla_month_invalid() });
	if (options.recompute && !can(ctx, 'sla.recompute')) throw forbidden();
	const period = periodFor(target.settings.sla.period, asked, tz, target.client.commissionedAt);
	const key = periodKey(period, tz);
	const [frozen] = await db.select().from(slaPeriod).where(and(eq(slaPeriod.clientId, target.client.id), eq(slaPeriod.period, key)));
	const base = { month: asked, periodKey: key, preset: target.preset, monthlyFeeCents: target.monthlyFeeCents };
	if (frozen && !options.recompute) {
		return {
			...base,
			report: frozen.figures as unknown as SlaFigures,
			frozen: true,
			frozenAt: frozen.frozenAt.toISOString(),
			reopened: frozen.reopened ? { at: frozen.reopenedAt?.toISOString() ?? null, reason: frozen.reopenReason } : null,
			noData: false
		};
	}
	const { report: json, hash, noData } = await compute(db, target, period, now);
	if (!frozen && !noData && !options.recompute && json.period.complete && isClosed(period, target.settings, now)) {
		await db
			.insert(slaPeriod)
			.values({ clientId: target.client.id, period: key, figures: json as unknown as Record<string, unknown>, inputsHash: hash })
			.onConflictDoNothing();
		return { ...base, report: json, frozen: true, frozenAt: now.toISOString(), reopened: null, noData };
	}
	return { ...base, report: json, frozen: false, frozenAt: null, reopened: null, noData };
}

/** Twelve periods ending with `month`, oldest first: the availability chart against the target. */
export async function getSlaHistory(ctx: RequestContext, slug: string, month: string | null, now = new Date()) {
	const db = getDb();
	const client = await getClientInScope(db, ctx, slug);
	const last = month && MONTH.test(month) ? month : currentMonth(client.timezone, now);
	const [year, mon] = last.split('-').map(Number);
	const months = Array.from({ length: 12 }, (_, i) => {
		const d = new Date(Date.UTC(year, mon - 12 + i, 1));
		return d.toISOString().slice(0, 7);
	});
	const points = [];
	for (const m of months) {
		const { report, frozen, noData } = await getSlaReport(ctx, slug, m, {}, now);
		points.push({ month: m, availability: noData ? null : report.availability, target: report.targetPercent, met: noData ? null : report.met, frozen });
	}
	return points;
}

const reopenSchema = z.object({ reason: z.string().trim().min(3).max(2000) });

/** Staff reopen a frozen period (audited, reason required): its figures are recomputed and marked reopened. */
export async function reopenSlaPeriod(ctx: RequestContext, slug: string, month: string, input: unknown, now = new Date()) {
	authorize(ctx, 'sla.reopen');
	const { reason } = parseInput(reopenSchema, input, { reason: () => m.incident_invalid_required() });
	return getDb().transaction(async (tx) => {
		const target = await targetOf(tx, await getClientInScope(tx, ctx, slug));
		if (!MONTH.test(month)) throw notFound();
		const period = periodFor(target.settings.sla.period, month, target.client.timezone, target.client.commissionedAt);
		const key = periodKey(period, target.client.timezone);
		const [before] = await tx.select().from(slaPeriod).where(and(eq(slaPeriod.clientId, target.client.id), eq(slaPeriod.period, key))).for('update');
		if (!before) throw notFound();
		const { report, hash } = await compute(tx, target, period, now);
		const [after] = await tx
			.update(slaPeriod)
			.set({ figures: report as unknown as Record<string, unknown>, inputsHash: hash, frozenAt: now, reopened: true, reopenedAt: now, reopenedBy: actorUserId(ctx), reopenReason: reason })
			.where(and(eq(slaPeriod.clientId, target.client.id), eq(slaPeriod.period, key)))
			.returning();
		await recordAudit(tx, ctx, { action: 'sla.reopened', targetType: 'sla_period', targetId: key, clientId: target.client.id, before, after });
		await appendEvent(tx, { clientId: target.client.id, kind: 'sla.changed', payload: { clientSlug: target.client.slug, period: key } });
		return after;
	});
}
