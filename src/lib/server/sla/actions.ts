import { m } from '$lib/paraglide/messages';
import { ignoredReasonLabel } from '$lib/sla-labels';
import { getClient } from '../clients/service';
import type { RequestContext } from '../context';
import { formActions, type FormEvent } from '../forms';
import { decideCredit, requestCredit } from './credit-requests';
import { maintenanceInputFromForm, qualificationInputFromForm } from './form';
import { createMaintenance } from '../maintenance/service';
import { createQualification } from './records';
import { reopenSlaPeriod } from './service';

type Outcome = { success: string; compliant?: boolean };
type Step = (ctx: RequestContext, slug: string, data: FormData) => Promise<Outcome>;

const month = (data: FormData) => String(data.get('month') ?? '');

/** A client's contacts and admins ask for the avoir of a missed period or of a month's GTR penalties. */
export const clientSlaSteps = {
	requestCredit: async (ctx, slug, data) => {
		const basis = data.get('basis') ?? 'availability';
		await requestCredit(ctx, slug, month(data), undefined, basis);
		return {
			success: basis === 'gtr' ? m.sla_gtr_requested_done() : m.sla_credit_requested_done()
		};
	}
} satisfies Record<string, Step>;

/** The provider's side: record maintenance, qualify downtime, reopen a frozen month, decide credits. */
export const staffSlaSteps = {
	maintenance: async (ctx, slug, data) => {
		const { timezone } = await getClient(ctx, slug);
		const result = await createMaintenance(ctx, slug, maintenanceInputFromForm(data, timezone));
		return {
			compliant: result.compliant,
			success: result.compliant
				? m.sla_maintenance_compliant()
				: m.sla_maintenance_not_compliant({ reason: ignoredReasonLabel(result.reasons[0]) })
		};
	},
	qualify: async (ctx, slug, data) => {
		const { timezone } = await getClient(ctx, slug);
		await createQualification(ctx, slug, qualificationInputFromForm(data, timezone));
		return { success: m.sla_qualify_done() };
	},
	reopen: async (ctx, slug, data) => {
		await reopenSlaPeriod(ctx, slug, month(data), { reason: data.get('reason') ?? '' });
		return { success: m.sla_reopen_done() };
	},
	decideCredit: async (ctx, slug, data) => {
		const note = String(data.get('note') ?? '').trim();
		await decideCredit(ctx, slug, String(data.get('id') ?? ''), {
			decision: data.get('decision'),
			note: note || undefined
		});
		return { success: m.sla_credit_decided() };
	}
} satisfies Record<string, Step>;

/** Form actions over a client's SLA; a refusal keeps what was typed, the ticked components included. */
export function slaActions<K extends string>(
	slugOf: (e: FormEvent) => string,
	steps: Record<K, Step>
) {
	const bound = Object.fromEntries(
		Object.entries<Step>(steps).map(([k, step]) => [
			k,
			(data: FormData, e: FormEvent) => step(e.locals.ctx, slugOf(e), data)
		])
	) as Record<K, (data: FormData, e: FormEvent) => Promise<Outcome>>;
	return formActions(bound, (data) => ({ selected: data.getAll('components').map(String) }));
}
