import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import {
	changePassword,
	endOtherSessions,
	endOwnSession,
	listSessions
} from '$lib/server/auth/security';
import { formActions, type FormEvent } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { getPreferences, updatePreferences } from '$lib/server/people/preferences';

const account = (e: FormEvent) => ({ ctx: e.locals.ctx, sessionId: e.locals.sessionId ?? '' });

export const load: PageServerLoad = (e) =>
	loadOrError(async () => ({
		preferences: await getPreferences(e.locals.ctx),
		sessions: await listSessions(account(e))
	}));

export const actions: Actions = formActions({
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
	endOthers: async (_data, e) => {
		await endOtherSessions(account(e));
		return m.account_sessions_others_ended();
	}
});
