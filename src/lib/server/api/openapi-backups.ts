import {
	backupDetailSchema,
	backupFilesSchema,
	backupListSchema,
	backupReportSchema,
	ingestAnswerSchema,
	keyFormatQuerySchema,
	publicKeySchema,
	reportFormatQuerySchema,
	verifyResultSchema
} from '../backups/api-views';
import { backupIngestSchema } from '../backups/input';
import { backupListQuerySchema, filesQuerySchema } from '../backups/read';
import { verifyInputSchema } from '../backups/verify';
import type { ApiPart } from './openapi-kit';

/** Backups and their signed reception reports (002 art. 7.2), in the /api/v1 contract. */
export const backupsApi: ApiPart = {
	paths: {
		'/clients/{slug}/backups': {
			get: {
				operationId: 'listBackups',
				summary: "A client's backups, newest first (500 at most), with their flags and retention",
				query: backupListQuerySchema,
				ok: { status: 200, description: 'Backups', schema: 'BackupList' }
			},
			post: {
				operationId: 'ingestBackup',
				summary:
					'Push a backup report and its manifest (ingest or admin scope; up to 100,000 files). The same externalId again answers 200 with the first answer',
				body: 'BackupIngest',
				ok: { status: 201, description: 'Stored, signed and mailed', schema: 'BackupIngested' },
				errors: { 422: 'Invalid field, named with the file index (files.12.path)' }
			}
		},
		'/clients/{slug}/backups/{id}': {
			get: {
				operationId: 'getBackup',
				summary: 'One backup, its flags and the last restore test',
				ok: { status: 200, description: 'Backup', schema: 'BackupDetail' }
			}
		},
		'/clients/{slug}/backups/{id}/files': {
			get: {
				operationId: 'listBackupFiles',
				summary: 'A page of 50 files of the manifest; search is a case-insensitive substring',
				query: filesQuerySchema,
				ok: { status: 200, description: 'Files', schema: 'BackupFiles' }
			}
		},
		'/clients/{slug}/backups/{id}/report': {
			get: {
				operationId: 'getBackupReport',
				summary:
					'The canonical reception report and its key; format=text answers the report file itself (text/plain)',
				query: reportFormatQuerySchema,
				ok: { status: 200, description: 'Report', schema: 'BackupReport' }
			}
		},
		'/backup-reports/public-key': {
			get: {
				operationId: 'getBackupPublicKey',
				summary:
					'The Ed25519 public key that signs reports, no authentication; format=pem answers the PEM file',
				query: keyFormatQuerySchema,
				ok: { status: 200, description: 'Public key', schema: 'BackupPublicKey' }
			}
		},
		'/backup-reports/verify': {
			post: {
				operationId: 'verifyBackupReport',
				summary: 'Check a report against its authentication key, no authentication',
				body: 'BackupVerify',
				ok: { status: 200, description: 'Result', schema: 'BackupVerifyResult' }
			}
		}
	},
	requests: { BackupIngest: backupIngestSchema, BackupVerify: verifyInputSchema },
	responses: {
		BackupList: backupListSchema,
		BackupIngested: ingestAnswerSchema,
		BackupDetail: backupDetailSchema,
		BackupFiles: backupFilesSchema,
		BackupReport: backupReportSchema,
		BackupPublicKey: publicKeySchema,
		BackupVerifyResult: verifyResultSchema
	}
};
