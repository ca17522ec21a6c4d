import { and, asc, isNull } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Executor } from '../db';
import { getDb } from '../db';
import { outboxMail } from '../db/schema';

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

const BATCH_SIZE = 100;
const MAX_BATCHES = 50;
const FROM = () => process.env.MAIL_FROM ?? 'Portail <no-reply@portal.localhost>';

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
	if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
	return transport.transporter;
}

/** Queued in the caller's transaction, so a mail exists only if the change that caused it committed. */
export async function queueMail(tx: Executor, mail: Mail): Promise<void> {
	await tx.insert(outboxMail).values(mail);
}

/**
 * Sends queued mail through SMTP_URL. Without SMTP_URL the outbox is the delivery:
 * staff admins read it at /staff/outbox.
 */
export async function deliverQueuedMail(): Promise<void> {
	const url = process.env.SMTP_URL;
	if (!url) return;
	const db = getDb();
	// Drain the backlog in batches: mail queued while SMTP was down goes out with the next send.
	for (let batch = 0; batch < MAX_BATCHES; batch++) {
		const pending = await db
			.select()
			.from(outboxMail)
			.where(and(isNull(outboxMail.sentAt), isNull(outboxMail.error)))
			.orderBy(asc(outboxMail.id))
			.limit(BATCH_SIZE);
		for (const mail of pending) {
			try {
				await transporter(url).sendMail({ from: FROM(), to: mail.to, subject: mail.subject, text: mail.text });
				await db.update(outboxMail).set({ sentAt: new Date() }).where(eq(outboxMail.id, mail.id));
			} catch (e) {
				await db
					.update(outboxMail)
					.set({ error: e instanceof Error ? e.message.slice(0, 500) : 'send failed' })
					.where(eq(outboxMail.id, mail.id));
			}
		}
		if (pending.length < BATCH_SIZE) return;
	}
}
