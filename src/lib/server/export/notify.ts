import { and, eq, or } from 'drizzle-orm';
import { formatDateTime } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Executor } from '../db';
import { membership, user, type ClientExport } from '../db/schema';
import { queueMail } from '../mail/mailer';

/** The client's admins, and whoever asked, hear that the export is ready, each in their language. */
export async function mailExportReady(
	tx: Executor,
	row: ClientExport,
	client: { slug: string; name: string },
	origin: string
) {
	const recipients = await tx
		.select({ email: user.email, locale: user.locale })
		.from(user)
		.leftJoin(membership, eq(membership.userId, user.id))
		.where(
			or(
				row.requestedBy ? eq(user.id, row.requestedBy) : undefined,
				and(eq(membership.clientId, row.clientId), eq(membership.role, 'admin'))
			)
		);
	const link = `${origin}/app/${client.slug}/export`;
	const seen = new Set<string>();
	for (const r of recipients) {
		if (seen.has(r.email)) continue;
		seen.add(r.email);
		const locale = r.locale ?? 'fr';
		await queueMail(tx, {
			to: r.email,
			clientId: row.clientId,
			subject: m.mail_export_ready_subject({ client: client.name }, { locale }),
			text: m.mail_export_ready_body(
				{
					client: client.name,
					expires: row.expiresAt ? formatDateTime(row.expiresAt, locale) : '',
					sha256: row.sha256 ?? '',
					link
				},
				{ locale }
			)
		});
	}
}
