import { z } from 'zod';
import { SLA_CAUSES } from '../contracts/settings';
import type { createQualification } from './records';
import { MONTH, type getSlaReport } from './service';

/**
 * What /api/v1 answers about SLA reports and downtime qualifications: each view with the zod schema the
 * OpenAPI document is generated from (`api/openapi-sla.ts`).
 */
const instant = z.iso.datetime();
const minutes = z.number().meta({ description: 'Minutes, rounded to 2 decimals' });

/** The query `GET /clients/{slug}/sla` reads (the service checks the month with the same pattern). */
export const slaQuerySchema = z.object({
	month: z
		.string()
		.regex(MONTH)
		.optional()
		.meta({ description: 'YYYY-MM, at most the current month; default: the current month' }),
	recompute: z
		.enum(['1'])
		.optional()
		.meta({ description: 'Admin only: compute afresh without touching a frozen record' })
});

export const slaReportSchema = z.strictObject({
	month: z.string(),
	timezone: z.string(),
	preset: z.string(),
	target: z.number().meta({ description: 'Target availability, percent' }),
	availability: z
		.number()
		.meta({ description: 'Floored to 3 decimals; met is decided on the exact value' }),
	met: z.boolean(),
	coverageMinutes: minutes,
	downtimeMinutes: minutes,
	excludedMinutes: minutes,
	unknownMinutes: minutes,
	credit: z.strictObject({ percent: z.number(), amountCents: z.number().int() }),
	gtrPenalties: z
		.strictObject({
			incidents: z.array(z.strictObject({ number: z.string(), percent: z.number() })),
			percent: z.number(),
			amountCents: z.number().int()
		})
		.nullable()
		.meta({
			description:
				'Restoration-time penalties of the reports restored in the period; null without a GTR clause'
		}),
	frozen: z.boolean().meta({ description: 'The period is closed and its figures are stored' }),
	reopened: z
		.strictObject({ at: instant.nullable(), reason: z.string().nullable() })
		.nullable()
		.meta({ description: 'Set when staff reopened the frozen period' }),
	noData: z.boolean().meta({ description: 'No monitoring data at all in the period' }),
	status: z.enum(['running', 'closed', 'frozen']).meta({
		description: 'The judged period: still measured, ended but not yet frozen, or frozen'
	}),
	beforeCommissioning: z
		.boolean()
		.meta({ description: 'The month ends before the commissioning date: nothing to measure' }),
	monthFigures: z
		.strictObject({
			period: z.strictObject({
				kind: z.enum(['month']),
				start: instant,
				end: instant,
				complete: z.boolean()
			}),
			status: z.enum(['running', 'closed']),
			noData: z.boolean(),
			availability: z
				.number()
				.meta({ description: 'Floored to 3 decimals; not judged on its own' }),
			coverageMinutes: minutes,
			downtimeMinutes: minutes,
			excludedMinutes: minutes,
			unknownMinutes: minutes
		})
		.nullable()
		.meta({
			description:
				"The calendar month's own figures when the contract judges a longer period (contract year); null for a monthly contract. The top-level figures, met and credit are the judged period's"
		}),
	period: z.strictObject({
		kind: z.enum(['month', 'contract_year']),
		start: instant,
		end: instant,
		complete: z.boolean()
	}),
	exclusions: z.array(
		z.strictObject({
			start: instant,
			end: instant,
			reason: z.enum(['maintenance', ...SLA_CAUSES]),
			components: z.array(z.string())
		})
	),
	components: z.array(
		z.strictObject({ key: z.string(), availability: z.number(), downtimeMinutes: minutes })
	)
});

export const qualificationRecordedSchema = z.strictObject({
	id: z.string(),
	component: z.string(),
	start: instant,
	end: instant,
	cause: z.enum(SLA_CAUSES),
	note: z.string()
});

export function slaApiView(
	r: Awaited<ReturnType<typeof getSlaReport>>
): z.infer<typeof slaReportSchema> {
	const rep = r.report;
	return {
		month: r.month,
		timezone: rep.timeZone,
		preset: r.preset,
		target: rep.targetPercent,
		availability: rep.availability,
		met: rep.met,
		coverageMinutes: rep.coverageMinutes,
		downtimeMinutes: rep.downtimeMinutes,
		excludedMinutes: rep.excludedMinutes.total,
		unknownMinutes: rep.unknownMinutes,
		credit: { percent: rep.credit.percent, amountCents: rep.credit.amountCents },
		gtrPenalties: rep.gtr,
		frozen: r.frozen,
		reopened: r.reopened,
		noData: r.noData,
		status: r.status,
		beforeCommissioning: r.beforeCommissioning,
		monthFigures: r.monthly
			? {
					period: {
						kind: 'month',
						start: r.monthly.period.start,
						end: r.monthly.period.end,
						complete: r.monthly.period.complete
					},
					status: r.monthly.status === 'running' ? 'running' : 'closed',
					noData: r.monthly.noData,
					availability: r.monthly.report.availability,
					coverageMinutes: r.monthly.report.coverageMinutes,
					downtimeMinutes: r.monthly.report.downtimeMinutes,
					excludedMinutes: r.monthly.report.excludedMinutes.total,
					unknownMinutes: r.monthly.report.unknownMinutes
				}
			: null,
		period: {
			kind: rep.period.kind,
			start: rep.period.start,
			end: rep.period.end,
			complete: rep.period.complete
		},
		exclusions: rep.exclusions.map((e) => ({
			start: e.start,
			end: e.end,
			reason: e.reason,
			components: e.componentKeys
		})),
		components: rep.components.map((c) => ({
			key: c.key,
			availability: c.availability,
			downtimeMinutes: c.downtimeMinutes
		}))
	};
}

export const qualificationRecordedView = (
	r: Awaited<ReturnType<typeof createQualification>>
): z.infer<typeof qualificationRecordedSchema> => ({
	id: r.id,
	component: r.component,
	start: r.start,
	end: r.end,
	cause: r.cause,
	note: r.note
});
