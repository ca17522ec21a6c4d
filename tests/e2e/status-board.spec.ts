import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const ADMIN = { authorization: 'Bearer demo-admin-token' };
const INGEST = { authorization: 'Bearer demo-ingest-token' };
const CLIENT = 'tyrell';
const SERVERS = 30;

test.beforeAll(async ({ request }) => {
	const client = await request.post('/api/v1/clients', {
		headers: ADMIN,
		data: {
			slug: CLIENT,
			name: 'Tyrell Corporation',
			contract: { preset: 'softconcept', monthlyFeeCents: 50000 }
		}
	});
	expect(client.status()).toBe(201);
	const keys = Array.from({ length: SERVERS }, (_, i) => `node-${String(i + 1).padStart(2, '0')}`);
	for (const key of [...keys, 'portal']) {
		const created = await request.post(`/api/v1/clients/${CLIENT}/components`, {
			headers: ADMIN,
			data: { key, name: key, kind: key === 'portal' ? 'application' : 'server' }
		});
		expect(created.status()).toBe(201);
	}
	const at = new Date(Date.now() - 60_000).toISOString();
	const samples = [...keys, 'portal'].map((component) => ({
		client: CLIENT,
		component,
		at,
		status: component === 'node-07' ? 'down' : 'up',
		cpuPct: 10
	}));
	expect(
		(await request.post('/api/v1/samples', { headers: INGEST, data: { samples } })).status()
	).toBe(202);
});

test('many components: what is wrong first, a long group folded and paged, bars told in words', async ({
	page
}) => {
	await signIn(page, 'staff@demo.test');
	await page.goto(`/app/${CLIENT}`);
	const attention = page.getByTestId('status-attention');
	await expect(attention.getByRole('heading')).toHaveText('À surveiller (1)');
	await expect(attention.locator('li[data-key="node-07"]')).toHaveAttribute('data-status', 'down');

	const servers = page.locator('[data-testid="status-group"][data-kind="server"]');
	await expect(servers.locator('summary')).toContainText('Serveurs (29)');
	await expect(servers.locator('li')).toHaveCount(0);
	const apps = page.locator('[data-testid="status-group"][data-kind="application"]');
	await expect(apps.locator('li[data-key="portal"]')).toBeVisible();

	await servers.locator('summary').click();
	await expect(servers.locator('li')).toHaveCount(20);
	await expect(servers.getByTestId('list-range')).toHaveText('1–20 sur 29');
	await servers.getByRole('button', { name: 'Suivant' }).click();
	await expect(servers.locator('li')).toHaveCount(9);
	await expect(servers.locator('li[data-key="node-30"]')).toBeVisible();

	const bars = servers.locator('li[data-key="node-30"]').getByRole('img');
	await expect(bars).toHaveAccessibleName('Disponibilité des 90 derniers jours de node-30');
	await expect(bars).toHaveAccessibleDescription(/Moyenne sur 90 jours : 100 %/);
	await expect(bars.locator('canvas')).toHaveAttribute('data-drawn', '90');

	// Thirty servers: a page of six cards, each drawing its charts once in view.
	await expect(page.getByTestId('server-metrics')).toHaveCount(6);
});
