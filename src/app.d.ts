import type { RequestContext } from '$lib/server/context';
import type { SessionUser } from '$lib/server/auth/session';
import type { Logger } from '$lib/server/log';

declare global {
	namespace App {
		interface Locals {
			ctx: RequestContext;
			user: SessionUser | null;
			sessionId: string | null;
			/** Signed in, but required to set up two-factor sign-in before anything else. */
			mustEnrolTwoFactor: boolean;
			requestId: string;
			log: Logger;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
