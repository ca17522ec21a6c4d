import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Executor } from '../db';
import { incidentComponent, mailSubscription, membership, user, type Incident } from '../db/schema';
import { isSubscribed } from '../maintenance/recipients';
import { queueMail } from '../mail/mailer';

export type IncidentMailKind = 'filed' | 'acknowledged' | 'update' | 'resolved' | 'reopened';

interface Recipient {
	email: string;
	locale: 'fr' | 'en' | null;
	muted: boolean;
}

function subject(kind: IncidentMailKind, incident: Incident, locale: 'fr' | 'en') {
	const params = { number: incident.number, title: incident.title };
	const byKind = {
		filed: m.mail_incident_filed_subject,
		acknowledged: m.mail_incident_acknowledged_subject,
		update: m.mail_incident_update_subject,
		resolved: m.mail_incident_resolved_subject,
		reopened: m.mail_incident_reopened_subject
	};
	return byKind[kind](params, { locale });
}

/** Mutes hold except for critical reports: server or applications unreachable (000 §2). */
export type MailBody = (locale: 'fr' | 'en') => string;

async function send(
	tx: Executor,
	recipients: Recipient[],
	incident: Incident,
	kind: IncidentMailKind,
	body: MailBody,
	link: string,
	at: Date | undefined
) {
	const seen = new Set<string>();
	for (const r of recipients) {
		if ((r.muted && incident.severity !== 'critical') || seen.has(r.email)) continue;
		seen.add(r.email);
		const locale = r.locale ?? 'fr';
		await queueMail(tx, {
			to: r.email,
			clientId: incident.clientId,
			subject: subject(kind, incident, locale),
			text: m.mail_incident_body(
				{ number: incident.number, title: incident.title, body: body(locale), link },
				{ locale }
			),
			at
		});
	}
}

/** The reporter and the client's contacts and admins; `at` replays a past step (default now). */
export async function mailClient(
	tx: Executor,
	incident: Incident,
	kind: IncidentMailKind,
	body: MailBody,
	origin: string,
	clientSlug: string,
	at?: Date
) {
	const rows = await tx
		.select({
			email: user.email,
			locale: user.locale,
			muted: user.muteIncidentMail,
			chosen: mailSubscription.componentIds
		})
		.from(user)
		.leftJoin(membership, eq(membership.userId, user.id))
		.leftJoin(
			mailSubscription,
			and(eq(mailSubscription.userId, user.id), eq(mailSubscription.clientId, incident.clientId))
		)
		.where(
			or(
				incident.reporterUserId ? eq(user.id, incident.reporterUserId) : undefined,
				and(
					eq(membership.clientId, incident.clientId),
					inArray(membership.role, ['contact', 'admin'])
				)
			)
		);
	const components = (
		await tx
			.select({ id: incidentComponent.componentId })
			.from(incidentComponent)
			.where(eq(incidentComponent.incidentId, incident.id))
	).map((c) => c.id);
	// Components a person did not choose count as muted: critical reports still go (000 §2).
	const recipients = rows.map((r) => ({
		...r,
		muted: r.muted || !isSubscribed(r.chosen, components)
	}));
	await send(
		tx,
		recipients,
		incident,
		kind,
		body,
		`${origin}/app/${clientSlug}/incidents/${incident.number}`,
		at
	);
}

/** Staff hear of every new critical or major report. */
export async function mailStaffOfNewReport(
	tx: Executor,
	incident: Incident,
	origin: string,
	at?: Date
) {
	if (incident.severity !== 'critical' && incident.severity !== 'major') return;
	const recipients = await tx
		.select({ email: user.email, locale: user.locale, muted: user.muteIncidentMail })
		.from(user)
		.where(isNotNull(user.staffRole));
	await send(
		tx,
		recipients,
		incident,
		'filed',
		() => incident.description,
		`${origin}/staff/incidents/${incident.number}`,
		at
	);
}
