import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import {
	changePassword,
	endOtherSessions,
	endOwnSession,
	listSessions
} from '$lib/server/auth/security';
import {
	confirmEnrolment,
	disableTwoFactor,
	getTwoFactorState,
	startEnrolment
} from '$lib/server/auth/two-factor';
import { calendarFeedActions, calendarFeedLoad } from '$lib/server/feeds/panel';
import { formActions, type FormEvent } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { getPreferences, updatePreferences } from '$lib/server/people/preferences';

const account = (e: FormEvent) => ({ ctx: e.locals.ctx, sessionId: e.locals.sessionId ?? '' });

export const load: PageServerLoad = (e) =>
	loadOrError(async () => ({
		preferences: await getPreferences(e.locals.ctx),
		sessions: await listSessions(account(e)),
		twoFactor: await getTwoFactorState(e.locals.ctx),
		mustEnrolTwoFactor: e.locals.mustEnrolTwoFactor,
		calendarFeed: await calendarFeedLoad(e.locals.ctx)
	}));

// Named actions only: SvelteKit allows no `default` beside them.
export const actions: Actions = {
	...formActions({
		preferences: async (data, { locals }) => {
			await updatePreferences(locals.ctx, {
				muteIncidentMail: data.get('muteIncidentMail') === 'on'
			});
			return m.saved();
		},
		password: async (data, e) => {
			await changePassword(account(e), Object.fromEntries(data));
			return m.account_password_changed();
		},
		endSession: async (data, e) => {
			await endOwnSession(account(e), String(data.get('session') ?? ''));
			return m.account_session_ended();
		},
		enrolStart: async (_data, { locals }) => {
			await startEnrolment(locals.ctx);
			return m.two_factor_scan();
		},
		enrolConfirm: async (data, { locals }) => ({
			success: m.two_factor_enabled(),
			recoveryCodes: await confirmEnrolment(locals.ctx, String(data.get('code') ?? '').slice(0, 40))
		}),
		disable: async (data, { locals }) => {
			await disableTwoFactor(locals.ctx, String(data.get('code') ?? '').slice(0, 40));
			return m.two_factor_disabled();
		},
		endOthers: async (_data, e) => {
			await endOtherSessions(account(e));
			return m.account_sessions_others_ended();
		}
	}),
	...calendarFeedActions
};
