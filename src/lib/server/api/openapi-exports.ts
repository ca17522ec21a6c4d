import { exportListSchema, exportSchema, requestExportSchema } from '../export/api-views';
import type { ApiPart } from './openapi-kit';

/** Full exports (reversibility: 000 §1.9, 004 art. 10) in the /api/v1 contract. */
export const exportsApi: ApiPart = {
	paths: {
		'/clients/{slug}/exports': {
			get: {
				operationId: 'listExports',
				summary: "A client's full exports, newest first, and the one under way (admin scope)",
				ok: { status: 200, description: 'Exports', schema: 'ExportList' }
			},
			post: {
				operationId: 'requestExport',
				summary:
					"Ask for a full export (admin scope, on the client's behalf); the export job builds the ZIP and mails the client's admins",
				body: 'ExportCreate',
				ok: { status: 201, description: 'Queued', schema: 'Export' },
				errors: { 409: 'An export is already queued or running: details.running is that one' }
			}
		},
		'/clients/{slug}/exports/{id}': {
			get: {
				operationId: 'getExport',
				summary: 'One export: its state, progress, size, SHA-256 and expiry',
				ok: { status: 200, description: 'Export', schema: 'Export' }
			}
		}
	},
	requests: { ExportCreate: requestExportSchema },
	responses: { Export: exportSchema, ExportList: exportListSchema }
};
