import { describe, expect, it } from 'vitest';
import { systemContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { appendEvent } from '../../src/lib/server/live/outbox';
import { liveCursor } from '../../src/lib/server/live/cursor';
import { createMember, createStaff, createTenant } from './factories';

describe('liveCursor: the newest event each audience may see', () => {
	it('gives a member their client and public events, the public only public ones, staff all', async () => {
		const staff = await createStaff();
		const mine = await createTenant(staff);
		const theirs = await createTenant(staff);
		const member = await createMember(mine.id, mine.slug, 'viewer');
		const append = (clientId: string | null, isPublic: boolean) =>
			getDb().transaction((tx) =>
				appendEvent(tx, { clientId, isPublic, kind: 'public.status', payload: { changes: [] } })
			);
		const own = await append(mine.id, false);
		const shared = await append(null, true);
		const other = await append(theirs.id, false);
		expect(await liveCursor(member)).toBe(Math.max(own, shared));
		expect(await liveCursor(systemContext)).toBe(shared);
		expect(await liveCursor(staff)).toBeGreaterThanOrEqual(other);
	});
});
