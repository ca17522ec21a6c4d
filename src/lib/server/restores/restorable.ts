/**
 * Why a backup cannot be a restore point (000 §1.8 "les cinq dernières", 002 art. 7.2 "les 5
 * dernières historisations", 001 §4.5 retention in days), on backups/policy.ts's `isRestorable`.
 * Pure: fed by points.ts.
 */
import { isRestorable } from '../backups/policy';
import type { ContractSettings } from '../contracts/settings';

export interface PointFacts {
	kind: 'full' | 'data_full' | 'incremental';
	scope: 'system' | 'databases' | 'files' | null;
	status: 'succeeded' | 'failed' | 'partial';
	startedAt: Date;
	/** Rank among the machine's succeeded backups of the same kind and scope, newest = 1. */
	versionRank: number;
}

export type Unrestorable =
	| { reason: 'not_succeeded'; status: string }
	| { reason: 'retention'; days: number }
	| { reason: 'versions'; versions: number };

/** A schedule's own retention for this kind and scope, else the contract's (001 §4.5: 28 vs 7 days). */
export function retentionDaysOf(
	settings: Pick<ContractSettings, 'backups'>,
	kind: PointFacts['kind'],
	scope: PointFacts['scope']
): number {
	const schedule = settings.backups.schedules.find(
		(s) => s.kind === kind && (s.scope ?? null) === scope && s.retentionDays !== undefined
	);
	return schedule?.retentionDays ?? settings.backups.retentionDays;
}

/** Why a backup cannot be picked as a restore point, or null when it can. */
export function unrestorable(
	settings: Pick<ContractSettings, 'backups'>,
	point: PointFacts,
	now: Date
): Unrestorable | null {
	if (point.status !== 'succeeded') return { reason: 'not_succeeded', status: point.status };
	const days = retentionDaysOf(settings, point.kind, point.scope);
	const versions = settings.backups.versionsRestorable;
	const verdict = isRestorable(point.startedAt, point.versionRank - 1, days, versions, now);
	if (!verdict.withinRetention) return { reason: 'retention', days };
	if (!verdict.restorable) return { reason: 'versions', versions };
	return null;
}
