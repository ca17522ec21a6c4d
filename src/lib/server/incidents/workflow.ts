import { eq } from 'drizzle-orm';
import { formatDateTime } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { actorUserId, type RequestContext } from '../context';
import { getDb } from '../db';
import { getClientInScope, incidentInScope } from '../clients/scope';
import {
	incident,
	incidentUpdate,
	type Client,
	type Incident,
	type IncidentStatus,
	type IncidentUpdateKind
} from '../db/schema';
import { conflict, invalid } from '../errors';
import { appendEvent } from '../live/outbox';
import { nudgeMailQueue } from '../mail/mailer';
import { announcePublicNotice } from '../status/public-notices';
import { publicFactsChanged } from '../status/public-notices-rules';
import { parseInput } from '../validation';
import { authorize, can } from '../policy';
import { contractRules, portalOrigin, type ContractRules } from './context';
import { incidentDeadlines } from './deadlines';
import {
	acknowledgeSchema,
	fieldMessages,
	qualifySchema,
	reasonSchema,
	resolveSchema,
	severityChangeSchema,
	updateSchema
} from './input';
import { mailClient, type IncidentMailKind, type MailBody } from './notify';
import { syncDowntimeQualifications } from './qualifications';

interface Step {
	changes?: Partial<typeof incident.$inferInsert>;
	entry: {
		kind: IncidentUpdateKind;
		message?: string | null;
		internal?: boolean;
		at?: Date;
		data?: Record<string, unknown>;
	};
	mail?: { kind: IncidentMailKind; body: MailBody };
}

/**
 * One step of the workflow in one transaction: the report locked, its change, a timeline
 * entry, the audit row, the live event (an internal note reaches staff only) and mails.
 * `now` is the step's clock: the wall clock, or a past instant when a history is replayed.
 */
async function step(
	ctx: RequestContext,
	slug: string,
	number: string,
	now: Date,
	decide: (current: Incident, rules: ContractRules, client: Client) => Step
): Promise<Incident> {
	const updated = await getDb().transaction(async (tx) => {
		const client = await getClientInScope(tx, ctx, slug);
		const current = await incidentInScope(tx, client, number, true);
		const rules = await contractRules(tx, client.id);
		const s = decide(current, rules, client);
		const [after] = await tx
			.update(incident)
			.set({ ...s.changes, updatedAt: now })
			.where(eq(incident.id, current.id))
			.returning();
		await tx.insert(incidentUpdate).values({
			incidentId: current.id,
			at: s.entry.at ?? now,
			authorUserId: actorUserId(ctx),
			kind: s.entry.kind,
			message: s.entry.message ?? null,
			internal: s.entry.internal ?? false,
			data: s.entry.data
		});
		await recordAudit(tx, ctx, {
			action: `incident.${s.entry.kind}`,
			targetType: 'incident',
			targetId: current.id,
			clientId: client.id,
			before: current,
			after,
			at: now
		});
		await syncDowntimeQualifications(tx, after);
		await appendEvent(tx, {
			clientId: s.entry.internal ? null : client.id,
			kind: 'incident.updated',
			payload: {
				clientSlug: client.slug,
				number: after.number,
				status: after.status,
				change: s.entry.kind
			}
		});
		if (publicFactsChanged(current, after))
			await announcePublicNotice(tx, { incidentId: after.id });
		if (s.mail)
			await mailClient(tx, after, s.mail.kind, s.mail.body, portalOrigin(), client.slug, now);
		return after;
	});
	nudgeMailQueue();
	return updated;
}

const wrongState = () => conflict(m.incident_wrong_state());
const OPEN: IncidentStatus[] = ['open', 'acknowledged'];

/** A past instant for imports (`at` ≤ now and not before the report), else now. */
function stepTime(at: string | undefined, current: Incident, now: Date, field = 'at'): Date {
	if (!at) return now;
	const when = new Date(at);
	if (when > now || when < current.reportedAt)
		throw invalid(m.form_has_errors(), { [field]: m.incident_invalid_instant() });
	return when;
}

/** The contract's "prise en compte": an estimate of the problem's nature and of its resolution time. */
export function acknowledgeIncident(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'incident.acknowledge');
	const data = parseInput(acknowledgeSchema, input, fieldMessages);
	return step(ctx, slug, number, now, (current) => {
		if (current.status !== 'open') throw wrongState();
		const at = stepTime(data.at, current, now);
		const text = `${data.nature}\n\n${data.estimatedResolution}`;
		return {
			changes: {
				status: 'acknowledged',
				acknowledgedAt: at,
				estimatedNature: data.nature,
				estimatedResolution: data.estimatedResolution
			},
			entry: {
				kind: 'acknowledged',
				message: text,
				at,
				data: { nature: data.nature, estimatedResolution: data.estimatedResolution }
			},
			mail: {
				kind: 'acknowledged',
				body: (locale) =>
					m.mail_incident_acknowledged_body(
						{ nature: data.nature, estimate: data.estimatedResolution },
						{ locale }
					)
			}
		};
	});
}

