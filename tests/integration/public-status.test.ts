import { and, asc, eq, gt, max } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/lib/server/clients/service';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { event } from '../../src/lib/server/db/schema';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import { postIncidentUpdate, resolveIncident } from '../../src/lib/server/incidents/workflow';
import { createMaintenance } from '../../src/lib/server/maintenance/service';
import { ingestSamples } from '../../src/lib/server/status/ingest';
import { publicPageData } from '../../src/lib/server/status/public-page';
import { getPublicStatus } from '../../src/lib/server/status/read';
import { createMember, createStaff, createTenant, unique } from './factories';

const ingest: RequestContext = {
	actor: { kind: 'token', tokenId: crypto.randomUUID(), scope: 'ingest' },
	ip: null
};

describe('the public page puts each component on its own client’s calendar', () => {
	it('ends a Paris row and an Auckland row each with its own today', async () => {
		// 23:30 in Paris on 4 October is 10:30 on 5 October in Auckland.
		const now = new Date('2026-10-04T21:30:00Z');
		const staff = await createStaff();
		const paris = await createTenant(staff);
		const auckland = await createClient(staff, {
			slug: unique('nz').toLowerCase(),
			name: 'Client NZ',
			timezone: 'Pacific/Auckland',
			contract: { preset: 'alteo', monthlyFeeCents: 0 }
		});
		const keys = { paris: unique('edge-paris'), auckland: unique('edge-nz') };
		for (const [tenant, key] of [
			[paris, keys.paris],
			[auckland, keys.auckland]
		] as const) {
			await createComponent(staff, tenant.slug, { key, name: key, kind: 'network', public: true });
			await ingestSamples(
				ingest,
				{
					samples: Array.from({ length: 30 }, (_, minute) => ({
						client: tenant.slug,
						component: key,
						at: new Date(now.getTime() - (30 - minute) * 60_000).toISOString(),
						status: 'up'
					}))
				},
				now
			);
		}
		const page = await getPublicStatus(now);
		const row = (key: string) => page.components.find((c) => c.key === key)!;
		expect(row(keys.paris).days.at(-1)).toMatchObject({ day: '2026-10-04', availability: 100 });
		expect(row(keys.auckland).days.at(-1)).toMatchObject({ day: '2026-10-05', availability: 100 });
		expect(row(keys.auckland).days).toHaveLength(90);
	});
});

async function lastEventId() {
	const [row] = await getDb()
		.select({ id: max(event.id) })
		.from(event);
	return row.id ?? 0;
}

const publicNoticeEvents = async (after: number) =>
	getDb()
		.select({ clientId: event.clientId, payload: event.payload })
		.from(event)
		.where(and(gt(event.id, after), eq(event.kind, 'public.notices'), eq(event.isPublic, true)))
		.orderBy(asc(event.id));

describe('public incidents and maintenance on /status', () => {
	it('shows those of public components only, never a client’s private one, and says so live', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const contact = await createMember(tenant.id, tenant.slug, 'contact');
		await createComponent(staff, tenant.slug, {
			key: 'shared-net',
			name: 'Réseau partagé',
			kind: 'network',
			public: true
		});
		await createComponent(staff, tenant.slug, {
			key: 'erp',
			name: 'ERP confidentiel',
			kind: 'application'
		});
		const title = (what: string) => `${what} ${unique('t')}`;
		const titles = {
			current: title('Coupure réseau'),
			resolved: title('Lenteurs réseau'),
			private: title('Panne ERP du client'),
			mixed: title('Réseau et ERP'),
			upcoming: title('Changement de routeur'),
			past: title('Mise à jour firmware'),
			privateMaintenance: title('Migration ERP')
		};
		const file = (components: string[], text: string, by: RequestContext = staff) =>
			fileIncident(by, tenant.slug, {
				severity: 'major',
				components,
				title: text,
				description: 'Description confidentielle du signalement.'
			});
		const before = await lastEventId();

		await file(['shared-net'], titles.current);
		expect(await publicNoticeEvents(before)).toEqual([{ clientId: null, payload: {} }]);
		const resolved = await file(['shared-net'], titles.resolved);
		await file(['erp'], titles.private, contact);
		await file(['shared-net', 'erp'], titles.mixed);
		expect(await publicNoticeEvents(before)).toHaveLength(2);
		const afterFiling = await lastEventId();
		await postIncidentUpdate(staff, tenant.slug, resolved.number, {
			message: 'Note interne.',
			internal: true
		});
		expect(await publicNoticeEvents(afterFiling)).toHaveLength(0);
		await resolveIncident(staff, tenant.slug, resolved.number, { summary: 'Lien rétabli.' });
		expect(await publicNoticeEvents(afterFiling)).toHaveLength(1);

		const now = Date.now();
		const window = (startH: number, endH: number) => ({
			start: new Date(now + startH * 3_600_000).toISOString(),
			end: new Date(now + endH * 3_600_000).toISOString()
		});
		const afterIncidents = await lastEventId();
		await createMaintenance(staff, tenant.slug, {
			components: ['shared-net'],
			title: titles.upcoming,
			...window(72, 73)
		});
		await createMaintenance(staff, tenant.slug, {
			components: ['shared-net'],
			title: titles.past,
			...window(-50, -49)
		});
		await createMaintenance(staff, tenant.slug, {
			components: ['erp'],
			title: titles.privateMaintenance,
			...window(24, 25)
		});
		expect(await publicNoticeEvents(afterIncidents)).toHaveLength(2);

		const page = await publicPageData();
		const find = <T extends { title: string }>(list: T[], text: string) =>
			list.find((i) => i.title === text);
		expect(find(page.incidents.current, titles.current)).toMatchObject({
			status: 'open',
			severity: 'major',
			end: null,
			components: ['Réseau partagé']
		});
		expect(find(page.incidents.past, titles.resolved)).toMatchObject({
			status: 'resolved',
			components: ['Réseau partagé']
		});
		expect(find(page.incidents.current, titles.resolved)).toBeUndefined();
		expect(find(page.maintenance.upcoming, titles.upcoming)).toMatchObject({
			state: 'scheduled',
			components: ['Réseau partagé']
		});
		expect(find(page.maintenance.past, titles.past)).toMatchObject({ state: 'completed' });

		const shown = JSON.stringify(page);
		for (const secret of [
			titles.private,
			titles.mixed,
			titles.privateMaintenance,
			'ERP confidentiel',
			'Description confidentielle',
			'Note interne',
			'Lien rétabli',
			resolved.number,
			tenant.slug,
			tenant.name
		])
			expect(shown).not.toContain(secret);
	});
});
