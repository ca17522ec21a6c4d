import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { ComponentView } from '$lib/live/events';
import { recordAudit } from '../audit/audit';
import { componentInScope, getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb, type Executor } from '../db';
import { COMPONENT_KINDS, component, type Component } from '../db/schema';
import { conflict, isUniqueViolation } from '../errors';
import { appendEvent } from '../live/outbox';
import { flagSchema, keySchema, nameSchema, parseInput } from '../validation';

/** How often an agent reports; three silent intervals make the component unknown, never down. */
const expectedIntervalSchema = z.coerce.number().int().min(10).max(86_400).meta({
	description:
		'Seconds between agent samples (default 60); three silent intervals make the component unknown'
});

export const createComponentSchema = z.object({
	key: keySchema,
	name: nameSchema,
	kind: z.enum(COMPONENT_KINDS),
	public: flagSchema
		.optional()
		.meta({ description: 'Shown on the public status page (default false)' }),
	expectedIntervalSeconds: expectedIntervalSchema.optional(),
	slaScope: flagSchema.optional().meta({ description: 'Counted by the SLA (default true)' })
});

export const updateComponentSchema = z
	.object({
		name: nameSchema.optional(),
		kind: z.enum(COMPONENT_KINDS).optional(),
		public: flagSchema.optional(),
		expectedIntervalSeconds: expectedIntervalSchema.optional(),
		/** Counted by the SLA: while it is down, the service is unavailable (000 §2, 001 §5.1, 004 art. 6). */
		slaScope: flagSchema.optional()
	})
	.strict();

const messages = {
	key: () => m.validation_key(),
	name: () => m.validation_name(),
	kind: () => m.validation_kind(),
	expectedIntervalSeconds: () => m.validation_expected_interval()
};

export function toComponentView(c: Component): ComponentView {
	return { key: c.key, name: c.name, kind: c.kind, public: c.public };
}

export async function listComponents(ctx: RequestContext, slug: string) {
	const db = getDb();
	const found = await getClientInScope(db, ctx, slug);
	return db
		.select()
		.from(component)
		.where(eq(component.clientId, found.id))
		.orderBy(asc(component.kind), asc(component.name));
}

export async function createComponent(ctx: RequestContext, slug: string, input: unknown) {
	authorize(ctx, 'component.write');
	const data = parseInput(createComponentSchema, input, messages);
	try {
		return await getDb().transaction(async (tx) => {
			const owner = await getClientInScope(tx, ctx, slug);
			const [created] = await tx
				.insert(component)
				.values({
					clientId: owner.id,
					key: data.key,
					name: data.name,
					kind: data.kind,
					public: data.public ?? false,
					expectedIntervalSeconds: data.expectedIntervalSeconds,
					slaScope: data.slaScope
				})
				.returning();
			await recordAudit(tx, ctx, {
				action: 'component.created',
				targetType: 'component',
				targetId: created.id,
				clientId: owner.id,
				after: created
			});
			await appendEvent(tx, {
				clientId: owner.id,
				kind: 'component.created',
				payload: { clientSlug: owner.slug, component: toComponentView(created) }
			});
			if (created.public) await announcePublicChange(tx);
			return created;
		});
	} catch (e) {
		if (isUniqueViolation(e))
			throw conflict(m.component_key_taken(), { key: m.component_key_taken() });
		throw e;
	}
}

export async function updateComponent(
	ctx: RequestContext,
	slug: string,
	key: string,
	input: unknown
) {
	authorize(ctx, 'component.write');
	const data = parseInput(updateComponentSchema, input, messages);
	return getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const before = await componentInScope(tx, owner, key);
		const [after] = await tx
			.update(component)
			.set({
				name: data.name ?? before.name,
				kind: data.kind ?? before.kind,
				public: data.public ?? before.public,
				expectedIntervalSeconds: data.expectedIntervalSeconds ?? before.expectedIntervalSeconds,
				slaScope: data.slaScope ?? before.slaScope
			})
			.where(eq(component.id, before.id))
			.returning();
		await recordAudit(tx, ctx, {
			action: 'component.updated',
			targetType: 'component',
			targetId: before.id,
			clientId: owner.id,
			before,
			after
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'component.updated',
			payload: {
				clientSlug: owner.slug,
				component: toComponentView(after),
				previousKey: before.key
			}
		});
		if (before.public || after.public) await announcePublicChange(tx);
		return after;
	});
}

export async function deleteComponent(ctx: RequestContext, slug: string, key: string) {
	authorize(ctx, 'component.write');
	await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const before = await componentInScope(tx, owner, key);
		await tx.delete(component).where(eq(component.id, before.id));
		await recordAudit(tx, ctx, {
			action: 'component.deleted',
			targetType: 'component',
			targetId: before.id,
			clientId: owner.id,
			before
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'component.deleted',
			payload: { clientSlug: owner.slug, key: before.key }
		});
		if (before.public) await announcePublicChange(tx);
	});
}

/** The public room learns that its list changed, never whose component it was. */
function announcePublicChange(tx: Executor) {
	return appendEvent(tx, {
		clientId: null,
		kind: 'public.components',
		payload: {},
		isPublic: true
	});
}
