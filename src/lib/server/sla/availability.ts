/**
 * The SLA engine (000 §2, 001 §5.1, 004 art. 6): from status intervals, planned
 * maintenance, cause qualifications and the contract settings to the figures of a period.
 * Pure: no DB, no SvelteKit, no clock (the caller passes `asOf`).
 *
 *   A = (T − Xr − D) / (T − Xr) × 100
 * T: coverage time in the period; Xr: time excluded by kinds treated `remove`; D: downtime
 * outside exclusions, degraded time weighted by `degradedWeight`.
 */
import { supportCalendar } from '../calendar/business-calendar';
import type { SlaCause } from '../contracts/settings';
import { maintenanceCompliance } from '../maintenance/compliance';
import { computeCredit } from './credits';
import { decimal, floorPercent3, minutes2, pow10, ratioAtLeastPercent } from './exact';
import { coverageSpans } from './period';
import { DEGRADED, DOWN, RowColumns, UNKNOWN, UP, type StatusCode } from './events';
import { eachRow } from './status-columns';
import { sweep, type ClassTotals, type OnOutage, type SweepInput } from './sweep';
import type {
	ComponentStatus,
	MaintenanceInput,
	QualificationInput,
	SlaComponentFigures,
	SlaExclusion,
	SlaIgnoredSource,
	SlaInput,
	SlaOutage,
	SlaPeriod,
	SlaReport,
	SlaSettings
} from './types';

const CODES: Record<ComponentStatus, StatusCode> = {
	up: UP,
	degraded: DEGRADED,
	down: DOWN,
	unknown: UNKNOWN
};

/**
 * How far around the period the engine looks: the pro-rata credit needs the whole length of an
 * outage crossing a period bound, up to its threshold. The reader loads rows overlapping this.
 */
export function readWindow(
	period: Pick<SlaPeriod, 'start' | 'end'>,
	settings: SlaSettings
): { from: Date; to: Date } {
	const credit = settings.sla.credit;
	const margin = credit.mode === 'outage_pro_rata' ? credit.minOutageMinutes * 60_000 : 0;
	return {
		from: new Date(period.start.getTime() - margin),
		to: new Date(period.end.getTime() + margin)
	};
}

/** A = num / den × 100, exactly; an empty denominator (nothing measured) is 100 %. */
function ratio(totals: ClassTotals, coverageMs: number, weight: ReturnType<typeof decimal>) {
	const scale = pow10(weight.scale);
	const downtimeScaled = BigInt(totals.downMs) * scale + BigInt(totals.degradedMs) * weight.digits;
	const den = BigInt(coverageMs - totals.removedMs) * scale;
	if (den <= 0n) return { num: 1n, den: 1n, downtimeScaled, scale };
	return { num: den - downtimeScaled, den, downtimeScaled, scale };
}

const percentOf = (r: { num: bigint; den: bigint }) => (Number(r.num) / Number(r.den)) * 100;

function overlaps(x: { start: Date; end: Date }, from: number, to: number): boolean {
	return x.start.getTime() < to && x.end.getTime() > from;
}

