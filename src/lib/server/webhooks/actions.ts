import { m } from '$lib/paraglide/messages';
import { formActions, type FormEvent } from '../forms';
import { createWebhook, deleteWebhook, replayDelivery } from './service';

/** The webhook settings page's form actions (`/app/<client>/settings/webhooks`). */
export function webhookActions(slugOf: (e: FormEvent) => string) {
	return formActions(
		{
			create: async (data: FormData, e: FormEvent) => {
				const created = await createWebhook(e.locals.ctx, slugOf(e), {
					url: String(data.get('url') ?? ''),
					events: data.getAll('events').map(String)
				});
				return {
					success: m.webhook_created(),
					created: { id: created.id, url: created.url, secret: created.secret }
				};
			},
			delete: async (data: FormData, e: FormEvent) => {
				await deleteWebhook(e.locals.ctx, slugOf(e), String(data.get('id') ?? ''));
				return m.webhook_deleted();
			},
			replay: async (data: FormData, e: FormEvent) => {
				await replayDelivery(
					e.locals.ctx,
					slugOf(e),
					String(data.get('webhookId') ?? ''),
					String(data.get('deliveryId') ?? '')
				);
				return m.webhook_replayed();
			}
		},
		// Checkboxes: every ticked family, for the form to refill.
		(data) => ({ events: data.getAll('events').map(String) })
	);
}
