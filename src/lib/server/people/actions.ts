import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { formActions, type FormEvent } from '../forms';
import { changeMemberRole, inviteMember, removeMember, revokeInvitation } from './service';

/** The people actions shared by the staff console and the client's own people page. */
export function memberActions(slugOf: (e: FormEvent) => string) {
	return formActions({
		invite: async (data: FormData, e: FormEvent) => {
			const invited = await inviteMember(
				e.locals.ctx,
				slugOf(e),
				Object.fromEntries(data),
				e.url.origin,
				getLocale()
			);
			return m.people_invited({ email: invited.email });
		},
		role: async (data: FormData, e: FormEvent) => {
			await changeMemberRole(
				e.locals.ctx,
				slugOf(e),
				String(data.get('userId')),
				Object.fromEntries(data)
			);
			return m.people_role_changed();
		},
		remove: async (data: FormData, e: FormEvent) => {
			await removeMember(e.locals.ctx, slugOf(e), String(data.get('userId')));
			return m.people_removed();
		},
		revoke: async (data: FormData, e: FormEvent) => {
			await revokeInvitation(e.locals.ctx, slugOf(e), String(data.get('userId')));
			return m.people_revoked();
		}
	});
}