export function computeSla(input: SlaInput): SlaReport {
	const { period, settings, timeZone } = input;
	const sla = settings.sla;
	const asOf = input.asOf.getTime();
	const periodStart = period.start.getTime();
	const periodEnd = Math.max(periodStart, Math.min(period.end.getTime(), asOf));
	const window = readWindow(period, settings);
	const windowStart = window.from.getTime();
	const windowEnd = Math.max(windowStart, Math.min(window.to.getTime(), asOf));

	const index = new Map(input.components.map((c, i) => [c.id, i]));
	const keysOf = (ids: readonly string[]) =>
		[...new Set(ids)]
			.filter((id) => index.has(id))
			.map((id) => input.components[index.get(id)!].key);

	const rows = new RowColumns(input.intervals.length);
	const asOfMs = input.asOf.getTime();
	let lastId: string | undefined;
	let comp: number | undefined;
	eachRow(input.intervals, (componentId, status, from, to) => {
		// Rows come grouped by component: one map lookup per group.
		if (componentId !== lastId) comp = index.get((lastId = componentId));
		if (comp !== undefined) rows.push(comp, CODES[status], from, to ?? asOfMs);
	});

	const support = supportCalendar(settings.support, timeZone);
	const exclusions: SlaExclusion[] = [];
	const ignored: SlaIgnoredSource[] = [];
	const sweptMaintenances: SweepInput['maintenances'][number][] = [];
	const maintenanceSources: { m: MaintenanceInput; inPeriod: boolean }[] = [];
	for (const m of input.maintenances) {
		if (!overlaps(m, windowStart, windowEnd)) continue;
		const compliance = maintenanceCompliance(m, settings.maintenance, support, timeZone);
		const inPeriod = overlaps(m, periodStart, period.end.getTime());
		if (!compliance.compliant) {
			if (inPeriod)
				ignored.push({ source: 'maintenance', sourceId: m.id, reason: compliance.reason! });
			continue;
		}
		const comps = [...new Set(m.componentIds)].flatMap((id) =>
			index.has(id) ? [index.get(id)!] : []
		);
		sweptMaintenances.push({ comps, start: m.start.getTime(), end: m.end.getTime() });
		maintenanceSources.push({ m, inPeriod });
	}

	const excluded = new Set<string>(sla.excludedCauses);
	const sweptQualifications: SweepInput['qualifications'][number][] = [];
	const qualificationSources: { q: QualificationInput; inPeriod: boolean }[] = [];
	for (const q of input.qualifications) {
		const comp = index.get(q.componentId);
		if (comp === undefined || !overlaps(q, windowStart, windowEnd)) continue;
		const inPeriod = overlaps(q, periodStart, period.end.getTime());
		if (!excluded.has(q.cause)) {
			if (inPeriod)
				ignored.push({ source: 'qualification', sourceId: q.id, reason: 'cause_not_excluded' });
			continue;
		}
		sweptQualifications.push({ comp, start: q.start.getTime(), end: q.end.getTime() });
		qualificationSources.push({ q, inPeriod });
	}

	const threshold =
		sla.credit.mode === 'outage_pro_rata' ? sla.credit.minOutageMinutes * 60_000 : Infinity;
	const outages: SlaOutage[] = [];
	let unbilledMs = 0;
	const onOutage: OnOutage = (start, end, downMs) => {
		if (end - start > threshold) unbilledMs += downMs;
		outages.push({
			start: new Date(start),
			end: new Date(end),
			minutes: minutes2(end - start),
			downtimeMinutes: minutes2(downMs)
		});
	};
	const result = sweep(
		{
			windowStart,
			windowEnd,
			periodStart,
			periodEnd,
			coverage: coverageSpans(sla.coverage, timeZone, windowStart, windowEnd),
			inScope: input.components.map((c) => c.inScope),
			rows,
			maintenances: sweptMaintenances,
			qualifications: sweptQualifications,
			countDegraded: sla.degradedWeight > 0,
			removeMaintenance: sla.treatment.maintenance === 'remove',
			removeCauses: sla.treatment.causes === 'remove'
		},
		onOutage
	);

	const clip = (x: { start: Date; end: Date }) => ({
		start: new Date(Math.max(x.start.getTime(), periodStart)),
		end: new Date(Math.min(x.end.getTime(), period.end.getTime()))
	});
	maintenanceSources.forEach(({ m, inPeriod }, i) => {
		if (!inPeriod) return;
		exclusions.push({
			source: 'maintenance',
			sourceId: m.id,
			reason: 'maintenance',
			treatment: sla.treatment.maintenance,
			...clip(m),
			componentKeys: keysOf(m.componentIds),
			coveredMinutes: minutes2(result.maintenanceMs[i])
		});
	});
	qualificationSources.forEach(({ q, inPeriod }, i) => {
		if (!inPeriod) return;
		exclusions.push({
			source: 'qualification',
			sourceId: q.id,
			reason: q.cause as SlaCause,
			treatment: sla.treatment.causes,
			...clip(q),
			componentKeys: keysOf([q.componentId]),
			coveredMinutes: minutes2(result.qualificationMs[i])
		});
	});
	exclusions.sort(
		(a, b) => a.start.getTime() - b.start.getTime() || a.sourceId.localeCompare(b.sourceId)
	);

	const weight = decimal(sla.degradedWeight);
	const downtimeMs = (t: ClassTotals) => t.downMs + t.degradedMs * sla.degradedWeight;
	const T = result.coverageMs;
	const client = result.client;
	const clientRatio = ratio(client, T, weight);
	const target = decimal(sla.targetPercent);
	const met = ratioAtLeastPercent(clientRatio.num, clientRatio.den, target);

	const credit = computeCredit(
		sla.credit,
		{ ...clientRatio, met, unbilledMs, periodMs: period.end.getTime() - periodStart },
		input.monthlyFeeCents
	);

	const components: SlaComponentFigures[] = input.components.map((c, i) => {
		const totals = result.components[i];
		const r = ratio(totals, T, weight);
		return {
			key: c.key,
			inScope: c.inScope,
			availability: floorPercent3(r.num, r.den),
			downtimeMinutes: minutes2(downtimeMs(totals)),
			excludedMinutes: minutes2(totals.removedMs + totals.countedAsAvailableMs),
			unknownMinutes: minutes2(totals.unknownMs)
		};
	});

	const removed = minutes2(client.removedMs);
	const countedAsAvailable = minutes2(client.countedAsAvailableMs);
	return {
		period: {
			...period,
			evaluatedUntil: new Date(periodEnd),
			complete: asOf >= period.end.getTime()
		},
		timeZone,
		targetPercent: sla.targetPercent,
		coverage: sla.coverage,
		coverageMinutes: minutes2(T),
		downtimeMinutes: minutes2(downtimeMs(client)),
		excludedMinutes: {
			removed,
			countedAsAvailable,
			total: minutes2(client.removedMs + client.countedAsAvailableMs)
		},
		unknownMinutes: minutes2(client.unknownMs),
		availability: floorPercent3(clientRatio.num, clientRatio.den),
		availabilityExact: percentOf(clientRatio),
		met,
		credit,
		exclusions,
		ignored,
		components,
		outages,
		formula: {
			coverageMinutes: minutes2(T),
			removedMinutes: removed,
			countedAsAvailableMinutes: countedAsAvailable,
			downtimeMinutes: minutes2(downtimeMs(client)),
			degradedWeight: sla.degradedWeight,
			treatment: sla.treatment,
			excludedCauses: sla.excludedCauses
		},
		exact: { coverageMs: T, ...client }
	};
}
