/**
 * When a session ends (000 §5, "détournement de session": a stolen cookie must not live for ever):
 * after `idleMs` without use, and in any case `absoluteMs` after sign-in. Pure.
 */
export interface SessionLimits {
	idleMs: number;
	absoluteMs: number;
}

const MINUTE_MS = 60_000;
export const DEFAULT_STAFF_IDLE_MINUTES = 12 * 60;
export const DEFAULT_MEMBER_IDLE_MINUTES = 30 * 24 * 60;
export const DEFAULT_ABSOLUTE_LIFETIME_HOURS = 30 * 24;
/** last_seen_at is written at most this often: one UPDATE a minute per session, not per request. */
export const TOUCH_EVERY_MS = MINUTE_MS;

export function sessionLimits(
	isStaff: boolean,
	settings: { staffIdleMinutes: number; memberIdleMinutes: number; absoluteLifetimeHours: number }
): SessionLimits {
	const idleMinutes = isStaff ? settings.staffIdleMinutes : settings.memberIdleMinutes;
	return {
		idleMs: idleMinutes * MINUTE_MS,
		absoluteMs: settings.absoluteLifetimeHours * 60 * MINUTE_MS
	};
}

export function sessionExpiresAt(
	s: { createdAt: Date; lastSeenAt: Date },
	limits: SessionLimits
): Date {
	return new Date(
		Math.min(s.lastSeenAt.getTime() + limits.idleMs, s.createdAt.getTime() + limits.absoluteMs)
	);
}

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
	return now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS;
}
