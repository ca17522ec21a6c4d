import { and, eq, inArray } from 'drizzle-orm';
import { dateTimeFormat } from '$lib/intl';
import { formatDateTime } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { getDb, type Executor } from '../db';
import {
	component,
	incident,
	incidentComponent,
	incidentUpdate,
	type Client,
	type Incident,
	type IncidentSource
} from '../db/schema';
import { invalid } from '../errors';
import { appendEvent } from '../live/outbox';
import { nudgeMailQueue } from '../mail/mailer';
import { announcePublicNotice } from '../status/public-notices';
import { parseInput } from '../validation';
import { authorize } from '../policy';
import { contractRules, nextSequence, portalOrigin, type ContractRules } from './context';
import { incidentDeadlines, incidentNumber } from './deadlines';
import { fieldMessages, fileIncidentSchema, type FileInput } from './input';
import { mailClient, mailStaffOfNewReport } from './notify';

const yearIn = (timeZone: string, at: Date) =>
	Number(dateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));

/**
 * Files a signalement (000 §2, 002 art. 4.2): a yearly number, the contract's two deadlines from the
 * moment it was reported, its components, the first timeline entry, mails and a live event.
 */
export async function fileIncident(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'incident.file');
	const by = filingSource(ctx);
	const data = parseInput(fileIncidentSchema, input, fieldMessages);
	// Reports received by phone or e-mail are logged afterwards with their real time; never in the future.
	const reportedAt = data.reportedAt && by !== 'portal' ? new Date(data.reportedAt) : now;
	if (reportedAt.getTime() > now.getTime())
		throw invalid(m.form_has_errors(), { reportedAt: m.incident_invalid_instant() });
	const created = await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const rules = await contractRules(tx, owner.id);
		const components = data.components.length
			? await tx
					.select({ id: component.id, key: component.key })
					.from(component)
					.where(and(eq(component.clientId, owner.id), inArray(component.key, data.components)))
			: [];
		if (components.length !== new Set(data.components).size) {
			throw invalid(m.form_has_errors(), { components: m.incident_invalid_components() });
		}
		return insertIncident(tx, ctx, {
			owner,
			rules,
			data,
			by,
			reporterUserId: ctx.actor.kind === 'member' ? ctx.actor.userId : null,
			reportedAt,
			components,
			at: now
		});
	});
	nudgeMailQueue();
	return created;
}

export interface NewReport {
	owner: Client;
	rules: ContractRules;
	data: Pick<FileInput, 'severity' | 'title' | 'description'>;
	by: IncidentSource;
	reporterUserId: string | null;
	reportedAt: Date;
	components: { id: string; key: string }[];
	monitoringComponentId?: string;
	/** When the report is recorded: now, or the filing's own clock (a replayed past). */
	at?: Date;
}

/** Numbers, dates and records a report with its first timeline entry, audit, live event and mails. */
export async function insertIncident(
	tx: Executor,
	ctx: RequestContext,
	report: NewReport
): Promise<Incident> {
	const { owner, rules, data, by, reportedAt, components, at } = report;
	const year = yearIn(owner.timezone, reportedAt);
	const sequence = await nextSequence(tx, year);
	const deadlines = incidentDeadlines(
		reportedAt,
		rules.settings.incidents[data.severity],
		rules.support
	);
	const [row] = await tx
		.insert(incident)
		.values({
			clientId: owner.id,
			number: incidentNumber(year, sequence),
			year,
			sequence,
			severity: data.severity,
			title: data.title,
			description: data.description,
			source: by,
			reporterUserId: report.reporterUserId,
			monitoringComponentId: report.monitoringComponentId ?? null,
			reportedAt,
			...deadlines
		})
		.returning();
	if (components.length)
		await tx
			.insert(incidentComponent)
			.values(components.map((c) => ({ incidentId: row.id, componentId: c.id })));
	await tx.insert(incidentUpdate).values({
		incidentId: row.id,
		at: reportedAt,
		authorUserId: actorUserId(ctx),
		kind: 'filed',
		message: row.description
	});
	await recordAudit(tx, ctx, {
		action: 'incident.filed',
		targetType: 'incident',
		targetId: row.id,
		clientId: owner.id,
		after: row,
		at
	});
	await appendEvent(tx, {
		clientId: owner.id,
		kind: 'incident.filed',
		payload: {
			clientSlug: owner.slug,
			number: row.number,
			severity: row.severity,
			title: row.title
		}
	});
	await announcePublicNotice(tx, { incidentId: row.id });
	await mailStaffOfNewReport(tx, row, portalOrigin(), at);
	const body = (locale: 'fr' | 'en') =>
		m.mail_incident_filed_body(
			{
				acknowledgeBy: formatDateTime(row.acknowledgeBy, locale),
				resolveBy: formatDateTime(row.resolveBy, locale)
			},
			{ locale }
		);
	await mailClient(tx, row, 'filed', body, portalOrigin(), owner.slug, at);
	return row;
}

/** Where a report came from, once `incident.file` has let its author in. */
function filingSource(ctx: RequestContext): IncidentSource {
	if (ctx.actor.kind === 'member') return 'portal';
	return ctx.actor.kind === 'staff' ? 'staff' : 'api';
}
