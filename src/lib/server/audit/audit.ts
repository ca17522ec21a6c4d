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

/** Written inside the same transaction as the change it describes (traceability: 004 art. 2 "Traçabilité", 000 §5). */
export async function recordAudit(tx: Executor, ctx: RequestContext, entry: AuditEntry) {
	await tx.insert(auditLog).values({
		at: entry.at,
		actorUserId: actorUserId(ctx),
		actorTokenId: actorTokenId(ctx),
		clientId: entry.clientId ?? null,
		action: entry.action,
		targetType: entry.targetType,
		targetId: entry.targetId ?? null,
		before: entry.before ?? null,
		after: entry.after ?? null,
		ip: ctx.ip
	});
}
