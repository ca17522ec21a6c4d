import { m } from '$lib/paraglide/messages';
import { wallClockToIso } from '../calendar/dates';
import type { RequestContext } from '../context';
import { formActions, type FormEvent } from '../forms';
import {
	acceptRestore,
	approveRestoreQuote,
	cancelRestore,
	completeRestore,
	failRestore,
	quoteRestore,
	refuseRestoreQuote,
	reportRestoreProgress,
	scheduleRestore
} from './workflow';

export interface RestoreTarget {
	slug: string;
	number: string;
}
type Step = (ctx: RequestContext, target: RestoreTarget, data: FormData) => Promise<string>;

const field = (data: FormData, name: string) => String(data.get(name) ?? '');

/** Euros as typed ("450", "450,50") → cents; anything else is passed on for the service to refuse. */
function cents(value: string): number | string {
	const euros = value.trim().replace(',', '.');
	return /^\d+(\.\d{1,2})?$/.test(euros) ? Math.round(Number(euros) * 100) : value;
}

/** The request form's fields as `requestRestore` takes them. */
export function restoreInputFromForm(data: FormData) {
	return {
		backupId: field(data, 'backupId'),
		scope: data.get('scope') ?? undefined,
		target: field(data, 'target'),
		confirmDataLoss: data.get('confirmDataLoss') === 'on',
		note: field(data, 'note')
	};
}

/** The client's decisions: approve or refuse a quote, cancel before work starts. */
export const clientRestoreSteps = {
	approve: async (ctx, t, data) => {
		await approveRestoreQuote(ctx, t.slug, t.number, { comment: field(data, 'comment') });
		return m.restore_done();
	},
	refuse: async (ctx, t, data) => {
		await refuseRestoreQuote(ctx, t.slug, t.number, { comment: field(data, 'comment') });
		return m.restore_done();
	},
	cancel: async (ctx, t, data) => {
		await cancelRestore(ctx, t.slug, t.number, { comment: field(data, 'comment') });
		return m.restore_done();
	}
} satisfies Record<string, Step>;

/** The provider's workflow: accept or quote, schedule, progress, complete or fail. */
export const staffRestoreSteps = {
	accept: async (ctx, t, data) => {
		await acceptRestore(ctx, t.slug, t.number, { message: field(data, 'message') });
		return m.restore_done();
	},
	quote: async (ctx, t, data) => {
		await quoteRestore(ctx, t.slug, t.number, {
			amountCents: cents(field(data, 'amount')),
			note: field(data, 'note')
		});
		return m.restore_done();
	},
	schedule: async (ctx, t, data) => {
		await scheduleRestore(ctx, t.slug, t.number, {
			at: wallClockToIso(field(data, 'at')),
			message: field(data, 'message')
		});
		return m.restore_done();
	},
	progress: async (ctx, t, data) => {
		await reportRestoreProgress(ctx, t.slug, t.number, {
			percent: field(data, 'percent'),
			message: field(data, 'message')
		});
		return m.restore_done();
	},
	complete: async (ctx, t, data) => {
		await completeRestore(ctx, t.slug, t.number, { verification: field(data, 'verification') });
		return m.restore_done();
	},
	fail: async (ctx, t, data) => {
		await failRestore(ctx, t.slug, t.number, { reason: field(data, 'reason') });
		return m.restore_done();
	}
} satisfies Record<string, Step>;

/** Form actions over a request; a refusal keeps what was typed. */
export function restoreActions<K extends string>(
	locate: (e: FormEvent) => RestoreTarget | Promise<RestoreTarget>,
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
