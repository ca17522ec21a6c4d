import type { Actor } from '../context';

export const STAFF_ROOM = 'staff';
export const PUBLIC_ROOM = 'public';
export const clientRoom = (clientId: string) => `client:${clientId}`;
/** Every socket also joins its session's room: ending the session disconnects it (relay). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** Rooms come from the session only; a browser never names the room it joins. */
export function roomsForActor(actor: Actor): string[] {
	switch (actor.kind) {
		case 'staff':
			return [STAFF_ROOM, PUBLIC_ROOM];
		case 'member':
			return [clientRoom(actor.clientId), PUBLIC_ROOM];
		default:
			return [PUBLIC_ROOM];
	}
}

/** Every event reaches staff; a client's event reaches that client; public ones reach everyone. */
export function roomsForEvent(e: { clientId: string | null; isPublic: boolean }): string[] {
	const rooms = [STAFF_ROOM];
	if (e.clientId) rooms.push(clientRoom(e.clientId));
	if (e.isPublic) rooms.push(PUBLIC_ROOM);
	return rooms;
}
