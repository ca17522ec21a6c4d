import { apiErrorSchema } from '../http';
import { backupsApi } from './openapi-backups';
import { clientsApi } from './openapi-clients';
import { exportsApi } from './openapi-exports';
import { incidentsApi } from './openapi-incidents';
import { componentSchemas, ERROR_SCHEMA, paths, type ApiPart } from './openapi-kit';
import { maintenanceApi } from './openapi-maintenance';
import { monitoringApi } from './openapi-monitoring';
import { restoresApi } from './openapi-restores';
import { slaApi } from './openapi-sla';
import { webhooksApi } from './openapi-webhooks';

/**
 * The /api/v1 contract, generated from the zod schemas that validate the requests (services)
 * and describe the responses (each domain's api-views.ts). openapi.test.ts fails when a route
 * file and this document disagree; tests/e2e/openapi.spec.ts calls every operation and checks
 * the answers against it.
 */
const parts: ApiPart[] = [
	clientsApi,
	monitoringApi,
	incidentsApi,
	slaApi,
	maintenanceApi,
	webhooksApi,
	backupsApi,
	restoresApi,
	exportsApi
];

function merged<T>(pick: (part: ApiPart) => Record<string, T>): Record<string, T> {
	const all: Record<string, T> = {};
	for (const part of parts) {
		for (const [name, value] of Object.entries(pick(part))) {
			if (name in all) throw new Error(`OpenAPI: ${name} is defined twice`);
			all[name] = value;
		}
	}
	return all;
}

const requests = merged((p) => p.requests);
const responses = merged((p) => p.responses);
for (const name of Object.keys(requests))
	if (name in responses) throw new Error(`OpenAPI: ${name} is both a request and a response`);

export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'Hosting portal API',
		version: '1.0.0',
		description:
			'Generated from the zod schemas the server validates requests with and builds responses from. Every error has the shape of the Error schema.'
	},
	servers: [{ url: '/api/v1' }],
	security: [{ bearer: [] }],
	paths: merged(paths),
	components: {
		securitySchemes: {
			bearer: {
				type: 'http',
				scheme: 'bearer',
				description: 'An API token (scopes read, admin, ingest)'
			}
		},
		schemas: {
			...componentSchemas(requests, 'input'),
			...componentSchemas({ ...responses, [ERROR_SCHEMA]: apiErrorSchema }, 'output')
		}
	}
};
