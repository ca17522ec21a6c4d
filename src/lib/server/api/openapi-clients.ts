import {
	clientCreatedSchema,
	clientListSchema,
	clientSchema,
	clientWithContractSchema
} from '../clients/api-views';
import { contractEndInputSchema } from '../clients/end-of-contract';
import { contractEndStateSchema } from '../clients/end-of-contract-api';
import { createClientRequestSchema, listClientsSchema } from '../clients/schemas';
import { componentListSchema, componentSchema } from '../components/api-views';
import { createComponentSchema, updateComponentSchema } from '../components/service';
import type { ApiPart } from './openapi-kit';

/** Clients and their components in the /api/v1 contract (assembled in openapi.ts). */
export const clientsApi: ApiPart = {
	paths: {
		'/clients': {
			get: {
				operationId: 'listClients',
				summary: 'List clients by name, 20 a page (read or admin scope)',
				query: listClientsSchema,
				ok: { status: 200, description: 'Clients', schema: 'ClientList' },
				errors: { 422: 'Invalid search or page' }
			},
			post: {
				operationId: 'createClient',
				summary: 'Create a client and its contract (admin scope)',
				body: 'ClientCreate',
				ok: { status: 201, description: 'Created', schema: 'ClientCreated' },
				errors: { 409: 'Slug already taken' }
			}
		},
		'/clients/{slug}': {
			get: {
				operationId: 'getClient',
				summary: 'One client with its contract and the resolved settings (read or admin scope)',
				ok: { status: 200, description: 'Client', schema: 'ClientWithContract' }
			}
		},
		'/clients/{slug}/end-of-contract': {
			get: {
				operationId: 'getContractEnd',
				summary:
					"The recorded end of the client's contract: its export window and destruction date (000 §1.9, 002 art. 7.3, 003 art. 10, 004 art. 10)",
				ok: { status: 200, description: 'End of contract', schema: 'ContractEndState' }
			},
			post: {
				operationId: 'recordContractEnd',
				summary:
					"Record or move the end of the client's contract (admin scope); its data is destroyed on the preset's date",
				body: 'ContractEndRecord',
				ok: { status: 200, description: 'Recorded', schema: 'ContractEndState' },
				errors: { 422: 'Invalid date, a destruction already past, or over 5 years ahead' }
			},
			delete: {
				operationId: 'withdrawContractEnd',
				summary: 'Withdraw a recorded end (admin scope): the contract runs on',
				ok: { status: 200, description: 'Withdrawn', schema: 'ContractEndState' },
				errors: { 409: 'No end is recorded' }
			}
		},
		'/clients/{slug}/components': {
			get: {
				operationId: 'listComponents',
				summary: "A client's components (read or admin scope)",
				ok: { status: 200, description: 'Components', schema: 'ComponentList' }
			},
			post: {
				operationId: 'createComponent',
				summary: 'Add a component (admin scope)',
				body: 'ComponentCreate',
				ok: { status: 201, description: 'Created', schema: 'Component' },
				errors: { 409: 'Component key already taken' }
			}
		},
		'/clients/{slug}/components/{key}': {
			patch: {
				operationId: 'updateComponent',
				summary: 'Rename, retype or publish a component (admin scope)',
				body: 'ComponentUpdate',
				ok: { status: 200, description: 'Updated', schema: 'Component' },
				errors: { 422: 'Invalid input, or an unknown field (details.fields)' }
			}
		}
	},
	requests: {
		ClientCreate: createClientRequestSchema,
		ContractEndRecord: contractEndInputSchema,
		ComponentCreate: createComponentSchema,
		ComponentUpdate: updateComponentSchema
	},
	responses: {
		Client: clientSchema,
		ClientCreated: clientCreatedSchema,
		ClientWithContract: clientWithContractSchema,
		ClientList: clientListSchema,
		ContractEndState: contractEndStateSchema,
		Component: componentSchema,
		ComponentList: componentListSchema
	}
};