/** Opening a ticket does not prove the incident (001 §5.4): staff confirm it and name its cause. */
export function qualifyIncident(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'incident.acknowledge');
	const data = parseInput(qualifySchema, input, fieldMessages);
	return step(ctx, slug, number, now, () => ({
		changes: { qualification: data.qualification, cause: data.cause },
		entry: {
			kind: 'qualified',
			message: data.note || null,
			data: { qualification: data.qualification, cause: data.cause }
		}
	}));
}

/** Staff post public updates or internal notes; the client's contacts may add public comments. */
export function postIncidentUpdate(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	const data = parseInput(updateSchema, input, fieldMessages);
	const staffSide = can(ctx, 'incident.acknowledge');
	if (!staffSide) authorize(ctx, 'incident.respond');
	const internal = staffSide && Boolean(data.internal);
	return step(ctx, slug, number, now, (current) => {
		if (current.status === 'closed') throw wrongState();
		return {
			entry: { kind: internal ? 'note' : 'update', message: data.message, internal },
			mail: internal || !staffSide ? undefined : { kind: 'update', body: () => data.message }
		};
	});
}

export function resolveIncident(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'incident.acknowledge');
	const data = parseInput(resolveSchema, input, fieldMessages);
	return step(ctx, slug, number, now, (current) => {
		if (!OPEN.includes(current.status)) throw wrongState();
		const at = stepTime(data.at, current, now);
		return {
			changes: {
				status: 'resolved',
				resolvedAt: at,
				resolutionSummary: data.summary,
				acknowledgedAt: current.acknowledgedAt ?? at
			},
			entry: { kind: 'resolved', message: data.summary, at },
			mail: { kind: 'resolved', body: () => data.summary }
		};
	});
}

/** The client confirms the resolution: the report is closed. */
export function confirmResolution(
	ctx: RequestContext,
	slug: string,
	number: string,
	now = new Date()
) {
	authorize(ctx, 'incident.respond');
	return step(ctx, slug, number, now, (current) => {
		if (current.status !== 'resolved') throw wrongState();
		return { changes: { status: 'closed', closedAt: now }, entry: { kind: 'confirmed' } };
	});
}

/** Within the contract's window (default 7 days) after resolution, the client may reopen. */
export function reopenIncident(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'incident.respond');
	const data = parseInput(reasonSchema, input, fieldMessages);
	return step(ctx, slug, number, now, (current, rules) => {
		if (current.status !== 'resolved' || !current.resolvedAt) throw wrongState();
		const days = rules.settings.incidents.reopenWithinDays;
		if (now.getTime() - current.resolvedAt.getTime() > days * 86_400_000)
			throw conflict(m.incident_reopen_expired({ days }));
		return {
			changes: {
				status: current.acknowledgedAt ? 'acknowledged' : 'open',
				resolvedAt: null,
				resolutionSummary: null
			},
			entry: { kind: 'reopened', message: data.reason },
			mail: { kind: 'reopened', body: () => data.reason }
		};
	});
}

/** A new severity brings new deadlines, counted from the report (audited, reason required). */
export function changeIncidentSeverity(
	ctx: RequestContext,
	slug: string,
	number: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'incident.acknowledge');
	const data = parseInput(severityChangeSchema, input, fieldMessages);
	return step(ctx, slug, number, now, (current, rules) => {
		if (current.status === 'closed' || current.severity === data.severity) throw wrongState();
		const deadlines = incidentDeadlines(
			current.reportedAt,
			rules.settings.incidents[data.severity],
			rules.support
		);
		return {
			changes: { severity: data.severity, ...deadlines },
			entry: {
				kind: 'severity_changed',
				message: data.reason,
				data: {
					from: current.severity,
					to: data.severity,
					acknowledgeBy: deadlines.acknowledgeBy.toISOString(),
					resolveBy: deadlines.resolveBy.toISOString()
				}
			},
			mail: {
				kind: 'update',
				body: (locale) =>
					m.mail_incident_severity_body(
						{
							reason: data.reason,
							acknowledgeBy: formatDateTime(deadlines.acknowledgeBy, locale),
							resolveBy: formatDateTime(deadlines.resolveBy, locale)
						},
						{ locale }
					)
			}
		};
	});
}
