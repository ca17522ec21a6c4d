import { expect, test, type APIRequestContext, type Locator } from '@playwright/test';
import { signIn } from './helpers';

const ADMIN = { authorization: 'Bearer demo-admin-token' };
const INGEST = { authorization: 'Bearer demo-ingest-token' };
const CLIENT = 'wayne';
const ZONE = 'America/New_York';
const metrics = { cpuPct: 42, ramPct: 61, diskPct: 35, latencyMs: 12, load1: 0.7 };

// The browser's clock is on another continent than the client's: the axes must follow the client.
test.use({ timezoneId: 'Asia/Tokyo' });

function sample(request: APIRequestContext, offsetMs: number, values: Record<string, number> = {}) {
	return request.post('/api/v1/samples', {
		headers: INGEST,
		data: {
			samples: [
				{
					client: CLIENT,
					component: 'lab-1',
					at: new Date(Date.now() + offsetMs).toISOString(),
					status: 'up',
					...values
				}
			]
		}
	});
}

async function ticksOf(chart: Locator): Promise<{ labels: string[]; times: string[] }> {
	return {
		labels: JSON.parse((await chart.getAttribute('data-ticks')) ?? '[]'),
		times: JSON.parse((await chart.getAttribute('data-tick-times')) ?? '[]')
	};
}

const onClientClock = (iso: string) =>
	new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(
		new Date(iso)
	);

test.beforeAll(async ({ request }) => {
	const client = await request.post('/api/v1/clients', {
		headers: ADMIN,
		data: {
			slug: CLIENT,
			name: 'Wayne Enterprises',
			timezone: ZONE,
			commissionedAt: '2026-01-01',
			contract: { preset: 'softconcept', monthlyFeeCents: 50000 }
		}
	});
	expect(client.status()).toBe(201);
	const server = await request.post(`/api/v1/clients/${CLIENT}/components`, {
		headers: ADMIN,
		data: { key: 'lab-1', name: 'Serveur labo', kind: 'server' }
	});
	expect(server.status()).toBe(201);
});

test('a server without measurements says so, then its axes show round times of the client', async ({
	page,
	request
}) => {
	// A status alone carries no measurement: still nothing to draw.
	expect((await sample(request, -180_000)).status()).toBe(202);
	await signIn(page, 'staff@demo.test');
	await page.goto(`/app/${CLIENT}`);
	const server = page.locator('[data-testid="server-metrics"][data-key="lab-1"]');
	await expect(server.getByTestId('metrics-empty')).toHaveText('Pas encore de mesures.');
	await expect(server.getByTestId('metric-chart')).toHaveCount(0);

	expect((await sample(request, -120_000, metrics)).status()).toBe(202);
	await page.reload();
	await expect(server.getByTestId('metrics-empty')).toHaveCount(0);
	const chart = server.getByTestId('metric-chart').first();
	await expect(chart).toHaveAttribute('data-points', /^[1-9]/);

	const day = await ticksOf(chart);
	expect(day.labels.length).toBeGreaterThanOrEqual(4);
	for (const label of day.labels) expect(label).toMatch(/^(00|06|12|18):00$/);
	expect(day.times.map(onClientClock)).toEqual(day.labels);

	await server.getByRole('button', { name: '1 h' }).click();
	await expect(chart).toHaveAttribute('data-ticks', /:[0-5]0"/);
	const hour = await ticksOf(chart);
	expect(hour.labels.length).toBeGreaterThanOrEqual(5);
	for (const label of hour.labels) expect(label).toMatch(/^\d\d:[0-5]0$/);
	expect(hour.times.map(onClientClock)).toEqual(hour.labels);

	// The values in words, for readers who cannot see the chart.
	const table = server.getByTestId('metric-chart-table').first();
	await table.locator('..').getByText('Valeurs du graphique').click();
	await expect(table.getByRole('row', { name: /CPU/ })).toContainText('42 %');
	// No bandwidth was reported: that chart is left out rather than drawn as bare axes.
	await expect(server.getByTestId('metric-chart')).toHaveCount(3);
});
