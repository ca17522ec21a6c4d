import type { MembershipRole } from '../db/schema';

const RANK: Record<MembershipRole, number> = { viewer: 0, contact: 1, admin: 2 };

/** A change that takes rights away: the person's sessions end (their access stops now). */
export function isDemotion(from: MembershipRole, to: MembershipRole): boolean {
	return RANK[to] < RANK[from];
}

/**
 * The client names and changes its authorized persons (000 §1.6; 002 art. 3, 4.3), so it always
 * keeps one admin to do it: its last admin cannot remove or demote themselves. `to` is null for
 * a removal. Staff, who manage every client, are not held by it.
 */
export function leavesClientWithoutAdmin(change: {
	self: boolean;
	from: MembershipRole;
	to: MembershipRole | null;
	admins: number;
}): boolean {
	if (!change.self || change.from !== 'admin' || change.to === 'admin') return false;
	return change.admins <= 1;
}
