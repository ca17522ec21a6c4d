import { m } from '$lib/paraglide/messages';
import type { RequestContext } from '../context';
import { formActions, type FormEvent } from '../forms';
import {
	acknowledgeIncident,
	changeIncidentSeverity,
	confirmResolution,
	postIncidentUpdate,
	qualifyIncident,
	reopenIncident,
	resolveIncident
} from './workflow';

export interface IncidentTarget {
	slug: string;
	number: string;
}
type Step = (ctx: RequestContext, target: IncidentTarget, data: FormData) => Promise<string>;

const fields = (data: FormData) => Object.fromEntries(data);

/** The client's side of a report: its contacts and admins comment, confirm the resolution, reopen. */
export const clientSteps = {
	comment: async (ctx, t, data) => {
		await postIncidentUpdate(ctx, t.slug, t.number, { message: data.get('message') ?? '' });
		return m.incident_update_done();
	},
	confirm: async (ctx, t) => {
		await confirmResolution(ctx, t.slug, t.number);
		return m.incident_confirm_done();
	},
	reopen: async (ctx, t, data) => {
		await reopenIncident(ctx, t.slug, t.number, fields(data));
		return m.incident_reopen_done();
	}
} satisfies Record<string, Step>;

/** The provider's workflow (000 §2, 001 §5.4): acknowledge, qualify, updates and internal notes, resolve, severity. */
export const staffSteps = {
	acknowledge: async (ctx, t, data) => {
		await acknowledgeIncident(ctx, t.slug, t.number, fields(data));
		return m.incident_ack_done();
	},
	qualify: async (ctx, t, data) => {
		await qualifyIncident(ctx, t.slug, t.number, fields(data));
		return m.incident_qualify_done();
	},
	update: async (ctx, t, data) => {
		await postIncidentUpdate(ctx, t.slug, t.number, {
			message: data.get('message') ?? '',
			internal: data.get('internal') === 'on'
		});
		return m.incident_update_done();
	},
	resolve: async (ctx, t, data) => {
		await resolveIncident(ctx, t.slug, t.number, fields(data));
		return m.incident_resolve_done();
	},
	severity: async (ctx, t, data) => {
		await changeIncidentSeverity(ctx, t.slug, t.number, fields(data));
		return m.incident_severity_done();
	}
} satisfies Record<string, Step>;

/** Form actions over a report; a refusal keeps what was typed. */
export function incidentActions<K extends string>(
	locate: (e: FormEvent) => IncidentTarget | Promise<IncidentTarget>,
	steps: Record<K, Step>
) {
	const bound = Object.fromEntries(
		Object.entries<Step>(steps).map(([k, step]) => [
			k,
			async (data: FormData, e: FormEvent) => step(e.locals.ctx, await locate(e), data)
		])
	) as Record<K, (data: FormData, e: FormEvent) => Promise<string>>;
	return formActions(bound);
}
