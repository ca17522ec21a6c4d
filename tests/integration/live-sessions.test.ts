import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetPassword, signIn } from '../../src/lib/server/auth/account';
import { hashSecret } from '../../src/lib/server/auth/crypto';
import { invalidateSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { issueUserToken } from '../../src/lib/server/auth/user-tokens';
import type { RequestContext } from '../../src/lib/server/context';
import { createComponent, updateComponent } from '../../src/lib/server/components/service';
import { getDb } from '../../src/lib/server/db';
import { session } from '../../src/lib/server/db/schema';
import { liveCursor } from '../../src/lib/server/live/cursor';
import { changeMemberRole, removeMember } from '../../src/lib/server/people/service';
import { createMember, createStaff, createTenant } from './factories';
import { openSocket, pause, startNode, until, type TestSocket } from './live-node';

// Two app nodes on one database: a session ended on any of them must end its sockets on both.
let nodes: Awaited<ReturnType<typeof startNode>>[] = [];
const opened: TestSocket[] = [];

beforeAll(async () => {
	nodes = [await startNode(), await startNode()];
});

afterAll(async () => {
	opened.forEach((s) => s.socket.close());
	await Promise.all(nodes.map((n) => n.stop()));
});

async function socketOn(node: number, token: string, lastEventId?: number) {
	const s = await openSocket(nodes[node].url, token, lastEventId);
	opened.push(s);
	return s;
}

async function memberWithComponent(role: 'viewer' | 'admin' = 'viewer') {
	const staff = await createStaff();
	const tenant = await createTenant(staff);
	await createComponent(staff, tenant.slug, { key: 'web', name: 'Web', kind: 'server' });
	const member = await createMember(tenant.id, tenant.slug, role);
	const { token } = await signIn({ email: member.email, password: member.password }, null);
	return { staff, tenant, member, token };
}

const userIdOf = (ctx: RequestContext) => ('userId' in ctx.actor ? ctx.actor.userId : '');
/**
 * Another session of the same person, on both nodes: once both have an event, both relays have
 * emitted it, so a socket opened afterwards can only get it by catch-up.
 */
async function observe(member: { email: string; password: string }) {
	const { token } = await signIn({ email: member.email, password: member.password }, null);
	return [await socketOn(0, token), await socketOn(1, token)];
}

const renamed = (s: TestSocket) => s.events.filter((e) => e.kind === 'component.updated');

describe('a socket belongs to its session', () => {
	it('logout ends that session’s sockets on every node; they get no further client event', async () => {
		const { staff, tenant, member, token } = await memberWithComponent();
		const { token: otherToken } = await signIn(
			{ email: member.email, password: member.password },
			null
		);
		const a = await socketOn(0, token);
		const b = await socketOn(1, token);
		const otherSession = await socketOn(1, otherToken);

		await invalidateSession(hashSecret(token));
		await until(() => !a.socket.connected && !b.socket.connected);
		expect([a.endedBy(), b.endedBy()]).toEqual(['io server disconnect', 'io server disconnect']);

		await updateComponent(staff, tenant.slug, 'web', { name: 'After logout' });
		await until(() => renamed(otherSession).length === 1);
		expect(otherSession.socket.connected).toBe(true);
		expect(renamed(a)).toHaveLength(0);
		expect(renamed(b)).toHaveLength(0);
		// The relay's internal message never reaches a browser.
		expect(otherSession.events.map((e) => e.kind)).toEqual(['component.updated']);
	});

	it("removing a member ends their open sockets: the client's events stop", async () => {
		const { staff, tenant, member, token } = await memberWithComponent();
		const live = await socketOn(1, token);
		await removeMember(staff, tenant.slug, userIdOf(member));
		await until(() => !live.socket.connected);
		await updateComponent(staff, tenant.slug, 'web', { name: 'After removal' });
		await pause(300);
		expect(renamed(live)).toHaveLength(0);
		// Their next request is refused: the cookie names no session any more.
		expect(await validateSessionToken(token)).toBeNull();
	});

	it('demoting someone ends their session too: sockets go, the next request is refused', async () => {
		const { staff, tenant, member, token } = await memberWithComponent('admin');
		const live = await socketOn(0, token);
		await changeMemberRole(staff, tenant.slug, userIdOf(member), { role: 'viewer' });
		await until(() => !live.socket.connected);
		expect(live.endedBy()).toBe('io server disconnect');
		expect(await validateSessionToken(token)).toBeNull();
	});

	it('a role change disconnects the sockets; the session reconnects with its new role', async () => {
		const { staff, tenant, member, token } = await memberWithComponent();
		const live = await socketOn(0, token);
		await changeMemberRole(staff, tenant.slug, userIdOf(member), { role: 'contact' });
		await until(() => !live.socket.connected);
		const again = await socketOn(0, token);
		await updateComponent(staff, tenant.slug, 'web', { name: 'After role change' });
		await until(() => renamed(again).length === 1);
		expect(renamed(live)).toHaveLength(0);
	});

	it("a password reset ends every other session's sockets", async () => {
		const { member, token } = await memberWithComponent();
		const live = await socketOn(1, token);
		const userId = userIdOf(member);
		const link = await issueUserToken(getDb(), userId, 'password_reset');
		const { token: fresh } = await resetPassword(
			link,
			{ password: 'a-new-password', confirm: 'a-new-password' },
			null
		);
		await until(() => !live.socket.connected);
		const next = await socketOn(1, fresh!);
		expect(next.socket.connected).toBe(true);
	});

	it('a socket is disconnected a second after its session expires, with no write announcing it', async () => {
		const { token } = await memberWithComponent();
		await getDb()
			.update(session)
			.set({ expiresAt: new Date(Date.now() + 1500) })
			.where(eq(session.id, hashSecret(token)));
		const [a, b] = [await socketOn(0, token), await socketOn(0, token)];
		await pause(1000);
		expect(a.socket.connected && b.socket.connected).toBe(true);
		await until(() => !a.socket.connected && !b.socket.connected);
	});

	it('catchUp re-checks the session: an expired one is disconnected and replays nothing', async () => {
		const { staff, tenant, member, token } = await memberWithComponent();
		const cursor = await liveCursor(member);
		const observers = await observe(member);
		await updateComponent(staff, tenant.slug, 'web', { name: 'Missed 1' });
		await updateComponent(staff, tenant.slug, 'web', { name: 'Missed 2' });
		await until(() => observers.every((o) => renamed(o).length === 2));
		const live = await socketOn(0, token);
		// Expiry ends a session without any write: nothing tells the relay.
		await getDb()
			.update(session)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(session.id, hashSecret(token)));
		live.socket.emit('catchUp', cursor);
		await until(() => !live.socket.connected);
		await pause(200);
		expect(live.events).toHaveLength(0);
	});

	it('catchUp on a socket whose session row is gone replays nothing', async () => {
		const { staff, tenant, member, token } = await memberWithComponent();
		const cursor = await liveCursor(member);
		const observers = await observe(member);
		await updateComponent(staff, tenant.slug, 'web', { name: 'Missed' });
		await until(() => observers.every((o) => renamed(o).length === 1));
		const live = await socketOn(1, token);
		await getDb()
			.delete(session)
			.where(eq(session.id, hashSecret(token)));
		live.socket.emit('catchUp', cursor);
		await until(() => !live.socket.connected);
		await pause(200);
		expect(live.events).toHaveLength(0);
	});
});
