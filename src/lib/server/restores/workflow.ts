import { eq } from 'drizzle-orm';
import { formatDateTime, formatMoney } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { getDb } from '../db';
import { restoreRequest, restoreUpdate, type RestoreRequest } from '../db/schema';
import { conflict, invalid } from '../errors';
import { portalOrigin } from '../incidents/context';
import { appendEvent } from '../live/outbox';
import { nudgeMailQueue } from '../mail/mailer';
import { authorize, type Action } from '../policy';
import { parseInput } from '../validation';
import type { RestoreStep } from '../../domain/restores';
import { restoreInScope, restoreRules, type RestoreRules } from './context';
import {
	acceptSchema,
	completeSchema,
	decisionSchema,
	failSchema,
	fieldMessages,
	progressSchema,
	quoteSchema,
	scheduleSchema
} from './input';
import { mailRestoreClient, mailRestoreStaff, type MailBody } from './notify';
import { restoreClockStart, restoreDeadlineState, restoreDueBy } from './rules';
import { stepOutcome, type StepRefusal } from './transitions';

interface Decision {
	changes?: Partial<typeof restoreRequest.$inferInsert>;
	message?: string | null;
	data?: Record<string, unknown>;
	body: MailBody;
	/** The client's own decisions are told to staff too. */
	tellStaff?: boolean;
}

const REFUSALS: Record<StepRefusal, () => string> = {
	wrong_state: () => m.restore_wrong_state(),
	quote_needed: () => m.restore_quote_needed(),
	not_billable: () => m.restore_not_billable()
};

/** Who takes each step: staff work the request, the client decides on quotes and may cancel. */
const STEP_ACTION: Record<RestoreStep, Action> = {
	accept: 'restore.work',
	quote: 'restore.work',
	schedule: 'restore.work',
	progress: 'restore.work',
	complete: 'restore.work',
	fail: 'restore.work',
	'approve-quote': 'restore.decide',
	'refuse-quote': 'restore.decide',
	cancel: 'restore.decide'
};

/**
 * One step in one transaction: the request locked, the state machine's verdict (409 when the
 * step is not possible now), the change, a timeline entry, audit, the live event and mails.
 * `now` is the step's clock: the wall clock, or a past instant when a history is replayed.
 */
async function step(
	ctx: RequestContext,
	slug: string,
	number: string,
	name: RestoreStep,
	now: Date,
	decide: (current: RestoreRequest, rules: RestoreRules) => Decision
): Promise<RestoreRequest> {
	const updated = await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const current = await restoreInScope(tx, owner, number, true);
		const outcome = stepOutcome(current, name);
		if ('refused' in outcome) throw conflict(REFUSALS[outcome.refused]());
		const rules = await restoreRules(tx, owner.id);
		const d = decide(current, rules);
		const next = { ...current, ...d.changes, status: outcome.status };
		const deadlineState = restoreDeadlineState({
			policy: rules.policy,
			status: next.status,
			clockStart: next.clockStartedAt,
			dueBy: next.dueBy,
			completedAt: next.completedAt,
			now
		});
		const [after] = await tx
			.update(restoreRequest)
			.set({ ...d.changes, status: outcome.status, deadlineState, updatedAt: now })
			.where(eq(restoreRequest.id, current.id))
			.returning();
		await tx.insert(restoreUpdate).values({
			restoreId: current.id,
			at: now,
			authorUserId: actorUserId(ctx),
			kind: name,
			message: d.message ?? null,
			data: d.data
		});
		await recordAudit(tx, ctx, {
			action: `restore.${name}`,
			targetType: 'restore_request',
			targetId: current.id,
			clientId: owner.id,
			before: current,
			after,
			at: now
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'restore.updated',
			payload: { clientSlug: owner.slug, number: after.number, status: after.status }
		});
		await mailRestoreClient(tx, after, name, d.body, portalOrigin(), owner.slug, now);
		if (d.tellStaff) await mailRestoreStaff(tx, after, name, d.body, portalOrigin(), now);
		return after;
	});
	nudgeMailQueue();
	return updated;
}

const text = (message: string | undefined | null) => () => message ?? '';

/** Staff take on a request that needs no quote; its deadline already runs from the request. */
export function acceptRestore(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown = {},
	now = new Date()
) {
	authorize(ctx, STEP_ACTION.accept);
	const data = parseInput(acceptSchema, input, fieldMessages);
	return step(ctx, slug, number, 'accept', now, () => ({
		changes: { acceptedAt: now },
		message: data.message || null,
		body: (locale) =>
			[m.mail_restore_accepted_body({}, { locale }), data.message].filter(Boolean).join('\n\n')
	}));
}

