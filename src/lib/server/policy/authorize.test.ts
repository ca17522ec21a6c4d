import { describe, expect, it } from 'vitest';
import type { Actor, RequestContext } from '../context';
import { ServiceError } from '../errors';
import { authorize, can, permissionsOf } from './authorize';

const ctx = (actor: Actor): RequestContext => ({ actor, ip: null });
const person = { userId: 'u', email: 'e@x.test', name: 'N' };
const staff = (role: 'admin' | 'operator') => ctx({ kind: 'staff', ...person, role });
const member = (role: 'admin' | 'contact' | 'viewer', clientId = 'c1') =>
	ctx({ kind: 'member', ...person, clientId, clientSlug: 'acme', role });
const token = (scope: 'admin' | 'read' | 'ingest') => ctx({ kind: 'token', tokenId: 't', scope });

function statusOf(run: () => void): number | 'allowed' {
	try {
		run();
		return 'allowed';
	} catch (e) {
		if (e instanceof ServiceError) return e.status;
		throw e;
	}
}

describe('authorize', () => {
	it("lets the client's authorized contacts file, not its viewers (000 §1.6: personnes habilitées)", () => {
		expect(statusOf(() => authorize(member('contact'), 'incident.file'))).toBe('allowed');
		expect(statusOf(() => authorize(member('admin'), 'incident.file'))).toBe('allowed');
		expect(statusOf(() => authorize(member('viewer'), 'incident.file'))).toBe(403);
	});

	it("answers 404 for another client's resource, whatever the role", () => {
		expect(
			statusOf(() => authorize(member('admin', 'c2'), 'people.manage', { clientId: 'c1' }))
		).toBe(404);
		expect(can(member('admin', 'c2'), 'client.read', { clientId: 'c1' })).toBe(false);
	});

	it('hides provider-only places from members (404) and refuses operators on admin actions (403)', () => {
		expect(statusOf(() => authorize(member('admin'), 'token.manage'))).toBe(404);
		expect(statusOf(() => authorize(staff('operator'), 'token.manage'))).toBe(403);
		expect(statusOf(() => authorize(staff('admin'), 'token.manage'))).toBe('allowed');
	});

	it('asks anonymous callers to sign in and refuses narrow token scopes', () => {
		expect(statusOf(() => authorize(ctx({ kind: 'anonymous' }), 'client.read'))).toBe(401);
		expect(statusOf(() => authorize(token('read'), 'component.write'))).toBe(403);
		expect(statusOf(() => authorize(token('ingest'), 'samples.ingest'))).toBe('allowed');
		expect(statusOf(() => authorize(token('ingest'), 'client.read'))).toBe(403);
	});

	it('gives accounts without a client nothing', () => {
		const loose = ctx({ kind: 'user', ...person });
		expect(statusOf(() => authorize(loose, 'client.read'))).toBe(404);
		expect(Object.values(permissionsOf(loose)).some(Boolean)).toBe(false);
	});

	it('hands pages the same answers as a flag per action', () => {
		const flags = permissionsOf(member('viewer'), { clientId: 'c1' });
		expect(flags['client.read']).toBe(true);
		expect(flags['incident.file']).toBe(false);
		expect(flags['credit.request']).toBe(false);
	});
});
