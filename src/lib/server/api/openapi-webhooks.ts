import {
	deliveryListSchema,
	deliverySchema,
	webhookCreatedSchema,
	webhookDeletedSchema,
	webhookListSchema
} from '../webhooks/api-views';
import { deliveriesQuerySchema, replaySchema, webhookCreateSchema } from '../webhooks/input';
import type { ApiPart } from './openapi-kit';

const WHO =
	'Staff, an admin token or the client’s admin (read also: a read token); other members get 403';

/** A client's webhooks and their delivery log, in the /api/v1 contract (assembled in openapi.ts). */
export const webhooksApi: ApiPart = {
	paths: {
		'/clients/{slug}/webhooks': {
			get: {
				operationId: 'listWebhooks',
				summary: 'A client’s webhooks, newest first (the secrets are never shown again)',
				ok: { status: 200, description: 'Webhooks', schema: 'WebhookList' },
				errors: { 403: WHO }
			},
			post: {
				operationId: 'createWebhook',
				summary:
					'Add a webhook: the client’s events of the chosen families are POSTed to the URL, signed; the secret is answered once',
				body: 'WebhookCreate',
				ok: { status: 201, description: 'Created, with its secret', schema: 'WebhookCreated' },
				errors: {
					403: WHO,
					409: 'The client has 10 webhooks already',
					422: 'Invalid url (not http(s), does not resolve, or resolves to a private, loopback, link-local, CGNAT, multicast or reserved address) or events'
				}
			}
		},
		'/clients/{slug}/webhooks/{webhook}': {
			delete: {
				operationId: 'deleteWebhook',
				summary: 'Delete a webhook and its delivery log',
				ok: { status: 200, description: 'Deleted', schema: 'WebhookDeleted' },
				errors: { 403: WHO }
			}
		},
		'/clients/{slug}/webhooks/{webhook}/deliveries': {
			get: {
				operationId: 'listWebhookDeliveries',
				summary:
					'The delivery log, newest first: status, attempts, last status code and error (retried with back-off for 24 h)',
				query: deliveriesQuerySchema,
				ok: { status: 200, description: 'Deliveries', schema: 'WebhookDeliveryList' },
				errors: { 403: WHO, 422: 'Invalid page' }
			}
		},
		'/clients/{slug}/webhooks/{webhook}/deliveries/{delivery}/replay': {
			post: {
				operationId: 'replayWebhookDelivery',
				summary: 'Send a delivery again, as a new delivery with the same body',
				body: 'WebhookReplay',
				ok: { status: 201, description: 'Queued', schema: 'WebhookDelivery' },
				errors: { 403: WHO }
			}
		}
	},
	requests: { WebhookCreate: webhookCreateSchema, WebhookReplay: replaySchema },
	responses: {
		WebhookList: webhookListSchema,
		WebhookCreated: webhookCreatedSchema,
		WebhookDeleted: webhookDeletedSchema,
		WebhookDelivery: deliverySchema,
		WebhookDeliveryList: deliveryListSchema
	}
};
