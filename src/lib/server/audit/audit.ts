import { sql } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { actorTokenId, actorUserId } from '../context';
import type { Executor } from '../db';
import { auditLog } from '../db/schema';

export interface AuditEntry {
	action: string;
	targetType: string;
	targetId?: string | null;
	clientId?: string | null;
	before?: unknown;
	after?: unknown;
	/** When the change happened: now, unless the caller replays a past one (the demo's history). */
	at?: Date;
}

function actorName(ctx: RequestContext) {
	const { actor } = ctx;
	if ('name' in actor) return actor.name;
	if (actor.kind === 'token') return sql`(select name from api_token where id = ${actor.tokenId})`;
	return null;
}

/**
 * Written inside the same transaction as the change it describes (traceability: 004 art. 2
 * "Traçabilité", 000 §5). The only write path to audit_log: rows are never updated or deleted.
 */
export async function recordAudit(tx: Executor, ctx: RequestContext, entry: AuditEntry) {
	const clientId = entry.clientId ?? null;
	await tx.insert(auditLog).values({
		at: entry.at,
		actorUserId: actorUserId(ctx),
		actorTokenId: actorTokenId(ctx),
		actorName: actorName(ctx),
		clientId,
		clientName: clientId ? sql`(select name from client where id = ${clientId})` : null,
		action: entry.action,
		targetType: entry.targetType,
		targetId: entry.targetId ?? null,
		before: entry.before ?? null,
		after: entry.after ?? null,
		ip: ctx.ip,
		userAgent: ctx.userAgent ?? null
	});
}
