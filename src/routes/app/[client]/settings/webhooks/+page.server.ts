import type { Actions, PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { webhookActions } from '$lib/server/webhooks/actions';
import { WEBHOOK_EVENT_PATTERNS } from '$lib/server/webhooks/input';
import { listDeliveries, listWebhooks } from '$lib/server/webhooks/service';

/** `?webhook=<id>&page=` opens that webhook's delivery log. */
export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(async () => {
		const webhooks = await listWebhooks(locals.ctx, params.client);
		// A webhook deleted meanwhile (or never there) simply opens no log.
		const selected = webhooks.find((w) => w.id === url.searchParams.get('webhook'))?.id;
		const log = selected
			? await listDeliveries(locals.ctx, params.client, selected, {
					page: url.searchParams.get('page') ?? undefined
				})
			: null;
		return {
			webhooks: webhooks.map((w) => ({ ...w, createdAt: w.createdAt.toISOString() })),
			patterns: WEBHOOK_EVENT_PATTERNS,
			log: log && {
				webhookId: log.webhook.id,
				url: log.webhook.url,
				page: log.page,
				total: log.total,
				pageSize: log.pageSize,
				items: log.items.map((d) => ({
					id: d.id,
					type: d.eventKind,
					status: d.status,
					attempts: d.attempts,
					lastStatusCode: d.lastStatusCode,
					lastError: d.lastError,
					nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
					deliveredAt: d.deliveredAt?.toISOString() ?? null,
					createdAt: d.createdAt.toISOString(),
					replay: d.replayOf !== null
				}))
			}
		};
	});

export const actions: Actions = webhookActions((e) => e.params.client!);
