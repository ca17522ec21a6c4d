import { clientStatusSchema, ingestResultSchema, metricSeriesSchema } from '../status/api-views';
import { seriesQuery } from '../status/read';
import { sampleBatchSchema, sampleItemSchema } from '../status/samples-input';
import type { ApiPart } from './openapi-kit';

/** Monitoring in the /api/v1 contract: agent samples, current state, metric series (assembled in openapi.ts). */
export const monitoringApi: ApiPart = {
	paths: {
		'/samples': {
			post: {
				operationId: 'ingestSamples',
				summary:
					'Push agent samples (ingest or admin scope); all or nothing, idempotent on (component, at)',
				body: 'SampleBatch',
				ok: { status: 202, description: 'Stored', schema: 'IngestResult' },
				errors: {
					422: 'Invalid batch: details.items lists every failing index with its fields (details.fields for the envelope); nothing was stored'
				}
			}
		},
		'/clients/{slug}/status': {
			get: {
				operationId: 'getClientStatus',
				summary:
					"A client's current state: the worst component state and each component since when (read or admin scope)",
				ok: { status: 200, description: 'Status', schema: 'ClientStatus' }
			}
		},
		'/clients/{slug}/components/{key}/metrics': {
			get: {
				operationId: 'getMetricSeries',
				summary:
					'Metric averages per minute, hour or day; at most 3,000 points (read or admin scope)',
				query: seriesQuery,
				ok: { status: 200, description: 'Series', schema: 'MetricSeries' },
				errors: { 422: 'Invalid range, or too many points for the step' }
			}
		}
	},
	requests: { Sample: sampleItemSchema, SampleBatch: sampleBatchSchema },
	responses: {
		IngestResult: ingestResultSchema,
		ClientStatus: clientStatusSchema,
		MetricSeries: metricSeriesSchema
	}
};
