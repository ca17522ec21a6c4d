import type { Actor } from '../context';
import type { ValidatedSession } from './session';

/** Staff role wins; otherwise the person acts for their one client, or for nobody. */
export function actorFromSession(s: ValidatedSession): Actor {
	const { id: userId, email, name, staffRole } = s.user;
	// Until the required second factor is set up, the person acts for nobody (their own account only).
	if (s.mustEnrolTwoFactor) return { kind: 'user', userId, email, name };
	if (staffRole) return { kind: 'staff', userId, email, name, role: staffRole };
	if (s.membership) return { kind: 'member', userId, email, name, ...s.membership };
	return { kind: 'user', userId, email, name };
}

export function parseCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name)
			return decodeURIComponent(part.slice(eq + 1).trim());
	}
	return undefined;
}
