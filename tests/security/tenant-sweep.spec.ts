import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { LiveEvent } from '../../src/lib/live/events';
import {
	A,
	ADMIN_TOKEN,
	B,
	B_ROLES,
	INGEST_TOKEN,
	anonymous,
	cookieOf,
	fixtures,
	never5xx,
	openSocket,
	signedIn,
	statePath,
	until
} from './helpers';

/**
 * The tenant sweep: every page, form action, API operation and CSV of client A, tried as each
 * role of client B and anonymously, and every socket event of client A watched from B's sockets.
 * Routes come from the route tree (src/routes), so a new route is swept without being named here;
 * a route with a parameter the sweep does not know fails until it is taught a value.
 * A member must get exactly what a client that does not exist gets: 404, or for a write the very
 * same refusal (no existence oracle); never a 2xx, never a byte of A's data.
 */

interface Route {
	/** The URL path with A's values. */
	path: string;
	/** The same path with a client that does not exist. */
	ghost: string;
	kind: 'page' | 'endpoint';
	methods: string[];
	/** Whether the path names something of a client (a parameter was substituted). */
	ofA: boolean;
}

const ROUTES_DIR = join(process.cwd(), 'src', 'routes');
const GHOST = 'no-such-client';
const METHOD = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

function routeTree(): Route[] {
	const {
		incidentOfA,
		componentOfA,
		maintenanceOfA,
		webhookOfA,
		deliveryOfA,
		restoreOfA,
		backupOfA,
		exportOfA
	} = fixtures();
	const values: Record<string, [own: string, ghost: string] | null> = {
		client: [A, GHOST],
		slug: [A, GHOST],
		number: [incidentOfA, incidentOfA],
		key: [componentOfA, componentOfA],
		id: [maintenanceOfA, maintenanceOfA],
		webhook: [webhookOfA, webhookOfA],
		delivery: [deliveryOfA, deliveryOfA],
		// Single-use e-mailed secrets name no client: swept by session.spec.ts instead.
		token: null
	};
	/** A parameter named like another collection's (…/restores/[number]) takes its own value. */
	const inCollection: Record<string, Record<string, [own: string, ghost: string]>> = {
		restores: { number: [restoreOfA, restoreOfA] },
		backups: { id: [backupOfA, backupOfA] },
		exports: { id: [exportOfA, exportOfA] },
		export: { id: [exportOfA, exportOfA] }
	};
	const routes: Route[] = [];
	const visit = (dir: string, own: string[], ghost: string[], ofA: boolean) => {
		const files = readdirSync(dir, { withFileTypes: true });
		const path = `/${own.join('/')}`;
		const ghostPath = `/${ghost.join('/')}`;
		if (files.some((f) => f.name === '+page.svelte'))
			routes.push({ path, ghost: ghostPath, kind: 'page', methods: ['GET'], ofA });
		const server = join(dir, '+server.ts');
		if (existsSync(server)) {
			const methods = [
				...new Set([...readFileSync(server, 'utf8').matchAll(METHOD)].map((m) => m[1]))
			];
			routes.push({ path, ghost: ghostPath, kind: 'endpoint', methods, ofA });
		}
		for (const entry of files.filter((f) => f.isDirectory())) {
			const name = entry.name;
			if (/^\(.*\)$/.test(name)) {
				visit(join(dir, name), own, ghost, ofA);
				continue;
			}
			// A parameter may carry a suffix (`[id].zip`): the value takes it too.
			const [, param, suffix = ''] =
				/^\[{1,2}(?:\.\.\.)?(\w+)(?:=\w+)?\]{1,2}([.\w-]*)$/.exec(name) ?? [];
			if (!param) {
				visit(join(dir, name), [...own, name], [...ghost, name], ofA);
				continue;
			}
			if (!(param in values))
				throw new Error(
					`src/routes: teach the tenant sweep a value for [${param}] (${join(dir, name)})`
				);
			const value = inCollection[own.at(-1) ?? '']?.[param] ?? values[param];
			if (value)
				visit(join(dir, name), [...own, value[0] + suffix], [...ghost, value[1] + suffix], true);
		}
	};
	visit(ROUTES_DIR, [], [], false);
	return routes;
}

let tree: Route[] | undefined;
/** Read once the setup has run (the values come from its fixtures). */
const routes = () => (tree ??= routeTree());
const routesOfA = () => routes().filter((r) => r.ofA);

function expectNoDataOfA(body: string, what: string) {
	for (const marker of fixtures().markersOfA)
		expect.soft(body.includes(marker), `${what} shows "${marker}" of ${A}`).toBe(false);
}

