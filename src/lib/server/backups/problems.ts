/**
 * What a machine's backup watch shows first (003 art. 2 « la surveillance du bon déroulement de
 * ses sauvegardes »): missing slots, then late ones, then a machine that never sent a backup, then
 * backups flagged by the contract's policy, each with its clause; newest first within each.
 *
 * Pure module: no DB.
 */
import type { BackupFlagEntry } from '../../domain/backups';

interface SlotProblem<K> {
	kind: K;
	at: string;
	scheduleKey: string;
	backupId: string | null;
}

export type BackupProblem =
	| SlotProblem<'missing'>
	| SlotProblem<'late'>
	| { kind: 'no_backup'; at: null }
	| { kind: 'flagged'; at: string; backupId: string; flag: BackupFlagEntry };

export interface ProblemSources {
	hasBackups: boolean;
	/** Whether the contract expects backups at all (a contract without schedules owes none). */
	expectsBackups: boolean;
	expectations: readonly {
		state: string;
		dueAt: Date;
		scheduleKey: string;
		backupId: string | null;
	}[];
	flagged: readonly { id: string; startedAt: Date; flags: readonly BackupFlagEntry[] }[];
}

const RANK: Record<BackupProblem['kind'], number> = {
	missing: 0,
	late: 1,
	no_backup: 2,
	flagged: 3
};

/** Missing before late before no backup yet before flagged; the newest first within each. */
export const compareProblems = (a: BackupProblem, b: BackupProblem): number =>
	RANK[a.kind] - RANK[b.kind] || (b.at ?? '').localeCompare(a.at ?? '');

export function backupProblems(sources: ProblemSources): BackupProblem[] {
	const problems: BackupProblem[] = [];
	for (const e of sources.expectations) {
		if (e.state !== 'missing' && e.state !== 'late') continue;
		const slot = { at: e.dueAt.toISOString(), scheduleKey: e.scheduleKey, backupId: e.backupId };
		problems.push(e.state === 'missing' ? { kind: 'missing', ...slot } : { kind: 'late', ...slot });
	}
	if (!sources.hasBackups && sources.expectsBackups) problems.push({ kind: 'no_backup', at: null });
	for (const b of sources.flagged) {
		for (const flag of b.flags) {
			// Late is already told by its slot above.
			if (flag.flag === 'late') continue;
			problems.push({ kind: 'flagged', at: b.startedAt.toISOString(), backupId: b.id, flag });
		}
	}
	return problems.sort(compareProblems);
}