/** A billed, heavy restore is planned on a quote the client approves (003 art. 5). */
export function quoteRestore(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, STEP_ACTION.quote);
	const data = parseInput(quoteSchema, input, fieldMessages);
	return step(ctx, slug, number, 'quote', now, () => ({
		changes: { quoteAmountCents: data.amountCents, quoteNote: data.note, quotedAt: now },
		message: data.note,
		data: { amountCents: data.amountCents },
		body: (locale) =>
			m.mail_restore_quoted_body(
				{ amount: formatMoney(data.amountCents, locale), note: data.note },
				{ locale }
			)
	}));
}

/** The client's written agreement to the quote: the contractual clock starts now. */
export function approveRestoreQuote(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown = {},
	now = new Date()
) {
	authorize(ctx, STEP_ACTION['approve-quote']);
	const data = parseInput(decisionSchema, input, fieldMessages);
	return step(ctx, slug, number, 'approve-quote', now, (current, { policy }) => {
		const clockStartedAt = restoreClockStart(current, current.requestedAt, now);
		const dueBy = restoreDueBy(policy, current.withinHours, clockStartedAt);
		return {
			changes: { quoteDecidedAt: now, acceptedAt: now, clockStartedAt, dueBy },
			message: data.comment || null,
			data: dueBy ? { dueBy: dueBy.toISOString() } : undefined,
			tellStaff: true,
			body: (locale) =>
				m.mail_restore_quote_approved_body(
					{
						deadline: dueBy
							? m.restore_terms_due({ when: formatDateTime(dueBy, locale) }, { locale })
							: m.restore_terms_no_deadline({}, { locale })
					},
					{ locale }
				)
		};
	});
}

export function refuseRestoreQuote(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown = {},
	now = new Date()
) {
	authorize(ctx, STEP_ACTION['refuse-quote']);
	const data = parseInput(decisionSchema, input, fieldMessages);
	return step(ctx, slug, number, 'refuse-quote', now, () => ({
		changes: { quoteDecidedAt: now, endedAt: now },
		message: data.comment || null,
		tellStaff: true,
		body: (locale) => m.mail_restore_quote_refused_body({}, { locale })
	}));
}

/** The date of the work, announcing the server stop where there is one (000 §1.8). */
export function scheduleRestore(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, STEP_ACTION.schedule);
	const data = parseInput(scheduleSchema, input, fieldMessages);
	const at = new Date(data.at);
	return step(ctx, slug, number, 'schedule', now, (current) => {
		if (at.getTime() < current.requestedAt.getTime())
			throw invalid(m.form_has_errors(), { at: m.restore_invalid_instant() });
		return {
			changes: { scheduledAt: at },
			message: data.message || null,
			data: { at: at.toISOString() },
			body: (locale) =>
				[
					(current.stopsServer
						? m.mail_restore_scheduled_stop_body
						: m.mail_restore_scheduled_body)({ when: formatDateTime(at, locale) }, { locale }),
					data.message
				]
					.filter(Boolean)
					.join('\n\n')
		};
	});
}

export function reportRestoreProgress(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, STEP_ACTION.progress);
	const data = parseInput(progressSchema, input, fieldMessages);
	return step(ctx, slug, number, 'progress', now, () => ({
		changes: { percent: data.percent },
		message: data.message || null,
		data: { percent: data.percent },
		body: (locale) =>
			[m.mail_restore_progress_body({ percent: data.percent }, { locale }), data.message]
				.filter(Boolean)
				.join('\n\n')
	}));
}

/** Done, with how the restored data was checked with the client (003 art. 5 "la vérification"). */
export function completeRestore(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, STEP_ACTION.complete);
	const data = parseInput(completeSchema, input, fieldMessages);
	return step(ctx, slug, number, 'complete', now, () => ({
		changes: { percent: 100, verification: data.verification, completedAt: now, endedAt: now },
		message: data.verification,
		body: text(data.verification)
	}));
}

export function failRestore(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, STEP_ACTION.fail);
	const data = parseInput(failSchema, input, fieldMessages);
	return step(ctx, slug, number, 'fail', now, () => ({
		changes: { failureReason: data.reason, endedAt: now },
		message: data.reason,
		body: text(data.reason)
	}));
}

/** The client withdraws its request before work starts. */
export function cancelRestore(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown = {},
	now = new Date()
) {
	authorize(ctx, STEP_ACTION.cancel);
	const data = parseInput(decisionSchema, input, fieldMessages);
	return step(ctx, slug, number, 'cancel', now, () => ({
		changes: { endedAt: now },
		message: data.comment || null,
		tellStaff: true,
		body: (locale) =>
			[m.mail_restore_cancelled_body({}, { locale }), data.comment].filter(Boolean).join('\n\n')
	}));
}
