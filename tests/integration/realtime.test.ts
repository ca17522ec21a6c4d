import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/lib/live/events';
import { signIn } from '../../src/lib/server/auth/account';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { updateComponent, createComponent } from '../../src/lib/server/components/service';
import { getSql } from '../../src/lib/server/db';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import { postIncidentUpdate } from '../../src/lib/server/incidents/workflow';
import { ingestSamples } from '../../src/lib/server/status/ingest';
import { attachRealtime, type RealtimeServer } from '../../src/lib/server/live/realtime';
import { createMember, createStaff, createTenant } from './factories';

let http: HttpServer;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
	http = createServer();
	const io = new Server(http) as RealtimeServer;
	await attachRealtime(io);
	await new Promise<void>((ready) => http.listen(0, '127.0.0.1', ready));
	url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
	sockets.forEach((s) => s.close());
	await new Promise((done) => http.close(done));
});

async function socketFor(email: string, password: string, origin = url) {
	const { token } = await signIn({ email, password }, null);
	const socket = connect(url, {
		transports: ['websocket'],
		extraHeaders: { cookie: `${SESSION_COOKIE}=${token}`, origin },
		reconnection: false
	});
	sockets.push(socket);
	const events: LiveEvent[] = [];
	socket.on('event', (e) => events.push(e));
	await new Promise<void>((ready, fail) => {
		socket.once('connect', () => ready());
		socket.once('connect_error', fail);
	});
	return { socket, events };
}

const until = async (check: () => boolean, ms = 5000) => {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 20));
	}
};

describe('live events over real sockets (DB outbox → NOTIFY → rooms)', () => {
	it("delivers a client's events to that client's users only, and to staff", async () => {
		const staff = await createStaff();
		const mine = await createTenant(staff);
		const theirs = await createTenant(staff);
		await createComponent(staff, mine.slug, { key: 'web', name: 'Web', kind: 'server' });
		await createComponent(staff, theirs.slug, { key: 'web', name: 'Web', kind: 'server' });
		const me = await createMember(mine.id, mine.slug, 'viewer');
		const other = await createMember(theirs.id, theirs.slug, 'viewer');
		const mySocket = await socketFor(me.email, me.password);
		const otherSocket = await socketFor(other.email, other.password);

		await updateComponent(staff, mine.slug, 'web', { name: 'Web renamed' });
		await until(() => mySocket.events.some((e) => e.kind === 'component.updated'));
		const [update] = mySocket.events.filter((e) => e.kind === 'component.updated');
		expect(update.payload).toMatchObject({ component: { name: 'Web renamed' } });

		await updateComponent(staff, theirs.slug, 'web', { name: 'Theirs renamed' });
		await until(() => otherSocket.events.some((e) => e.kind === 'component.updated'));
		expect(mySocket.events.filter((e) => e.kind === 'component.updated')).toHaveLength(1);
	});

	it('replays what a reconnecting browser missed, from its last event id', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		await createComponent(staff, tenant.slug, { key: 'db', name: 'DB', kind: 'database' });
		const member = await createMember(tenant.id, tenant.slug, 'viewer');
		const first = await socketFor(member.email, member.password);
		await updateComponent(staff, tenant.slug, 'db', { name: 'DB 1' });
		await until(() => first.events.length === 1);
		const lastSeen = first.events[0].id;
		first.socket.close();

		await updateComponent(staff, tenant.slug, 'db', { name: 'DB 2' });
		await updateComponent(staff, tenant.slug, 'db', { name: 'DB 3' });
		const again = await socketFor(member.email, member.password);
		again.socket.emit('catchUp', lastSeen);
		await until(() => again.events.length >= 2);
		expect(
			again.events.map((e) => (e.payload as { component: { name: string } }).component.name)
		).toEqual(['DB 2', 'DB 3']);
	});

	it("carries a client's incident reports and monitoring batches to that client only, internal notes to staff only", async () => {
		const staff = await createStaff();
		const mine = await createTenant(staff);
		const theirs = await createTenant(staff);
		await createComponent(staff, theirs.slug, { key: 'web', name: 'Web', kind: 'server' });
		const me = await createMember(mine.id, mine.slug, 'viewer');
		const them = await createMember(theirs.id, theirs.slug, 'contact');
		const mySocket = await socketFor(me.email, me.password);
		const theirSocket = await socketFor(them.email, them.password);

		const filed = await fileIncident(them, theirs.slug, {
			severity: 'minor',
			title: 'Lenteur',
			description: 'x'
		});
		await postIncidentUpdate(staff, theirs.slug, filed.number, {
			message: 'Interne',
			internal: true
		});
		await postIncidentUpdate(staff, theirs.slug, filed.number, { message: 'Public' });
		const ingest = {
			actor: { kind: 'token' as const, tokenId: crypto.randomUUID(), scope: 'ingest' as const },
			ip: null
		};
		await ingestSamples(ingest, {
			samples: [
				{ client: theirs.slug, component: 'web', at: new Date().toISOString(), status: 'down' }
			]
		});
		await until(() => theirSocket.events.some((e) => e.kind === 'monitor.batch'));
		expect(theirSocket.events.map((e) => e.kind)).toEqual([
			'incident.filed',
			'incident.updated',
			'monitor.batch'
		]);
		expect(mySocket.events).toHaveLength(0);
	});

	it('refuses a socket from a foreign Origin', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'viewer');
		await expect(
			socketFor(member.email, member.password, 'https://evil.example')
		).rejects.toThrow();
	});

	it('loses no event when the LISTEN connection is killed (Postgres restart)', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		await createComponent(staff, tenant.slug, { key: 'app', name: 'App', kind: 'application' });
		const member = await createMember(tenant.id, tenant.slug, 'viewer');
		const live = await socketFor(member.email, member.password);

		const killed =
			await getSql()`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%' and pid <> pg_backend_pid()`;
		expect(killed.length).toBeGreaterThan(0);
		await updateComponent(staff, tenant.slug, 'app', { name: 'App while reconnecting' });
		await until(() => live.events.some((e) => e.kind === 'component.updated'), 15000);
		expect(live.events.filter((e) => e.kind === 'component.updated')).toHaveLength(1);
	});
});
