import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './helpers';

/**
 * Every page of the route tree, as each role that may open it, in French and in English, passes
 * axe's WCAG 2.1 A/AA rules without a serious or critical violation. Pages come from src/routes:
 * a page missing from AUDIENCE, or with a parameter urlOf does not fill, fails the suite.
 */

const VISITORS = {
	anonymous: { email: null, client: 'acme' },
	staff: { email: 'staff@demo.test', client: 'acme' },
	operator: { email: 'operator@demo.test', client: 'acme' },
	clientAdmin: { email: 'admin@acme.test', client: 'acme' },
	contact: { email: 'contact@globex.test', client: 'globex' },
	viewer: { email: 'viewer@initech.test', client: 'initech' }
} as const;
type Visitor = keyof typeof VISITORS;

const STAFF: Visitor[] = ['staff', 'operator'];
const MEMBERS: Visitor[] = ['clientAdmin', 'contact', 'viewer'];
const SIGNED_IN: Visitor[] = [...STAFF, ...MEMBERS];

/** Who opens each page (route id as in src/routes). */
const AUDIENCE: Record<string, Visitor[]> = {
	'/login': ['anonymous'],
	'/login/two-factor': ['anonymous'],
	'/forgot-password': ['anonymous'],
	'/reset-password/[token]': ['anonymous'],
	'/invite/[token]': ['anonymous'],
	'/no-access': ['anonymous'],
	'/status': ['anonymous', ...SIGNED_IN],
	'/account': SIGNED_IN,
	'/app/[client]': MEMBERS,
	'/app/[client]/contract': MEMBERS,
	'/app/[client]/incidents': MEMBERS,
	'/app/[client]/incidents/[number]': MEMBERS,
	'/app/[client]/incidents/new': MEMBERS,
	'/app/[client]/maintenance': MEMBERS,
	'/app/[client]/maintenance/[id]': MEMBERS,
	'/app/[client]/notifications': MEMBERS,
	'/app/[client]/people': MEMBERS,
	'/app/[client]/people/history': MEMBERS,
	'/app/[client]/audit': ['clientAdmin'],
	'/app/[client]/export': ['clientAdmin', 'staff'],
	'/app/[client]/sla': MEMBERS,
	'/app/[client]/settings/webhooks': ['clientAdmin', ...STAFF],
	'/app/[client]/backups': MEMBERS,
	'/app/[client]/backups/[id]': MEMBERS,
	'/app/[client]/restores': MEMBERS,
	'/app/[client]/restores/[number]': MEMBERS,
	'/app/[client]/restores/new': MEMBERS,
	'/staff': STAFF,
	'/staff/clients/[slug]': STAFF,
	'/staff/clients/[slug]/sla': STAFF,
	'/staff/clients/new': ['staff'],
	'/staff/incidents': STAFF,
	'/staff/incidents/[number]': STAFF,
	'/staff/incidents/new': STAFF,
	'/staff/maintenance': STAFF,
	'/staff/maintenance/[id]': STAFF,
	'/staff/maintenance/new': STAFF,
	'/staff/outbox': ['staff'],
	'/staff/audit': STAFF,
	'/staff/backups': STAFF,
	'/staff/restores': STAFF,
	'/staff/restores/[number]': STAFF,
	'/staff/team': STAFF,
	'/staff/tokens': ['staff']
};

const ADMIN_TOKEN = { authorization: 'Bearer demo-admin-token' };
const LOCALES = ['fr', 'en'] as const;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function pageRoutes(dir = join(process.cwd(), 'src', 'routes'), id = ''): string[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const own = entries.some((e) => e.name === '+page.svelte') ? [id || '/'] : [];
	const nested = entries
		.filter((e) => e.isDirectory())
		.flatMap((e) =>
			pageRoutes(join(dir, e.name), /^\(.*\)$/.test(e.name) ? id : `${id}/${e.name}`)
		);
	return [...own, ...nested];
}

const incidents = new Map<string, Promise<string>>();

/** An incident number of the client: one the demo data holds, else one filed here (once). */
function incidentOf(request: APIRequestContext, client: string): Promise<string> {
	if (!incidents.has(client)) incidents.set(client, findOrFileIncident(request, client));
	return incidents.get(client)!;
}

async function findOrFileIncident(request: APIRequestContext, client: string) {
	const list = await request.get(`/api/v1/clients/${client}/incidents`, { headers: ADMIN_TOKEN });
	expect(list.status()).toBe(200);
	const [first] = (await list.json()).items as { number: string }[];
	if (first) return first.number;
	const filed = await request.post(`/api/v1/clients/${client}/incidents`, {
		headers: ADMIN_TOKEN,
		data: { severity: 'minor', title: 'Accessibility audit', description: 'Filed by a11y.spec.' }
	});
	expect(filed.status()).toBe(201);
	return (await filed.json()).number;
}

const windows = new Map<string, Promise<string>>();

