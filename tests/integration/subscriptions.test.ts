import { afterAll, describe, expect, it } from 'vitest';
import { closeDb } from '../../src/lib/server/db';
import { createComponent } from '../../src/lib/server/components/service';
import { getSubscriptions, updateSubscriptions } from '../../src/lib/server/people/subscriptions';
import { createMember, createStaff, createTenant, statusOf } from './factories';

afterAll(() => closeDb());

describe('per-component mail subscriptions (issue 11 §7)', () => {
	it('defaults to every component, keeps the chosen ones, and refuses foreign keys', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff);
		await createComponent(staff, t.slug, { key: 'web-1', name: 'Web 1', kind: 'server' });
		await createComponent(staff, t.slug, { key: 'db-1', name: 'DB 1', kind: 'server' });
		const viewer = await createMember(t.id, t.slug, 'viewer');

		const initial = await getSubscriptions(viewer, t.slug);
		expect(initial.all).toBe(true);
		expect(initial.components.every((c) => c.subscribed)).toBe(true);

		await updateSubscriptions(viewer, t.slug, { scope: 'chosen', components: ['db-1'] });
		const chosen = await getSubscriptions(viewer, t.slug);
		expect(chosen.all).toBe(false);
		expect(chosen.components.map((c) => [c.key, c.subscribed])).toEqual([
			['db-1', true],
			['web-1', false]
		]);

		const other = await createTenant(staff);
		await createComponent(staff, other.slug, { key: 'erp', name: 'ERP', kind: 'application' });
		expect(
			await statusOf(() =>
				updateSubscriptions(viewer, t.slug, { scope: 'chosen', components: ['erp'] })
			)
		).toBe(422);
		expect(await statusOf(() => updateSubscriptions(viewer, t.slug, { scope: 'some' }))).toBe(422);
		expect(
			(await getSubscriptions(viewer, t.slug)).components.find((c) => c.key === 'db-1')?.subscribed
		).toBe(true);

		await updateSubscriptions(viewer, t.slug, { scope: 'all' });
		expect((await getSubscriptions(viewer, t.slug)).all).toBe(true);
	});

	it('is each member’s own: another client is 404, staff are refused', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff);
		const other = await createTenant(staff);
		const contact = await createMember(t.id, t.slug, 'contact');
		expect(await statusOf(() => getSubscriptions(contact, other.slug))).toBe(404);
		expect(await statusOf(() => getSubscriptions(staff, t.slug))).toBe(403);
	});
});
