import { hashPassword } from '../../src/lib/server/auth/password';
import { createClient } from '../../src/lib/server/clients/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { membership, user, type MembershipRole } from '../../src/lib/server/db/schema';
import { ServiceError } from '../../src/lib/server/errors';

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export async function createStaff(role: 'admin' | 'operator' = 'admin'): Promise<RequestContext> {
	const email = `${unique('staff')}@test.local`;
	const [row] = await getDb()
		.insert(user)
		.values({
			email,
			name: 'Staff ' + role,
			staffRole: role,
			passwordHash: await hashPassword('staff-password')
		})
		.returning();
	return { actor: { kind: 'staff', userId: row.id, email, name: row.name, role }, ip: '127.0.0.1' };
}

/** A client of its own per test: tests never share tenants. */
export async function createTenant(staff: RequestContext, preset = 'alteo') {
	const slug = unique('c').toLowerCase().slice(0, 40);
	const created = await createClient(staff, {
		slug,
		name: `Client ${slug}`,
		contract: { preset, monthlyFeeCents: 100_000 }
	});
	return created;
}

export async function createMember(
	clientId: string,
	clientSlug: string,
	role: MembershipRole,
	password = 'member-password'
): Promise<RequestContext & { email: string; password: string }> {
	const email = `${unique(role)}@test.local`;
	const [row] = await getDb()
		.insert(user)
		.values({ email, name: `Member ${role}`, passwordHash: await hashPassword(password) })
		.returning();
	await getDb().insert(membership).values({ userId: row.id, clientId, role });
	return {
		actor: { kind: 'member', userId: row.id, email, name: row.name, clientId, clientSlug, role },
		ip: '127.0.0.1',
		email,
		password
	};
}

/** 'ok', or the HTTP status of the domain error the call threw. */
export async function statusOf(run: () => Promise<unknown>): Promise<number | 'ok'> {
	try {
		await run();
		return 'ok';
	} catch (e) {
		if (e instanceof ServiceError) return e.status;
		throw e;
	}
}
