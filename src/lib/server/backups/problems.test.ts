import { describe, expect, it } from 'vitest';
import { backupProblems } from './problems';

const at = (iso: string) => new Date(iso);
const sizing = { flag: 'change_over_limit' as const, clause: '003 art. 4.05', detail: {} };
const location = { flag: 'location' as const, clause: '003 art. 3', detail: {} };

describe('what the backup watch shows first (003 art. 2)', () => {
	it('missing, then late, then flagged (each flag with its clause), newest first', () => {
		const problems = backupProblems({
			hasBackups: true,
			expectsBackups: true,
			expectations: [
				{ state: 'received', dueAt: at('2026-11-03T21:00:00Z'), scheduleKey: 'k', backupId: 'a' },
				{ state: 'late', dueAt: at('2026-11-02T21:00:00Z'), scheduleKey: 'k', backupId: 'b' },
				{ state: 'missing', dueAt: at('2026-11-01T21:00:00Z'), scheduleKey: 'k', backupId: null },
				{ state: 'missing', dueAt: at('2026-11-04T21:00:00Z'), scheduleKey: 'k', backupId: null }
			],
			flagged: [
				{ id: 'c', startedAt: at('2026-11-05T21:00:00Z'), flags: [sizing, location] },
				{
					id: 'b',
					startedAt: at('2026-11-02T21:00:00Z'),
					flags: [{ flag: 'late', clause: '002 art. 7.2', detail: {} }]
				}
			]
		});
		expect(problems.map((p) => [p.kind, p.at])).toEqual([
			['missing', '2026-11-04T21:00:00.000Z'],
			['missing', '2026-11-01T21:00:00.000Z'],
			['late', '2026-11-02T21:00:00.000Z'],
			['flagged', '2026-11-05T21:00:00.000Z'],
			['flagged', '2026-11-05T21:00:00.000Z']
		]);
		expect(problems.filter((p) => p.kind === 'flagged').map((p) => p.flag.clause)).toEqual([
			'003 art. 4.05',
			'003 art. 3'
		]);
	});

	it('a machine that never sent a backup says so once, not missing every day', () => {
		expect(
			backupProblems({ hasBackups: false, expectsBackups: true, expectations: [], flagged: [] })
		).toEqual([{ kind: 'no_backup', at: null }]);
	});

	it('a contract without backup schedules owes none: nothing to show', () => {
		expect(
			backupProblems({ hasBackups: false, expectsBackups: false, expectations: [], flagged: [] })
		).toEqual([]);
	});
});
