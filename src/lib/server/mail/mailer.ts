import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Executor } from '../db';
import { getDb, rowsOf } from '../db';
import { outboxMail } from '../db/schema';
import { childLog } from '../log';

export interface Mail {
	to: string;
	/** The client the mail is about, if any: it goes with the client's data at destruction. */
	clientId?: string | null;
	subject: string;
	text: string;
	/** When it was queued: now, unless the caller replays a past change (the demo's history). */
	at?: Date;
}

/** After the n-th failed attempt the mail waits RETRY_BASE_MS · 2^(n-1), at most RETRY_MAX_MS. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 30 * 60_000;
/** A mail still unsent this long after it was queued is given up (state `failed`, shown on /staff/outbox). */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/**
 * A claim leases the mail this long (`next_attempt_at` pushed forward in the claiming statement):
 * no other drain, on this node or another, takes it meanwhile. Longer than one send can last
 * (the transport timeouts below), so a mail goes out once unless its node dies mid-send.
 */
export const LEASE_MS = 5 * 60_000;
const SEND_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
/** A drain stops after this many mails; the next run takes the rest. */
const MAX_PER_DRAIN = 500;
const FROM = () => process.env.MAIL_FROM ?? 'Portail <no-reply@portal.localhost>';
const log = childLog({ module: 'mail' });

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
	if (transport?.url !== url)
		transport = { url, transporter: nodemailer.createTransport({ url, ...SEND_TIMEOUTS }) };
	return transport.transporter;
}

let nudged: (() => void) | undefined;

/** The running mail job registers here to hear of new mail (mail/jobs.ts). */
export function onMailQueued(listener: (() => void) | undefined): void {
	nudged = listener;
}

/**
 * Queued in the caller's transaction, so a mail exists only if the change that caused it
 * committed. Sending is the mail job's: call `nudgeMailQueue` after the commit.
 */
export async function queueMail(tx: Executor, { at, ...mail }: Mail): Promise<void> {
	await tx.insert(outboxMail).values({ ...mail, createdAt: at, nextAttemptAt: at });
}

/** Tells this node's mail job that mail was queued, so it runs soon; never waits for SMTP. */
export function nudgeMailQueue(): void {
	nudged?.();
}

interface Claimed {
	id: number;
	to: string;
	subject: string;
	text: string;
}

/** Takes the oldest due mail and leases it, in one statement: concurrent drains skip it. */
async function claimOne(db: Executor): Promise<Claimed | undefined> {
	const [row] = rowsOf<Claimed>(
		await db.execute(sql`
			update outbox_mail set attempts = attempts + 1,
				next_attempt_at = now() + make_interval(secs => ${LEASE_MS / 1000})
			where id = (
				select id from outbox_mail where state = 'pending' and next_attempt_at <= now()
				order by next_attempt_at, id limit 1
				for update skip locked)
			returning id, "to", subject, text`)
	);
	return row;
}

async function markSent(db: Executor, id: number): Promise<void> {
	await db.execute(
		sql`update outbox_mail set state = 'sent', sent_at = now(), error = null where id = ${id}`
	);
}

/**
 * The pending mail queued up to `until` is taken as delivered when it was queued, so no drain ever
 * sends it: the demo's past (demo/seed.ts) went out back then, not to today's demo addresses.
 */
export async function markMailDelivered(db: Executor, until: Date): Promise<number> {
	const updated = await db.execute(sql`
		update outbox_mail set state = 'sent', sent_at = created_at, attempts = 1
		where state = 'pending' and created_at <= ${until.toISOString()}::timestamptz`);
	return updated.count;
}

/** Schedules the retry with exponential back-off, or gives up once the mail is a day old. */
async function markFailed(db: Executor, id: number, error: string): Promise<void> {
	await db.execute(sql`
		update outbox_mail set error = ${error},
			state = case when created_at <= now() - make_interval(secs => ${GIVE_UP_AFTER_MS / 1000}) then 'failed' else 'pending' end,
			failed_at = case when created_at <= now() - make_interval(secs => ${GIVE_UP_AFTER_MS / 1000}) then now() end,
			next_attempt_at = now() + make_interval(secs => least(${RETRY_MAX_MS / 1000}, ${RETRY_BASE_MS / 1000} * power(2, greatest(attempts, 1) - 1)))
		where id = ${id}`);
}

/**
 * Sends the due queued mail through SMTP_URL, one claimed mail at a time; returns how many went
 * out. Any number of drains may run at once, on any number of nodes: each mail is claimed by one.
 * Without SMTP_URL the outbox is the delivery: staff admins read it at /staff/outbox.
 */
export async function deliverQueuedMail(): Promise<number> {
	const url = process.env.SMTP_URL;
	if (!url) return 0;
	const db = getDb();
	let sent = 0;
	for (let n = 0; n < MAX_PER_DRAIN; n++) {
		const mail = await claimOne(db);
		if (!mail) break;
		try {
			await transporter(url).sendMail({
				from: FROM(),
				to: mail.to,
				subject: mail.subject,
				text: mail.text
			});
		} catch (e) {
			const error = e instanceof Error ? e.message.slice(0, 500) : 'send failed';
			log.warn({ mailId: mail.id, error }, 'mail not sent; will retry');
			await markFailed(db, mail.id, error);
			continue;
		}
		await markSent(db, mail.id);
		sent++;
	}
	return sent;
}