test('the route tree is read (pages, endpoints, CSV, staff console)', () => {
	const ofA = routesOfA();
	const paths = ofA.map((r) => r.path);
	expect(paths).toContain(`/app/${A}`);
	expect(paths).toContain(`/app/${A}/incidents/export.csv`);
	expect(paths).toContain(`/api/v1/clients/${A}/incidents/${fixtures().incidentOfA}`);
	expect(paths).toContain(`/api/v1/clients/${A}/restores/${fixtures().restoreOfA}/approve-quote`);
	expect(paths).toContain(`/app/${A}/restores/${fixtures().restoreOfA}`);
	expect(paths).toContain(`/app/${A}/backups/${fixtures().backupOfA}`);
	expect(paths).toContain(`/api/v1/clients/${A}/backups/${fixtures().backupOfA}/files`);
	expect(paths).toContain(`/app/${A}/export/${fixtures().exportOfA}.zip`);
	expect(paths).toContain(`/api/v1/clients/${A}/exports/${fixtures().exportOfA}`);
	expect(paths).toContain(`/staff/clients/${A}`);
	expect(paths).toContain(`/app/${A}/maintenance/${fixtures().maintenanceOfA}`);
	expect(ofA.length).toBeGreaterThan(20);
});

for (const email of B_ROLES) {
	test(`${email} gets 404 for every page, CSV and API operation of ${A}`, async () => {
		const member = await signedIn(email);
		for (const route of routesOfA()) {
			for (const method of route.methods) {
				const what = `${method} ${route.path} as ${email}`;
				if (method === 'GET') {
					const response = await member.get(route.path, { maxRedirects: 0 });
					expect.soft(response.status(), what).toBe(404);
					expectNoDataOfA(await response.text(), what);
					if (route.kind === 'page') {
						const data = await member.get(`${route.path === '/' ? '' : route.path}/__data.json`);
						const body = await data.text();
						expect.soft(body, `${what} (__data.json)`).toContain('"status":404');
						expectNoDataOfA(body, `${what} (__data.json)`);
					}
					continue;
				}
				const send = (path: string) => member.fetch(path, { method, data: {}, maxRedirects: 0 });
				const [response, ghost] = [await send(route.path), await send(route.ghost)];
				const body = await response.text();
				expect.soft(response.status(), `${what}: never a success`).toBeGreaterThanOrEqual(400);
				never5xx(response, what);
				if (response.status() !== 404) {
					// A refusal before the client is even looked up: it must be the one a missing client gets.
					expect
						.soft(`${response.status()} ${body}`, `${what} differs from a missing client`)
						.toBe(`${ghost.status()} ${await ghost.text()}`);
				}
				expectNoDataOfA(body, what);
			}
		}
		await member.dispose();
	});
}

test(`anonymous visitors are sent to sign in (pages) or refused (API, CSV) for everything of ${A}`, async () => {
	const visitor = await anonymous();
	for (const route of routesOfA()) {
		for (const method of route.methods) {
			const what = `${method} ${route.path} anonymously`;
			const response = await visitor.fetch(route.path, {
				method,
				...(method === 'GET' ? {} : { data: {} }),
				maxRedirects: 0
			});
			never5xx(response, what);
			if (route.kind === 'page') {
				expect.soft(response.status(), what).toBe(303);
				expect.soft(response.headers()['location'] ?? '', what).toMatch(/^\/login\?redirectTo=/);
			} else {
				expect.soft([401, 404, 405], what).toContain(response.status());
			}
			expectNoDataOfA(await response.text(), what);
		}
	}
	await visitor.dispose();
});

