import {
	restoreDetailSchema,
	restoreFiledSchema,
	restorePageSchema,
	restoreStepSchema,
	restoreSummarySchema
} from '../restores/api-views';
import {
	acceptSchema,
	completeSchema,
	decisionSchema,
	failSchema,
	progressSchema,
	quoteSchema,
	requestRestoreSchema,
	restoreFiltersSchema,
	scheduleSchema
} from '../restores/input';
import type { ApiPart, OperationSpec } from './openapi-kit';

const wrongState = 'Not possible in the request’s current state (or a quote is needed first)';

const step = (operationId: string, summary: string, body?: string): OperationSpec => ({
	operationId,
	summary,
	...(body ? { body } : {}),
	ok: { status: 200, description: 'Step recorded', schema: 'RestoreStep' },
	errors: { 409: wrongState }
});

/** Restore requests in the /api/v1 contract (assembled in openapi.ts). */
export const restoresApi: ApiPart = {
	paths: {
		'/clients/{slug}/restores': {
			get: {
				operationId: 'listRestores',
				summary:
					"A client's restore requests, newest first, 20 a page (read or admin scope); an invalid filter is ignored",
				query: restoreFiltersSchema,
				ok: { status: 200, description: 'Register page', schema: 'RestorePage' }
			},
			post: {
				operationId: 'requestRestore',
				summary:
					'Request a restore (session of an authorized contact or client admin, or an admin token on the client’s behalf); the terms come from the contract',
				body: 'RestoreCreate',
				ok: { status: 201, description: 'Filed', schema: 'RestoreFiled' },
				errors: {
					422: 'Invalid input; a backup that is unknown, another client’s, not succeeded or no longer restorable (details.fields.backupId gives the reason)'
				}
			}
		},
		'/clients/{slug}/restores/{number}': {
			get: {
				operationId: 'getRestore',
				summary: 'One restore request with its terms, deadline state and timeline',
				ok: { status: 200, description: 'Request', schema: 'RestoreDetail' }
			}
		},
		'/clients/{slug}/restores/{number}/accept': {
			post: step(
				'acceptRestore',
				'Accept a request that needs no quote (admin scope)',
				'RestoreAccept'
			)
		},
		'/clients/{slug}/restores/{number}/quote': {
			post: step(
				'quoteRestore',
				'Send the client a quote (admin scope; billed restores only)',
				'RestoreQuote'
			)
		},
		'/clients/{slug}/restores/{number}/schedule': {
			post: step(
				'scheduleRestore',
				'Schedule the work, announcing the server stop (admin scope)',
				'RestoreSchedule'
			)
		},
		'/clients/{slug}/restores/{number}/progress': {
			post: step('reportRestoreProgress', 'Report progress in % (admin scope)', 'RestoreProgress')
		},
		'/clients/{slug}/restores/{number}/complete': {
			post: step(
				'completeRestore',
				'Complete with a verification note (admin scope)',
				'RestoreComplete'
			)
		},
		'/clients/{slug}/restores/{number}/fail': {
			post: step('failRestore', 'Report a failure with its reason (admin scope)', 'RestoreFail')
		},
		'/clients/{slug}/restores/{number}/approve-quote': {
			post: step(
				'approveRestoreQuote',
				'Approve the quote: the contractual clock starts (session of an authorized contact or client admin, or an admin token recording their written decision)',
				'RestoreDecision'
			)
		},
		'/clients/{slug}/restores/{number}/refuse-quote': {
			post: step(
				'refuseRestoreQuote',
				'Refuse the quote: the request ends (session of an authorized contact or client admin, or an admin token)',
				'RestoreRefusal'
			)
		},
		'/clients/{slug}/restores/{number}/cancel': {
			post: step(
				'cancelRestore',
				'Cancel before work starts (session of an authorized contact or client admin, or an admin token)',
				'RestoreCancel'
			)
		}
	},
	requests: {
		RestoreCreate: requestRestoreSchema,
		RestoreAccept: acceptSchema,
		RestoreQuote: quoteSchema,
		RestoreSchedule: scheduleSchema,
		RestoreProgress: progressSchema,
		RestoreComplete: completeSchema,
		RestoreFail: failSchema,
		RestoreDecision: decisionSchema,
		RestoreRefusal: decisionSchema.extend({}),
		RestoreCancel: decisionSchema.extend({})
	},
	responses: {
		RestoreFiled: restoreFiledSchema,
		RestoreStep: restoreStepSchema,
		RestoreSummary: restoreSummarySchema,
		RestorePage: restorePageSchema,
		RestoreDetail: restoreDetailSchema
	}
};
