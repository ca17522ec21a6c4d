import { rm } from 'node:fs/promises';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import { endSessions } from '../auth/session';
import { systemContext, type RequestContext } from '../context';
import { endOfContractDates, isDestructionDue } from '../contracts/end-of-contract';
import { getDb, type Executor } from '../db';
import {
	client,
	clientExport,
	clientTombstone,
	contract,
	loginThrottle,
	membership,
	outboxMail,
	session,
	user,
	type ClientTombstone
} from '../db/schema';
import { exportFilePath } from '../export/context';
import type { PeriodicJob } from '../jobs/registry';
import { childLog } from '../log';
import { authorize } from '../policy';
import { endRulesOf } from './end-of-contract';

const log = childLog({ module: 'destruction' });

async function lastExport(tx: Executor, clientId: string) {
	const [row] = await tx
		.select({ sha256: clientExport.sha256, finishedAt: clientExport.finishedAt })
		.from(clientExport)
		.where(and(eq(clientExport.clientId, clientId), isNotNull(clientExport.sha256)))
		.orderBy(desc(clientExport.finishedAt))
		.limit(1);
	return row ?? null;
}

/**
 * Deletes everything of one client in one transaction (000 §1.9, 002 art. 7.3, 003 art. 10,
 * 004 art. 10): its people (their sessions end and their sockets close at commit), their mail
 * and sign-in counters, then the client row, whose foreign keys cascade to every table of its
 * data. What stays is the tombstone and the audit trail, which no key ties to the client.
 * Null when the end was withdrawn or moved meanwhile, or while an export of the client runs.
 */
async function destroyClient(clientId: string, now: Date): Promise<ClientTombstone | null> {
	return getDb().transaction(async (tx) => {
		const [found] = await tx
			.select({ client, contract })
			.from(client)
			.innerJoin(contract, eq(contract.clientId, client.id))
			.where(eq(client.id, clientId))
			.for('update');
		const rules = found && endRulesOf(found.contract);
		if (!found?.client.contractEndsOn || !rules) return null;
		const { destroyOn } = endOfContractDates(found.client.contractEndsOn, rules);
		if (!isDestructionDue(destroyOn, now, found.client.timezone)) return null;
		// An export the client asked on its last day finishes first; the next run destroys.
		const [building] = await tx
			.select({ id: clientExport.id })
			.from(clientExport)
			.where(and(eq(clientExport.clientId, clientId), eq(clientExport.status, 'running')));
		if (building) return null;
		const people = await tx
			.select({ id: user.id, email: user.email })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(eq(membership.clientId, clientId));
		const [orderedBy] = found.client.contractEndRecordedBy
			? await tx
					.select({ id: user.id, name: user.name })
					.from(user)
					.where(eq(user.id, found.client.contractEndRecordedBy))
			: [];
		const exported = await lastExport(tx, clientId);
		const [tombstone] = await tx
			.insert(clientTombstone)
			.values({
				clientId,
				slug: found.client.slug,
				name: found.client.name,
				preset: found.contract.preset,
				endsOn: found.client.contractEndsOn,
				destroyOn,
				destroyedAt: now,
				orderedByUserId: orderedBy?.id ?? null,
				orderedByName: orderedBy?.name ?? null,
				exportSha256: exported?.sha256 ?? null,
				exportFinishedAt: exported?.finishedAt ?? null
			})
			.returning();
		await recordAudit(tx, systemContext, {
			action: 'client.destroyed',
			targetType: 'client',
			targetId: clientId,
			clientId,
			before: { slug: found.client.slug, name: found.client.name, people: people.length },
			after: tombstone,
			at: now
		});
		const ids = people.map((p) => p.id);
		if (ids.length > 0) {
			await endSessions(tx, inArray(session.userId, ids));
			const emails = people.map((p) => p.email);
			await tx.delete(outboxMail).where(inArray(outboxMail.to, emails));
			const keys = emails.map((e) => e.trim().toLowerCase());
			await tx
				.delete(loginThrottle)
				.where(
					inArray(loginThrottle.key, [
						...keys.map((e) => `account:${e}`),
						...keys.map((e) => `reset:account:${e}`)
					])
				);
			await tx.delete(user).where(inArray(user.id, ids));
		}
		await tx.delete(client).where(eq(client.id, clientId));
		return tombstone;
	});
}

/** Destroys every client whose destruction date is over where it lives; returns their tombstones. */
export async function destroyDueClients(now = new Date()): Promise<ClientTombstone[]> {
	const ending = await getDb()
		.select({ id: client.id })
		.from(client)
		.where(isNotNull(client.contractEndsOn));
	const destroyed: ClientTombstone[] = [];
	for (const { id } of ending) {
		const tombstone = await destroyClient(id, now);
		if (!tombstone) continue;
		await rm(exportFilePath(id), { recursive: true, force: true });
		log.info({ clientId: id, slug: tombstone.slug }, 'client data destroyed');
		destroyed.push(tombstone);
	}
	return destroyed;
}

/** The staff console lists this many of the latest destructions; every one stays in the trail. */
export const TOMBSTONES_SHOWN = 50;

/** The provider's record of destroyed clients, newest first (provider readers). */
export async function listTombstones(ctx: RequestContext): Promise<ClientTombstone[]> {
	authorize(ctx, 'client.list');
	return getDb()
		.select()
		.from(clientTombstone)
		.orderBy(desc(clientTombstone.destroyedAt))
		.limit(TOMBSTONES_SHOWN);
}

/** Checked every ten minutes: a destruction is due at the end of its day, not to the minute. */
export function destructionJobs(): PeriodicJob[] {
	return [
		{
			name: 'client destruction',
			intervalMs: 10 * 60_000,
			lockKey: 1401,
			run: () => destroyDueClients()
		}
	];
}
