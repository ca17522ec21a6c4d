import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/lib/server/clients/service';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { ingestSamples } from '../../src/lib/server/status/ingest';
import { getPublicStatus } from '../../src/lib/server/status/read';
import { createStaff, createTenant, unique } from './factories';

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
