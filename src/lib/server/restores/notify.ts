import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Executor } from '../db';
import { membership, user, type RestoreRequest } from '../db/schema';
import { queueMail } from '../mail/mailer';
import type { RestoreUpdateKind } from '../../domain/restores';

export type MailBody = (locale: 'fr' | 'en') => string;
type Locale = 'fr' | 'en';

const SUBJECTS: Record<
	RestoreUpdateKind,
	(p: { number: string }, o: { locale: Locale }) => string
> = {
	filed: m.mail_restore_filed_subject,
	accept: m.mail_restore_accepted_subject,
	quote: m.mail_restore_quoted_subject,
	'approve-quote': m.mail_restore_quote_approved_subject,
	'refuse-quote': m.mail_restore_quote_refused_subject,
	schedule: m.mail_restore_scheduled_subject,
	progress: m.mail_restore_progress_subject,
	complete: m.mail_restore_completed_subject,
	fail: m.mail_restore_failed_subject,
	cancel: m.mail_restore_cancelled_subject
};

async function send(
	tx: Executor,
	recipients: { email: string; locale: Locale | null }[],
	row: RestoreRequest,
	kind: RestoreUpdateKind,
	body: MailBody,
	link: string,
	at: Date | undefined
) {
	const seen = new Set<string>();
	for (const r of recipients) {
		if (seen.has(r.email)) continue;
		seen.add(r.email);
		const locale = r.locale ?? 'fr';
		await queueMail(tx, {
			to: r.email,
			clientId: row.clientId,
			subject: SUBJECTS[kind]({ number: row.number }, { locale }),
			text: m.mail_restore_body(
				{ number: row.number, target: row.target, body: body(locale), link },
				{ locale }
			),
			at
		});
	}
}

/**
 * Each step, in writing, to the requester and the client's contacts and admins (002 art. 7.3:
 * the written channel), each in their language; `at` replays a past step (default now).
 */
export async function mailRestoreClient(
	tx: Executor,
	row: RestoreRequest,
	kind: RestoreUpdateKind,
	body: MailBody,
	origin: string,
	clientSlug: string,
	at?: Date
) {
	const recipients = await tx
		.select({ email: user.email, locale: user.locale })
		.from(user)
		.leftJoin(membership, eq(membership.userId, user.id))
		.where(
			or(
				row.requestedByUserId ? eq(user.id, row.requestedByUserId) : undefined,
				and(eq(membership.clientId, row.clientId), inArray(membership.role, ['contact', 'admin']))
			)
		);
	await send(
		tx,
		recipients,
		row,
		kind,
		body,
		`${origin}/app/${clientSlug}/restores/${row.number}`,
		at
	);
}

/** Staff hear of every new request, and of the client's decisions on quotes and cancellations. */
export async function mailRestoreStaff(
	tx: Executor,
	row: RestoreRequest,
	kind: RestoreUpdateKind,
	body: MailBody,
	origin: string,
	at?: Date
) {
	const recipients = await tx
		.select({ email: user.email, locale: user.locale })
		.from(user)
		.where(isNotNull(user.staffRole));
	await send(tx, recipients, row, kind, body, `${origin}/staff/restores/${row.number}`, at);
}
