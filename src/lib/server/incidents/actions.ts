import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { RequestContext } from '../context';
import { actionFailure } from '../http';
import {
	acknowledgeIncident,
	changeIncidentSeverity,
	confirmResolution,
	postIncidentUpdate,
	qualifyIncident,
	reopenIncident,
	resolveIncident
} from './workflow';

type Event = Pick<RequestEvent, 'request' | 'locals'> & { params: Partial<Record<string, string>> };
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
		await postIncidentUpdate(ctx, t.slug, t.number, { message: data.get('message') ?? '', internal: data.get('internal') === 'on' });
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

/**
 * Form actions over a report: each answers with the name of its form, so the page shows the
 * outcome beside the right form; a refusal keeps what was typed.
 */
export function incidentActions<K extends string>(locate: (e: Event) => IncidentTarget | Promise<IncidentTarget>, steps: Record<K, Step>) {
	const action = (form: K) => async (e: Event) => {
		const data = await e.request.formData();
		try {
			return { form, success: await steps[form](e.locals.ctx, await locate(e), data) };
		} catch (err) {
			const failure = actionFailure(err, data);
			return fail(failure.status, { ...failure.data, form });
		}
	};
	return Object.fromEntries(Object.keys(steps).map((k) => [k, action(k as K)])) as Record<K, ReturnType<typeof action>>;
}
