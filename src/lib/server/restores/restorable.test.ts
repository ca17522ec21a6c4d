import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import { retentionDaysOf, unrestorable, type PointFacts } from './restorable';

const now = new Date('2026-11-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const point = (over: Partial<PointFacts>): PointFacts => ({
	kind: 'incremental',
	scope: null,
	status: 'succeeded',
	startedAt: daysAgo(1),
	versionRank: 1,
	...over
});

describe('restorable backups', () => {
	it('refuses a failed or partial backup, naming its status', () => {
		expect(unrestorable(PRESETS.softconcept, point({ status: 'failed' }), now)).toEqual({
			reason: 'not_succeeded',
			status: 'failed'
		});
		expect(unrestorable(PRESETS.softconcept, point({ status: 'partial' }), now)?.reason).toBe(
			'not_succeeded'
		);
	});

	it('keeps the last five versions only (000 §1.8)', () => {
		expect(unrestorable(PRESETS.softconcept, point({ versionRank: 5 }), now)).toBeNull();
		expect(unrestorable(PRESETS.softconcept, point({ versionRank: 6 }), now)).toEqual({
			reason: 'versions',
			versions: 5
		});
	});

	it('reads each schedule’s retention: databases 28 days, files 7 (001 §4.5)', () => {
		expect(retentionDaysOf(PRESETS.alteo, 'data_full', 'databases')).toBe(28);
		expect(retentionDaysOf(PRESETS.alteo, 'data_full', 'files')).toBe(7);
		const files = point({ kind: 'data_full', scope: 'files', startedAt: daysAgo(8) });
		expect(unrestorable(PRESETS.alteo, files, now)).toEqual({ reason: 'retention', days: 7 });
		expect(unrestorable(PRESETS.alteo, { ...files, scope: 'databases' }, now)).toBeNull();
	});
});
