import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import { client, providerSetting } from '../db/schema';
import { appendEvent } from '../live/outbox';
import { authorize } from '../policy';
import { flagSchema, parseInput } from '../validation';

const settingsSchema = z.object({
	requireStaffTwoFactor: flagSchema.default(false),
	staffIdleMinutes: z.coerce.number().int().min(5).max(43_200),
	memberIdleMinutes: z.coerce.number().int().min(5).max(525_600),
	absoluteLifetimeHours: z.coerce.number().int().min(1).max(8_760)
});

const messages = {
	staffIdleMinutes: () => m.security_idle_range({ min: 5, max: 43_200 }),
	memberIdleMinutes: () => m.security_idle_range({ min: 5, max: 525_600 }),
	absoluteLifetimeHours: () => m.security_lifetime_range({ min: 1, max: 8_760 })
};

export async function getSecuritySettings(ctx: RequestContext) {
	authorize(ctx, 'staff.read');
	const [row] = await getDb().select().from(providerSetting).where(eq(providerSetting.id, 1));
	return {
		requireStaffTwoFactor: row?.requireStaffTwoFactor ?? false,
		staffIdleMinutes: row?.staffIdleMinutes ?? 720,
		memberIdleMinutes: row?.memberIdleMinutes ?? 43_200,
		absoluteLifetimeHours: row?.absoluteLifetimeHours ?? 720
	};
}

export async function updateSecuritySettings(ctx: RequestContext, input: unknown) {
	authorize(ctx, 'security.manage');
	const data = parseInput(settingsSchema, input, messages);
	await getDb().transaction(async (tx) => {
		const [before] = await tx.select().from(providerSetting).where(eq(providerSetting.id, 1));
		await tx
			.insert(providerSetting)
			.values({ id: 1, ...data, updatedAt: new Date() })
			.onConflictDoUpdate({ target: providerSetting.id, set: { ...data, updatedAt: new Date() } });
		await recordAudit(tx, ctx, {
			action: 'security.settings_changed',
			targetType: 'provider',
			before,
			after: data
		});
		await appendEvent(tx, { clientId: null, kind: 'security.updated', payload: {} });
	});
}

/** Staff admins may require two-factor sign-in of a client's admins (asked at their next request). */
export async function setClientAdminTwoFactor(ctx: RequestContext, slug: string, input: unknown) {
	const { required } = parseInput(z.object({ required: flagSchema.default(false) }), input);
	await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		authorize(ctx, 'security.manage', { clientId: owner.id });
		await tx.update(client).set({ requireAdminTwoFactor: required }).where(eq(client.id, owner.id));
		await recordAudit(tx, ctx, {
			action: 'client.admin_two_factor',
			targetType: 'client',
			targetId: owner.id,
			clientId: owner.id,
			before: { required: owner.requireAdminTwoFactor },
			after: { required }
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'client.updated',
			payload: { clientSlug: owner.slug, name: owner.name }
		});
	});
}
