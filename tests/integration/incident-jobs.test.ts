import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { event, incident, incidentUpdate } from '../../src/lib/server/db/schema';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import {
	noteRecoveries,
	openIncidentsForOutages,
	refreshDeadlineStates
} from '../../src/lib/server/incidents/jobs';
import { ingestSamples } from '../../src/lib/server/status/ingest';
import { createMember, createStaff, createTenant } from './factories';

const ingest: RequestContext = {
	actor: { kind: 'token', tokenId: crypto.randomUUID(), scope: 'ingest' },
	ip: null
};

describe('monitoring opens incidents (001 §4.1.1 level 1)', () => {
	it('opens one critical report when a component stays down past the limit, and notes its recovery', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff, 'alteo');
		await createComponent(staff, t.slug, { key: 'web-1', name: 'Web 1', kind: 'server' });
		const start = Date.now() - 20 * 60_000;
		const down = Array.from({ length: 10 }, (_, i) => ({
			client: t.slug,
			component: 'web-1',
			at: new Date(start + i * 60_000).toISOString(),
			status: 'down'
		}));
		await ingestSamples(ingest, { samples: down }, new Date(start + 10 * 60_000));
		await openIncidentsForOutages(new Date(start + 2 * 60_000));
		expect(await getDb().select().from(incident).where(eq(incident.clientId, t.id))).toHaveLength(
			0
		);
		await openIncidentsForOutages(new Date(start + 10 * 60_000));
		await openIncidentsForOutages(new Date(start + 11 * 60_000));
		const opened = await getDb().select().from(incident).where(eq(incident.clientId, t.id));
		expect(opened).toHaveLength(1);
		expect(opened[0]).toMatchObject({ source: 'monitoring', severity: 'critical', status: 'open' });
		expect(opened[0].reportedAt).toEqual(new Date(start));

		await ingestSamples(
			ingest,
			{
				samples: [
					{
						client: t.slug,
						component: 'web-1',
						at: new Date(start + 10 * 60_000).toISOString(),
						status: 'up'
					}
				]
			},
			new Date(start + 10 * 60_000)
		);
		await noteRecoveries();
		await noteRecoveries();
		const notes = await getDb()
			.select()
			.from(incidentUpdate)
			.where(and(eq(incidentUpdate.incidentId, opened[0].id), eq(incidentUpdate.kind, 'update')));
		expect(notes).toHaveLength(1);
	});
});

describe('deadline states are pushed as time passes', () => {
	it('turns an unacknowledged report at risk, then breached, with one live event per change', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff, 'alteo');
		const contact = await createMember(t.id, t.slug, 'contact');
		const filedAt = new Date();
		const filed = await fileIncident(
			contact,
			t.slug,
			{ severity: 'critical', title: 'Panne totale', description: 'x' },
			filedAt
		);
		const after = (minutes: number) => new Date(filedAt.getTime() + minutes * 60_000);
		await refreshDeadlineStates(after(10));
		await refreshDeadlineStates(after(50));
		await refreshDeadlineStates(after(55));
		await refreshDeadlineStates(after(70));
		const [row] = await getDb().select().from(incident).where(eq(incident.id, filed.id));
		expect([row.acknowledgeState, row.resolveState]).toEqual(['breached', 'on_track']);
		const pushed = await getDb().select().from(event).where(eq(event.clientId, t.id));
		expect(
			pushed.filter((e) => (e.payload as { change?: string }).change === 'deadline')
		).toHaveLength(2);
	});
});
