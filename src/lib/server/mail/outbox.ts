import { count, desc } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb } from '../db';
import { outboxMail } from '../db/schema';

export const OUTBOX_PAGE_SIZE = 25;

export async function listOutbox(ctx: RequestContext, page: number) {
	authorize(ctx, 'outbox.read');
	const db = getDb();
	const offset = (Math.max(1, page) - 1) * OUTBOX_PAGE_SIZE;
	const [rows, [{ total }]] = await Promise.all([
		db
			.select()
			.from(outboxMail)
			.orderBy(desc(outboxMail.id))
			.limit(OUTBOX_PAGE_SIZE)
			.offset(offset),
		db.select({ total: count() }).from(outboxMail)
	]);
	return { rows, total, pageSize: OUTBOX_PAGE_SIZE };
}