/** A maintenance window the client's people see (the demo data announces some to every client). */
function maintenanceOf(request: APIRequestContext, client: string): Promise<string> {
	if (!windows.has(client))
		windows.set(
			client,
			(async () => {
				const list = await request.get(`/api/v1/clients/${client}/maintenance`, {
					headers: ADMIN_TOKEN
				});
				expect(list.status()).toBe(200);
				const items = (await list.json()).items as { id: string; state: string }[];
				const seen = items.find((i) => i.state !== 'draft');
				expect(seen, `a11y.spec: ${client} has no published maintenance`).toBeDefined();
				return seen!.id;
			})()
		);
	return windows.get(client)!;
}

const restores = new Map<string, Promise<string>>();

/** A restore request number of the client: the demo seeds some for every client. */
function restoreOf(request: APIRequestContext, client: string): Promise<string> {
	if (!restores.has(client))
		restores.set(
			client,
			(async () => {
				const list = await request.get(`/api/v1/clients/${client}/restores`, {
					headers: ADMIN_TOKEN
				});
				expect(list.status()).toBe(200);
				const [first] = (await list.json()).items as { number: string }[];
				expect(first, `a demo restore request of ${client}`).toBeDefined();
				return first.number;
			})()
		);
	return restores.get(client)!;
}

const backups = new Map<string, Promise<string>>();

/** A backup of the client: the demo seeds 60 days of them for every client. */
function backupOf(request: APIRequestContext, client: string): Promise<string> {
	if (!backups.has(client))
		backups.set(
			client,
			(async () => {
				const list = await request.get(`/api/v1/clients/${client}/backups`, {
					headers: ADMIN_TOKEN
				});
				expect(list.status()).toBe(200);
				const [first] = (await list.json()).backups as { id: string }[];
				expect(first, `a demo backup of ${client}`).toBeDefined();
				return first.id;
			})()
		);
	return backups.get(client)!;
}

async function urlOf(route: string, visitor: Visitor, request: APIRequestContext) {
	const { client } = VISITORS[visitor];
	const values: Record<string, () => Promise<string> | string> = {
		client: () => client,
		slug: () => client,
		id: () =>
			route.includes('/backups/') ? backupOf(request, client) : maintenanceOf(request, client),
		number: () =>
			route.includes('/restores/') ? restoreOf(request, client) : incidentOf(request, client),
		token: () => 'not-a-valid-token'
	};
	let url = route;
	for (const [segment, name] of route.matchAll(/\[(\w+)\]/g)) {
		const value = values[name];
		if (!value) throw new Error(`a11y.spec: teach urlOf a value for [${name}] (${route})`);
		url = url.replace(segment, await value());
	}
	return url;
}

/**
 * Colour contrast follows the stylesheet, not the reader or the language, and is most of axe's time
 * (seconds on a long page): it runs once per page, as the first visitor AUDIENCE lists, in French.
 * Every other rule runs for every visitor in both languages.
 */
function checksContrast(route: string, visitor: Visitor, locale: (typeof LOCALES)[number]) {
	return locale === 'fr' && AUDIENCE[route][0] === visitor;
}

async function seriousViolations(page: Page, contrast: boolean) {
	const axe = new AxeBuilder({ page }).withTags(WCAG);
	if (!contrast) axe.disableRules(['color-contrast']);
	const { violations } = await axe.analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`
		);
}

test('every page of the route tree has an audience', () => {
	const routes = pageRoutes();
	expect(routes).toContain('/app/[client]/people');
	expect(
		routes.filter((r) => !(r in AUDIENCE)),
		'pages missing from AUDIENCE'
	).toEqual([]);
	expect(
		Object.keys(AUDIENCE).filter((r) => !routes.includes(r)),
		'not pages'
	).toEqual([]);
});

for (const visitor of Object.keys(VISITORS) as Visitor[]) {
	for (const locale of LOCALES) {
		test(`every page ${visitor} opens passes axe (${locale})`, async ({ page, baseURL }) => {
			// Two of these run side by side on a 2-core machine: each gets twice the time it needs alone.
			test.setTimeout(600_000);
			const { email } = VISITORS[visitor];
			if (email) await signIn(page, email);
			await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
			const routes = pageRoutes().filter((r) => AUDIENCE[r]?.includes(visitor));
			const failures: string[] = [];
			for (const route of routes) {
				const url = await urlOf(route, visitor, page.request);
				const response = await page.goto(url);
				expect(response?.status(), `${url} as ${visitor}`).toBe(200);
				expect(new URL(page.url()).pathname, `${url} as ${visitor}`).toBe(url);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				await page.waitForLoadState('networkidle');
				const found = await seriousViolations(page, checksContrast(route, visitor, locale));
				if (found.length) failures.push(`${url}:\n  ${found.join('\n  ')}`);
			}
			expect(failures, failures.join('\n')).toEqual([]);
		});
	}
}
