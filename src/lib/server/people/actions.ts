import type { RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { actionFailure } from '../http';
import { changeMemberRole, inviteMember, removeMember } from './service';

type Event = Pick<RequestEvent, 'request' | 'locals' | 'url'> & { params: Partial<Record<string, string>> };

/** The people actions shared by the staff console and the client's own people page. */
export function memberActions(slugOf: (e: Event) => string) {
	return {
		invite: async (e: Event) => {
			const data = await e.request.formData();
			try {
				const invited = await inviteMember(e.locals.ctx, slugOf(e), Object.fromEntries(data), e.url.origin, getLocale());
				return { success: m.people_invited({ email: invited.email }) };
			} catch (err) {
				return actionFailure(err, data);
			}
		},
		role: async (e: Event) => {
			const data = await e.request.formData();
			try {
				await changeMemberRole(e.locals.ctx, slugOf(e), String(data.get('userId')), Object.fromEntries(data));
				return { success: m.people_role_changed() };
			} catch (err) {
				return actionFailure(err, data);
			}
		},
		remove: async (e: Event) => {
			const data = await e.request.formData();
			try {
				await removeMember(e.locals.ctx, slugOf(e), String(data.get('userId')));
				return { success: m.people_removed() };
			} catch (err) {
				return actionFailure(err, data);
			}
		}
	};
}