test(`every form of ${A}'s pages, replayed by each role of ${B}, is refused and changes nothing`, async ({
	browser
}) => {
	// Every page of A is opened twice and every form replayed three times: more than 30 s loaded.
	test.setTimeout(180_000);
	// The forms staff and A's own contact see on A's pages, with the values they carry (ids, keys, hidden fields).
	const forms = new Map<string, [string, string][]>();
	for (const email of ['staff@demo.test', 'contact@acme.test']) {
		const context = await browser.newContext({
			storageState: statePath(email),
			javaScriptEnabled: false
		});
		// The server-rendered document holds every form: no script, style or image is needed.
		await context.route('**/_app/**', (r) => r.abort());
		const page = await context.newPage();
		for (const route of routesOfA().filter((r) => r.kind === 'page')) {
			if ((await page.goto(route.path, { waitUntil: 'domcontentloaded' }))?.status() !== 200)
				continue;
			// Attributes, not properties: a field named `method` or `action` would shadow them.
			const found = await page.$$eval('form', (all) =>
				all
					.filter((f) => (f.getAttribute('method') ?? '').toLowerCase() === 'post')
					.map((f) => {
						const url = new URL(f.getAttribute('action') ?? '', location.href);
						return {
							action: url.pathname + url.search,
							fields: [...new FormData(f)].filter(
								(e): e is [string, string] => typeof e[1] === 'string'
							)
						};
					})
			);
			for (const { action, fields } of found)
				if (!['/locale', '/logout'].includes(action) && !forms.has(action))
					forms.set(action, fields);
		}
		await context.close();
	}
	expect(forms.size, 'forms found on the pages of A').toBeGreaterThan(5);

	const snapshot = async (api: APIRequestContext) => {
		const get = async (path: string) => (await api.get(path, { headers: ADMIN_TOKEN })).json();
		const incidents = (await get(`/api/v1/clients/${A}/incidents`)).items.map(
			(i: Record<string, unknown>) => [i.number, i.title, i.status]
		);
		return JSON.stringify([
			await get(`/api/v1/clients/${A}`),
			await get(`/api/v1/clients/${A}/components`),
			incidents
		]);
	};
	const admin = await anonymous();
	const before = await snapshot(admin);
	for (const email of [...B_ROLES, null]) {
		const who = email ? await signedIn(email) : await anonymous();
		for (const [action, fields] of forms) {
			const what = `POST ${action} as ${email ?? 'anonymous'}`;
			const response = await who.post(action, {
				form: Object.fromEntries(fields),
				headers: { accept: 'text/html' },
				maxRedirects: 0
			});
			never5xx(response, what);
			if (email) expect.soft(response.status(), what).toBe(404);
			else
				expect
					.soft(response.headers()['location'] ?? String(response.status()), what)
					.toMatch(/^\/login\?redirectTo=|^40[134]$/);
			expectNoDataOfA(await response.text(), what);
		}
		await who.dispose();
	}
	expect(await snapshot(admin), `${A}'s data changed`).toBe(before);
	await admin.dispose();
});

test(`${B}'s members see nothing of ${A} on the routes that name no client`, async () => {
	for (const email of B_ROLES) {
		const member = await signedIn(email);
		for (const route of routes().filter((r) => !r.ofA && r.methods.includes('GET'))) {
			const response = await member.get(route.path, { maxRedirects: 0 });
			never5xx(response, `GET ${route.path} as ${email}`);
			if (route.path.startsWith('/staff'))
				expect.soft(response.status(), `GET ${route.path} as ${email}`).toBe(404);
			if (route.path === '/api/v1/clients')
				expect.soft(response.status(), `GET ${route.path} as ${email}`).toBe(404);
			expectNoDataOfA(await response.text(), `GET ${route.path} as ${email}`);
		}
		await member.dispose();
	}
});

