import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { freePort } from '../bench/harness';
import { signIn } from '../e2e/helpers';
import { bootNode, stopNode, type Node } from '../faults/nodes';
import { NODE_COOKIE, startProxy, type Proxy } from './proxy';

/**
 * Two production nodes on one PostgreSQL behind the proxy of tests/multinode/proxy.ts, configured
 * as the README's "Several nodes" section says.
 */
let root: string;
let database: EmbeddedDatabase | undefined;
let proxy: Proxy | undefined;
const nodes: Node[] = [];

test.beforeAll(async () => {
	test.setTimeout(240_000);
	root = mkdtempSync(join(tmpdir(), 'portal-multinode-'));
	database = await startEmbeddedDatabase(join(root, 'pg'), 'multinode');
	const port = await freePort();
	const env = {
		ORIGIN: `http://127.0.0.1:${port}`,
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1'
	};
	for (const name of ['node-a', 'node-b'])
		nodes.push(await bootNode(name, { databaseUrl: database.url, logDir: root, env }));
	proxy = await startProxy(
		nodes.map((n) => n.url),
		port
	);
});

test.afterAll(async () => {
	await proxy?.close();
	await Promise.all(nodes.map(stopNode));
	await database?.stop();
	rmSync(root, { recursive: true, force: true });
});

/** A staff change made on node B itself (with the header the proxy would add). */
async function renameThroughB(key: string, name: string) {
	const response = await fetch(`${nodes[1].url}/api/v1/clients/acme/components/${key}`, {
		method: 'PATCH',
		headers: {
			authorization: 'Bearer demo-admin-token',
			'content-type': 'application/json',
			'x-forwarded-for': '127.0.0.1'
		},
		body: JSON.stringify({ name })
	});
	expect(response.status).toBe(200);
}

test('a browser on node A sees a change made through node B, and stays live when A is killed', async ({
	browser
}) => {
	const context = await browser.newContext({ baseURL: proxy!.url });
	await context.addCookies([{ name: NODE_COOKIE, value: '0', url: proxy!.url }]);
	const page = await context.newPage();
	const indicator = page.getByTestId('live-indicator');
	const name = page.locator('li[data-key="web-1"] [data-testid="component-name"]');

	await signIn(page, 'admin@acme.test');
	await expect(page).toHaveURL(/\/app\/acme$/);
	await expect(indicator).toHaveText('En direct');
	expect(proxy!.upgrades[0]).toBeGreaterThan(0);
	expect(proxy!.upgrades[1]).toBe(0);
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

	await renameThroughB('web-1', 'Serveur web principal');
	await expect(name).toHaveText('Serveur web principal');

	const killed = new Promise((done) => nodes[0].child.once('exit', done));
	nodes[0].child.kill('SIGKILL');
	await killed;
	await expect.poll(() => proxy!.upgrades[1]).toBeGreaterThan(0);
	await expect(indicator).toHaveText('En direct');

	await renameThroughB('web-1', 'Serveur web de secours');
	await expect(name).toHaveText('Serveur web de secours');
	expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
	await context.close();
});
