import { describe, expect, it } from 'vitest';
import { clientRoom, PUBLIC_ROOM, roomsForActor, roomsForEvent, STAFF_ROOM } from './rooms';

describe('socket rooms (000 §4 confidentiality)', () => {
	it('puts a member in their own client room only', () => {
		const rooms = roomsForActor({
			kind: 'member',
			userId: 'u',
			email: 'e',
			name: 'n',
			clientId: 'c1',
			clientSlug: 'acme',
			role: 'viewer'
		});
		expect(rooms).toEqual([clientRoom('c1'), PUBLIC_ROOM]);
	});

	it('puts staff in the staff room and anonymous visitors in the public room only', () => {
		expect(
			roomsForActor({ kind: 'staff', userId: 'u', email: 'e', name: 'n', role: 'operator' })
		).toContain(STAFF_ROOM);
		expect(roomsForActor({ kind: 'anonymous' })).toEqual([PUBLIC_ROOM]);
		expect(roomsForActor({ kind: 'user', userId: 'u', email: 'e', name: 'n' })).toEqual([
			PUBLIC_ROOM
		]);
	});

	it("sends a client's private event to that client and staff, never to the public room", () => {
		expect(roomsForEvent({ clientId: 'c1', isPublic: false })).toEqual([
			STAFF_ROOM,
			clientRoom('c1')
		]);
		expect(roomsForEvent({ clientId: null, isPublic: true })).toEqual([STAFF_ROOM, PUBLIC_ROOM]);
	});
});