test(`a socket of ${B} never receives an event of ${A}, live or on catch-up`, async () => {
	const admin = await anonymous();
	const observer = await openSocket(cookieOf('staff@demo.test'));
	const watchers = await Promise.all(
		B_ROLES.map(async (email) => ({ email, ...(await openSocket(cookieOf(email))) }))
	);
	const stranger = await openSocket(null);

	// Every kind of event A can produce, through the API and the staff console.
	const run = Date.now().toString(36);
	const key = `sweep-${run}`;
	const ok = (status: number, what: string) => expect(status, what).toBeLessThan(300);
	ok(
		(
			await admin.post(`/api/v1/clients/${A}/components`, {
				headers: ADMIN_TOKEN,
				data: { key, name: `Sweep ${run}`, kind: 'server', slaScope: false }
			})
		).status(),
		'component'
	);
	ok(
		(
			await admin.patch(`/api/v1/clients/${A}/components/${key}`, {
				headers: ADMIN_TOKEN,
				data: { name: `Sweep renamed ${run}` }
			})
		).status(),
		'rename'
	);
	ok(
		(
			await admin.post('/api/v1/samples', {
				headers: INGEST_TOKEN,
				data: {
					samples: [
						{ client: A, component: key, at: new Date().toISOString(), status: 'down', cpuPct: 99 }
					]
				}
			})
		).status(),
		'sample'
	);
	const filed = await admin.post(`/api/v1/clients/${A}/incidents`, {
		headers: ADMIN_TOKEN,
		data: {
			severity: 'major',
			components: [key],
			title: `Sweep live ${run}`,
			description: 'For A only.'
		}
	});
	ok(filed.status(), 'incident');
	const number = (await filed.json()).number;
	ok(
		(
			await admin.post(`/api/v1/clients/${A}/incidents/${number}/updates`, {
				headers: ADMIN_TOKEN,
				data: { message: 'Public step' }
			})
		).status(),
		'update'
	);
	ok(
		(
			await admin.post(`/api/v1/clients/${A}/incidents/${number}/updates`, {
				headers: ADMIN_TOKEN,
				data: { message: 'Internal step', internal: true }
			})
		).status(),
		'note'
	);
	const start = new Date(Date.now() + 7 * 86_400_000);
	ok(
		(
			await admin.post(`/api/v1/clients/${A}/maintenance`, {
				headers: ADMIN_TOKEN,
				data: {
					components: [key],
					start: start.toISOString(),
					end: new Date(start.getTime() + 3_600_000).toISOString(),
					title: `Sweep window ${run}`
				}
			})
		).status(),
		'maintenance'
	);
	// A restore request of A on the restore point of the demo's own, then withdrawn.
	const shown = await admin.get(`/api/v1/clients/${A}/restores/${fixtures().restoreOfA}`, {
		headers: ADMIN_TOKEN
	});
	ok(shown.status(), 'restore');
	const requested = await admin.post(`/api/v1/clients/${A}/restores`, {
		headers: ADMIN_TOKEN,
		data: {
			backupId: (await shown.json()).backupId,
			scope: 'file',
			target: `/sweep/${run}`,
			confirmDataLoss: true
		}
	});
	ok(requested.status(), 'restore request');
	ok(
		(
			await admin.post(`/api/v1/clients/${A}/restores/${(await requested.json()).number}/cancel`, {
				headers: ADMIN_TOKEN,
				data: {}
			})
		).status(),
		'restore cancel'
	);
	const staff = await signedIn('staff@demo.test');
	const removed = await staff.post(`/staff/clients/${A}?/deleteComponent`, {
		form: { key },
		headers: { accept: 'text/html' }
	});
	never5xx(removed, 'delete component');

	// The sentinel: an event of B, committed after all of A's. Once each B socket has it, A's would have arrived.
	const sentinel = await admin.post(`/api/v1/clients/${B}/incidents`, {
		headers: ADMIN_TOKEN,
		data: { severity: 'minor', title: `Sentinel ${run}`, description: 'For B.' }
	});
	ok(sentinel.status(), 'sentinel');
	const sentinelNumber = (await sentinel.json()).number;
	const isSentinel = (e: LiveEvent) =>
		e.kind === 'incident.filed' && e.payload.number === sentinelNumber;
	const ofClientA = (e: LiveEvent) => 'clientSlug' in e.payload && e.payload.clientSlug === A;

	await until(() => observer.events.some(isSentinel), 'the sentinel at the staff socket');
	const eventsOfA = observer.events.filter(ofClientA);
	const kinds = new Set(eventsOfA.map((e) => e.kind));
	for (const kind of [
		'component.created',
		'component.updated',
		'component.deleted',
		'monitor.batch',
		'incident.filed',
		'incident.updated',
		'restore.filed',
		'restore.updated'
	] as const) {
		expect(kinds, `staff saw ${kind} of ${A}`).toContain(kind);
	}
	const idsOfA = new Set(eventsOfA.map((e) => e.id));
	for (const { email, events } of watchers) {
		await until(() => events.some(isSentinel), `the sentinel at ${email}'s socket`);
		expect(
			events.filter((e) => idsOfA.has(e.id) || ofClientA(e)),
			`${email} heard ${A}`
		).toEqual([]);
		expectNoDataOfA(JSON.stringify(events), `${email}'s socket`);
	}
	await new Promise((r) => setTimeout(r, 300));
	expect(
		stranger.events.filter((e) => idsOfA.has(e.id) || ofClientA(e)),
		`an anonymous socket heard ${A}`
	).toEqual([]);

	// Catch-up from before A's events: the replay skips them.
	const from = Math.min(...idsOfA) - 1;
	for (const email of B_ROLES) {
		const late = await openSocket(cookieOf(email));
		late.socket.emit('catchUp', from);
		await until(() => late.events.some(isSentinel), `the sentinel in ${email}'s catch-up`);
		expect(
			late.events.filter((e) => idsOfA.has(e.id) || ofClientA(e)),
			`${email}'s catch-up replayed ${A}`
		).toEqual([]);
		late.socket.close();
	}
	for (const s of [observer, stranger, ...watchers]) s.socket.close();
	await Promise.all([admin.dispose(), staff.dispose()]);
});
