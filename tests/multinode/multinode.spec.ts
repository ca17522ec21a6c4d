import { expect, test, type Browser } from '@playwright/test';
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
test.describe.configure({ mode: 'serial' });

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

/** A signed-in client admin on /app/acme, kept on `node` by the proxy's cookie. */
async function clientPage(browser: Browser, node: number) {
	const context = await browser.newContext({ baseURL: proxy!.url });
	await context.addCookies([{ name: NODE_COOKIE, value: String(node), url: proxy!.url }]);
	const page = await context.newPage();
	await signIn(page, 'admin@acme.test');
	await expect(page).toHaveURL(/\/app\/acme$/);
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
	return {
		page,
		context,
		componentName: (key: string) =>
			page.locator(`li[data-key="${key}"] [data-testid="component-name"]`),
		marker: () => page.evaluate(() => (window as unknown as { marker: number }).marker)
	};
}

test('without WebSockets the browser falls back to polling, kept on its node', async ({
	browser
}) => {
	proxy!.webSockets = false;
	const upgrades = [...proxy!.upgrades];
	const client = await clientPage(browser, 0);
	expect(proxy!.polls[0]).toBeGreaterThan(0);
	expect(proxy!.polls[1]).toBe(0);

	await renameThroughB('db-1', 'Base de données principale');
	await expect(client.componentName('db-1')).toHaveText('Base de données principale');
	expect(await client.marker()).toBe(42);
	expect(proxy!.polls[1]).toBe(0);
	expect(proxy!.upgrades).toEqual(upgrades);
	proxy!.webSockets = true;
	await client.context.close();
});

test('a browser on node A sees a change made through node B, and stays live when A is killed', async ({
	browser
}) => {
	const client = await clientPage(browser, 0);
	expect(proxy!.upgrades[0]).toBeGreaterThan(0);
	expect(proxy!.upgrades[1]).toBe(0);

	await renameThroughB('web-1', 'Serveur web principal');
	await expect(client.componentName('web-1')).toHaveText('Serveur web principal');

	const killed = new Promise((done) => nodes[0].child.once('exit', done));
	nodes[0].child.kill('SIGKILL');
	await killed;
	await expect.poll(() => proxy!.upgrades[1]).toBeGreaterThan(0);
	await expect(client.page.getByTestId('live-indicator')).toHaveText('En direct');

	await renameThroughB('web-1', 'Serveur web de secours');
	await expect(client.componentName('web-1')).toHaveText('Serveur web de secours');
	expect(await client.marker()).toBe(42);
	await client.context.close();
});
