import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import { getDb } from '../../src/lib/server/db';
import { auditLog, webhookDelivery } from '../../src/lib/server/db/schema';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import { createMaintenance } from '../../src/lib/server/maintenance/service';
import { deliverDueWebhooks } from '../../src/lib/server/webhooks/deliver';
import { fanOutEvents } from '../../src/lib/server/webhooks/fanout';
import {
	createWebhook,
	deleteWebhook,
	listDeliveries,
	listWebhooks,
	replayDelivery
} from '../../src/lib/server/webhooks/service';
import { verifySignature } from '../../src/lib/server/webhooks/signature';
import { createMember, createStaff, createTenant, statusOf } from './factories';

interface Received {
	headers: IncomingHttpHeaders;
	raw: string;
}

/** A real HTTP receiver on 127.0.0.1 that answers the statuses it is told, in turn. */
let server: Server;
let received: Received[] = [];
let answers: number[] = [];
let receiverUrl = '';

beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
			res.statusCode = answers.shift() ?? 200;
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/portal`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	delete process.env.WEBHOOK_ALLOW_PRIVATE;
});

beforeEach(() => {
	received = [];
	answers = [];
	process.env.WEBHOOK_ALLOW_PRIVATE = '1';
});

async function tenant() {
	const staff = await createStaff();
	const t = await createTenant(staff);
	await createComponent(staff, t.slug, { key: 'web-1', name: 'Web', kind: 'server' });
	const admin = await createMember(t.id, t.slug, 'admin');
	return { staff, t, admin };
}

/** Due now, as if its back-off had run out. */
const makeDue = (id: string) =>
	getDb()
		.update(webhookDelivery)
		.set({ nextAttemptAt: new Date(Date.now() - 1000) })
		.where(eq(webhookDelivery.id, id));

const publish = (staff: Awaited<ReturnType<typeof createStaff>>, slug: string) =>
	createMaintenance(staff, slug, {
		components: ['web-1'],
		start: new Date(Date.now() + 20 * 86_400_000).toISOString(),
		end: new Date(Date.now() + 20 * 86_400_000 + 3_600_000).toISOString(),
		title: 'Mise à jour'
	});

describe('webhooks (issue 11 §6)', () => {
	it('delivers a signed JSON POST, retries after a 500, logs it and replays it', async () => {
		const { staff, t, admin } = await tenant();
		await fanOutEvents(); // the events before the webhook are not its business
		const hook = await createWebhook(admin, t.slug, {
			url: receiverUrl,
			events: ['maintenance.*']
		});
		expect(hook.secret).toMatch(/^whsec_[a-z2-7]{32}$/);
		const window = await publish(staff, t.slug);
		await fileIncident(staff, t.slug, {
			severity: 'minor',
			title: 'Pas pour ce webhook',
			description: 'x'
		});
		expect(await fanOutEvents()).toBe(1);
		expect(await fanOutEvents()).toBe(0); // each event once

		answers = [500];
		expect(await deliverDueWebhooks()).toBe(1);
		let log = await listDeliveries(admin, t.slug, hook.id);
		expect(log.items).toHaveLength(1);
		const [first] = log.items;
		expect(first).toMatchObject({
			status: 'pending',
			attempts: 1,
			lastStatusCode: 500,
			lastError: 'HTTP 500',
			eventKind: 'maintenance.created'
		});
		// The first retry comes within a minute.
		expect(first.nextAttemptAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
		expect(await deliverDueWebhooks()).toBe(0);
		await makeDue(first.id);
		expect(await deliverDueWebhooks()).toBe(1);

		expect(received).toHaveLength(2);
		for (const r of received) {
			expect(r.headers['content-type']).toBe('application/json');
			expect(verifySignature(hook.secret, r.raw, String(r.headers['x-portal-signature']))).toBe(
				true
			);
			const ts = Number(r.headers['x-portal-timestamp']);
			expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(60);
		}
		expect(received[0].raw).toBe(received[1].raw);
		const body = JSON.parse(received[1].raw);
		expect(body).toEqual({
			id: expect.stringMatching(/^\d+$/),
			type: 'maintenance.created',
			occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			clientSlug: t.slug,
			data: {
				clientSlug: t.slug,
				id: window.id,
				maintenance: {
					id: window.id,
					kind: 'network',
					state: 'published',
					title: 'Mise à jour',
					description: null,
					start: expect.stringMatching(/Z$/),
					end: expect.stringMatching(/Z$/),
					cancelReason: null,
					components: ['web-1']
				}
			}
		});
		expect(
			verifySignature(
				'another secret',
				received[1].raw,
				String(received[1].headers['x-portal-signature'])
			)
		).toBe(false);

		log = await listDeliveries(admin, t.slug, hook.id);
		expect(log.items[0]).toMatchObject({
			status: 'delivered',
			attempts: 2,
			lastStatusCode: 200,
			lastError: null
		});

		const replay = await replayDelivery(admin, t.slug, hook.id, first.id);
		expect(replay).toMatchObject({ status: 'pending', replayOf: first.id, eventId: first.eventId });
		expect(await deliverDueWebhooks()).toBe(1);
		expect(received).toHaveLength(3);
		expect(received[2].raw).toBe(received[1].raw);
		log = await listDeliveries(admin, t.slug, hook.id);
		expect(log.items.map((d) => d.status)).toEqual(['delivered', 'delivered']);
		const actions = await getDb()
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.clientId, t.id));
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining(['webhook.created', 'webhook.delivery_replayed'])
		);
	});

	it('gives up 24 h after the event', async () => {
		const { staff, t, admin } = await tenant();
		await fanOutEvents();
		const hook = await createWebhook(admin, t.slug, { url: receiverUrl, events: ['incident.*'] });
		await fileIncident(staff, t.slug, { severity: 'minor', title: 'Lente', description: 'x' });
		await fanOutEvents();
		const [d] = (await listDeliveries(admin, t.slug, hook.id)).items;
		await getDb()
			.update(webhookDelivery)
			.set({ giveUpAt: new Date(Date.now() + 5_000) })
			.where(eq(webhookDelivery.id, d.id));
		answers = [503];
		await deliverDueWebhooks();
		const [after] = (await listDeliveries(admin, t.slug, hook.id)).items;
		expect(after).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 503 });
	});

	it('refuses URLs that are not http(s) or reach a private address (422, nothing stored)', async () => {
		const { t, admin } = await tenant();
		delete process.env.WEBHOOK_ALLOW_PRIVATE;
		for (const url of [
			'ftp://example.com/x',
			'file:///etc/passwd',
			'javascript:alert(1)',
			'http://user:pass@example.com/',
			'not a url',
			receiverUrl,
			'http://localhost:8080/',
			'http://[::1]/',
			'http://169.254.169.254/latest/meta-data',
			'http://10.0.0.5/',
			'http://[::ffff:127.0.0.1]/',
			'http://0x7f000001/',
			'http://no-such-host.invalid/'
		]) {
			const error = await createWebhook(admin, t.slug, { url, events: ['incident.*'] }).catch(
				(e) => e
			);
			expect(error.status, url).toBe(422);
			expect(Object.keys(error.details.fields), url).toEqual(['url']);
		}
		for (const events of [[], ['sla.*'], 'incident.*'])
			expect(await statusOf(() => createWebhook(admin, t.slug, { url: receiverUrl, events }))).toBe(
				422
			);
		expect(await listWebhooks(admin, t.slug)).toEqual([]);
	});

	it('re-checks the address at delivery', async () => {
		const { staff, t, admin } = await tenant();
		await fanOutEvents();
		const hook = await createWebhook(admin, t.slug, { url: receiverUrl, events: ['incident.*'] });
		await fileIncident(staff, t.slug, { severity: 'minor', title: 'Lente', description: 'x' });
		await fanOutEvents();
		delete process.env.WEBHOOK_ALLOW_PRIVATE;
		await deliverDueWebhooks();
		expect(received).toHaveLength(0);
		const [d] = (await listDeliveries(admin, t.slug, hook.id)).items;
		expect(d).toMatchObject({ status: 'pending', lastError: 'target refused: forbidden_address' });
	});

	it("keeps each client's webhooks and events to itself (404 across tenants)", async () => {
		const a = await tenant();
		const b = await tenant();
		await fanOutEvents();
		const hook = await createWebhook(a.admin, a.t.slug, {
			url: receiverUrl,
			events: ['maintenance.*', 'incident.*']
		});
		await publish(b.staff, b.t.slug);
		await fanOutEvents();
		expect((await listDeliveries(a.admin, a.t.slug, hook.id)).items).toHaveLength(0);
		expect(await statusOf(() => listWebhooks(b.admin, a.t.slug))).toBe(404);
		expect(await statusOf(() => listDeliveries(b.admin, b.t.slug, hook.id))).toBe(404);
		expect(await statusOf(() => deleteWebhook(b.admin, b.t.slug, hook.id))).toBe(404);
		expect(
			await statusOf(() => replayDelivery(b.admin, b.t.slug, hook.id, crypto.randomUUID()))
		).toBe(404);
		expect(await statusOf(() => listDeliveries(a.admin, a.t.slug, 'not-a-uuid'))).toBe(404);
		const contact = await createMember(a.t.id, a.t.slug, 'contact');
		expect(await statusOf(() => listWebhooks(contact, a.t.slug))).toBe(403);
		expect(
			await statusOf(() =>
				createWebhook(contact, a.t.slug, { url: receiverUrl, events: ['incident.*'] })
			)
		).toBe(403);
		expect(await statusOf(() => listWebhooks(a.staff, a.t.slug))).toBe('ok');
		await deleteWebhook(a.admin, a.t.slug, hook.id);
		expect(await listWebhooks(a.admin, a.t.slug)).toEqual([]);
		const [{ n }] = (await getDb().execute(
			sql`select count(*)::int as n from webhook_delivery where webhook_id = ${hook.id}`
		)) as unknown as { n: number }[];
		expect(n).toBe(0);
	});
});
