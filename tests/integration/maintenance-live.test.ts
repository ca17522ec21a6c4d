import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/lib/live/events';
import { signIn } from '../../src/lib/server/auth/account';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { createComponent } from '../../src/lib/server/components/service';
import { attachRealtime, type RealtimeServer } from '../../src/lib/server/live/realtime';
import { runMaintenanceBoundaries } from '../../src/lib/server/maintenance/jobs';
import { createMaintenance } from '../../src/lib/server/maintenance/service';
import { createMember, createStaff, createTenant } from './factories';

let http: HttpServer;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
	http = createServer();
	await attachRealtime(new Server(http) as RealtimeServer);
	await new Promise<void>((ready) => http.listen(0, '127.0.0.1', ready));
	url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
	sockets.forEach((s) => s.close());
	await new Promise((done) => http.close(done));
});

async function socketFor(email?: string, password?: string) {
	const cookie = email
		? `${SESSION_COOKIE}=${(await signIn({ email, password }, null)).token}`
		: '';
	const socket = connect(url, {
		transports: ['websocket'],
		extraHeaders: { ...(cookie ? { cookie } : {}), origin: url },
		reconnection: false
	});
	sockets.push(socket);
	const events: LiveEvent[] = [];
	socket.on('event', (e) => events.push(e));
	await new Promise<void>((ready, fail) => {
		socket.once('connect', () => ready());
		socket.once('connect_error', fail);
	});
	return events;
}

const until = async (check: () => boolean, ms = 5000) => {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 20));
	}
};

describe('maintenance boundaries, live', () => {
	it('pushes maintenance.started and .ended to the client room; public windows reload /status', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff, 'alteo');
		const other = await createTenant(staff, 'alteo');
		await createComponent(staff, t.slug, {
			key: 'net',
			name: 'Réseau',
			kind: 'network',
			public: true
		});
		const [member, outsider] = await Promise.all([
			createMember(t.id, t.slug, 'viewer'),
			createMember(other.id, other.slug, 'viewer')
		]);
		const mine = await socketFor(member.email, member.password);
		const theirs = await socketFor(outsider.email, outsider.password);
		const anonymous = await socketFor();
		const now = new Date();
		const { id } = await createMaintenance(
			staff,
			t.slug,
			{
				components: ['net'],
				start: new Date(now.getTime() + 60_000).toISOString(),
				end: new Date(now.getTime() + 120_000).toISOString(),
				title: 'Bascule du routeur',
				kind: 'network',
				announcedAt: new Date(now.getTime() - 10 * 86_400_000).toISOString()
			},
			now
		);
		const publicBefore = anonymous.length;
		await runMaintenanceBoundaries(new Date(now.getTime() + 61_000));
		await until(() => mine.some((e) => e.kind === 'maintenance.started'));
		await runMaintenanceBoundaries(new Date(now.getTime() + 121_000));
		await until(() => mine.some((e) => e.kind === 'maintenance.ended'));
		expect(mine.find((e) => e.kind === 'maintenance.started')!.payload).toEqual({
			clientSlug: t.slug,
			id
		});
		await until(() => anonymous.length >= publicBefore + 2);
		expect(anonymous.every((e) => e.kind.startsWith('public.'))).toBe(true);
		expect(theirs.some((e) => e.kind.startsWith('maintenance.'))).toBe(false);
	});
});
