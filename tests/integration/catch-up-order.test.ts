import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/account';
import { getDb, getSql } from '../../src/lib/server/db';
import { appendEvent, appendEvents } from '../../src/lib/server/live/outbox';
import { liveCursor } from '../../src/lib/server/live/cursor';
import { createMember, createStaff, createTenant } from './factories';
import { openSocket, startNode, until, type TestSocket } from './live-node';

// Event ids are taken at insert, transactions commit in any order: a lower id can become
// visible after a higher one. A browser's cursor must never step over such an event.
let node: Awaited<ReturnType<typeof startNode>>;
const opened: TestSocket[] = [];

beforeAll(async () => {
	node = await startNode();
});

afterAll(async () => {
	opened.forEach((s) => s.socket.close());
	await node.stop();
});

async function socket(token: string, lastEventId?: number) {
	const s = await openSocket(node.url, token, lastEventId);
	opened.push(s);
	return s;
}

const clientEvent = (clientId: string, clientSlug: string, name: string) => ({
	clientId,
	kind: 'client.updated' as const,
	payload: { clientSlug, name }
});

/** A transaction that has appended its event (its id is taken) and waits to commit. */
async function heldOpen(clientId: string, clientSlug: string) {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	let appended!: (id: number) => void;
	const idTaken = new Promise<number>((r) => (appended = r));
	const committed = getDb().transaction(async (tx) => {
		appended(await appendEvent(tx, clientEvent(clientId, clientSlug, 'held')));
		await gate;
	});
	const id = await idTaken;
	return {
		id,
		commit: async () => {
			release();
			await committed;
		}
	};
}

async function commitEvent(clientId: string, clientSlug: string, name: string) {
	return getDb().transaction((tx) => appendEvent(tx, clientEvent(clientId, clientSlug, name)));
}

async function memberOfNewTenant() {
	const staff = await createStaff();
	const tenant = await createTenant(staff);
	const member = await createMember(tenant.id, tenant.slug, 'viewer');
	const { token } = await signIn({ email: member.email, password: member.password }, null);
	return { staff, tenant, member, token };
}

describe('catch-up under out-of-order commits', () => {
	it("a page's cursor taken while a lower id is in flight still replays that event", async () => {
		const { tenant, member, token } = await memberOfNewTenant();
		const held = await heldOpen(tenant.id, tenant.slug);
		const later = await commitEvent(tenant.id, tenant.slug, 'later');
		expect(later).toBeGreaterThan(held.id);
		const cursor = await liveCursor(member);
		await held.commit();

		const live = await socket(token, cursor);
		await until(() => live.events.some((e) => e.id === held.id));
		expect(live.events.map((e) => e.id)).toContain(held.id);
	});

	it('a browser that reconnects with the last id it saw still gets a lower id committed after it', async () => {
		const { tenant, member, token } = await memberOfNewTenant();
		const first = await socket(token, await liveCursor(member));
		const held = await heldOpen(tenant.id, tenant.slug);
		const later = await commitEvent(tenant.id, tenant.slug, 'later');
		await until(() => first.events.some((e) => e.id === later));
		const lastSeen = Math.max(...first.events.map((e) => e.id));
		first.socket.close();

		await held.commit();
		const again = await socket(token, lastSeen);
		await until(() => again.events.some((e) => e.id === held.id));
		// What the browser already had is not replayed: the cursor's own event.
		expect(again.events.filter((e) => e.id === lastSeen)).toHaveLength(0);
	});

	it('the relay, after a LISTEN reconnect, replays an event that committed below what it had emitted', async () => {
		const { staff, tenant, member, token } = await memberOfNewTenant();
		const busy = await createTenant(staff);
		const live = await socket(token, await liveCursor(member));
		const held = await heldOpen(tenant.id, tenant.slug);
		// More than the relay's old 1,000-id look-back commits above the held event.
		const burst = Array.from({ length: 1100 }, (_, i) =>
			clientEvent(busy.id, busy.slug, `burst ${i}`)
		);
		const ids = await getDb().transaction((tx) => appendEvents(tx, burst));
		await commitEvent(tenant.id, tenant.slug, 'after burst');
		await until(() =>
			live.events.some((e) => e.kind === 'client.updated' && e.payload.name === 'after burst')
		);
		expect(Math.min(...ids) - held.id).toBeGreaterThan(0);

		const killed =
			await getSql()`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%' and pid <> pg_backend_pid()`;
		expect(killed.length).toBeGreaterThan(0);
		await held.commit();
		await until(() => live.events.some((e) => e.id === held.id), 15000);
		expect(live.events.filter((e) => e.id === held.id)).toHaveLength(1);
	});
});
