import { asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit';
import { componentInScope, getClientInScope } from '../../clients/scope';
import type { RequestContext } from '../../context';
import { authorize } from '../../policy';
import { getDb, type Executor } from '../../db';
import { component, probe, type Probe } from '../../db/schema';
import { notFound } from '../../errors';
import { probeValues } from './input';

async function componentOf(tx: Executor, ctx: RequestContext, slug: string, key: string) {
	const owner = await getClientInScope(tx, ctx, slug);
	const row = await componentInScope(tx, owner, key);
	return { clientId: owner.id, componentId: row.id };
}

export interface ComponentProbe {
	component: { id: string; key: string; name: string; kind: string };
	probe: Probe | null;
}

/** The staff page's list: every component of the client with its probe, if any. */
export async function getProbesOfClient(
	ctx: RequestContext,
	slug: string
): Promise<ComponentProbe[]> {
	authorize(ctx, 'component.write');
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	return db
		.select({
			component: {
				id: component.id,
				key: component.key,
				name: component.name,
				kind: component.kind
			},
			probe
		})
		.from(component)
		.leftJoin(probe, eq(probe.componentId, component.id))
		.where(eq(component.clientId, owner.id))
		.orderBy(asc(component.name));
}

/**
 * Creates or replaces a component's probe (any staff role). A new configuration starts
 * afresh: failures forgotten, first check at once; the last status stays so the state holds.
 */
export async function setProbe(
	ctx: RequestContext,
	slug: string,
	componentKey: string,
	input: unknown
): Promise<Probe> {
	authorize(ctx, 'component.write');
	const values = probeValues(input);
	return getDb().transaction(async (tx) => {
		const { clientId, componentId } = await componentOf(tx, ctx, slug, componentKey);
		const [before] = await tx
			.select()
			.from(probe)
			.where(eq(probe.componentId, componentId))
			.for('update');
		const fresh = {
			consecutiveFailures: 0,
			lastError: null,
			nextRunAt: sql`now()`,
			updatedAt: sql`now()`
		};
		const [after] = await tx
			.insert(probe)
			.values({ componentId, ...values })
			.onConflictDoUpdate({ target: probe.componentId, set: { ...values, ...fresh } })
			.returning();
		await recordAudit(tx, ctx, {
			action: before ? 'probe.updated' : 'probe.created',
			targetType: 'probe',
			targetId: after.id,
			clientId,
			before: before ?? null,
			after
		});
		return after;
	});
}

export async function removeProbe(
	ctx: RequestContext,
	slug: string,
	componentKey: string
): Promise<void> {
	authorize(ctx, 'component.write');
	await getDb().transaction(async (tx) => {
		const { clientId, componentId } = await componentOf(tx, ctx, slug, componentKey);
		const [before] = await tx.delete(probe).where(eq(probe.componentId, componentId)).returning();
		if (!before) throw notFound();
		await recordAudit(tx, ctx, {
			action: 'probe.deleted',
			targetType: 'probe',
			targetId: before.id,
			clientId,
			before
		});
	});
}
