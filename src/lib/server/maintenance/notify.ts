/** Maintenance mails, queued in the transaction of their cause, each in its reader's language and time zone. */
import { m } from '$lib/paraglide/messages';
import type { Executor } from '../db';
import { portalOrigin } from '../incidents/context';
import { queueMail } from '../mail/mailer';
import { maintenanceRecipients } from './recipients';

export type MaintenanceMailKind =
	'published' | 'rescheduled' | 'cancelled' | 'reminder' | 'started' | 'ended';

export interface MailedWindow {
	id: string;
	clientId: string;
	title: string;
	startAt: Date;
	endAt: Date;
	cancelReason?: string | null;
}

const SUBJECTS = {
	published: m.mail_maintenance_published_subject,
	rescheduled: m.mail_maintenance_rescheduled_subject,
	cancelled: m.mail_maintenance_cancelled_subject,
	reminder: m.mail_maintenance_reminder_subject,
	started: m.mail_maintenance_started_subject,
	ended: m.mail_maintenance_ended_subject
};

const when = (at: Date, locale: 'fr' | 'en', timeZone: string) =>
	new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
		dateStyle: 'full',
		timeStyle: 'short',
		timeZone
	}).format(at);

/** `agreementReset`: a rescheduled window whose earlier agreement no longer holds (000 §1.4). */
export async function mailMaintenance(
	tx: Executor,
	w: MailedWindow,
	kind: MaintenanceMailKind,
	{ agreementReset = false, at }: { agreementReset?: boolean; at?: Date } = {}
): Promise<number> {
	const recipients = await maintenanceRecipients(tx, w);
	const seen = new Set<string>();
	for (const r of recipients) {
		if (seen.has(r.email)) continue;
		seen.add(r.email);
		const locale = r.locale;
		const notes = [
			agreementReset ? m.mail_maintenance_agreement_reset({}, { locale }) : '',
			kind === 'cancelled' && w.cancelReason
				? m.mail_maintenance_cancel_reason({ reason: w.cancelReason }, { locale })
				: ''
		].filter(Boolean);
		await queueMail(tx, {
			to: r.email,
			clientId: w.clientId,
			subject: SUBJECTS[kind]({ title: w.title }, { locale }),
			text: m.mail_maintenance_body(
				{
					title: w.title,
					start: when(w.startAt, locale, r.timeZone),
					end: when(w.endAt, locale, r.timeZone),
					notes: notes.join('\n\n'),
					link: `${portalOrigin()}/app/${r.clientSlug}/maintenance/${w.id}`
				},
				{ locale }
			),
			at
		});
	}
	return seen.size;
}
