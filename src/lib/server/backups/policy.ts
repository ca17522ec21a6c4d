/**
 * The contract's backup policy applied to one received backup: the flags it carries, each with its
 * clause. Pure module: no DB.
 */
import type { ContractSettings } from '../contracts/settings-schema';
import type { BackupCopy, BackupFlagEntry } from '../../domain/backups';

type BackupPolicy = ContractSettings['backups'];

export interface PolicyInput {
	sizeBytes: number;
	changedBytes: number | null;
	/** The copies the agent reports: each one off the server's own site. */
	copies: readonly BackupCopy[];
	/**
	 * The volume the change is measured against (003 art. 4.05 « depuis la dernière sauvegarde »):
	 * the machine's latest full backup before this one, else its previous backup; null for a
	 * machine's first backup, which has nothing to change from.
	 */
	baseSizeBytes: number | null;
}

/** Change since the previous backup in % (one decimal, rounded up so a limit is never hidden). */
export function changePercent(changedBytes: number, baseBytes: number): number {
	if (baseBytes <= 0) return changedBytes > 0 ? 100 : 0;
	return Math.ceil((changedBytes * 1000) / baseBytes) / 10;
}

export function backupFlags(input: PolicyInput, policy: BackupPolicy): BackupFlagEntry[] {
	const flags: BackupFlagEntry[] = [];
	if (
		policy.maxChangePercent !== null &&
		input.changedBytes !== null &&
		input.baseSizeBytes !== null
	) {
		const base = input.baseSizeBytes;
		const percent = changePercent(input.changedBytes, base);
		if (input.changedBytes * 100 > policy.maxChangePercent * base) {
			flags.push({
				flag: 'change_over_limit',
				clause: '003 art. 4.05',
				detail: { changePercent: percent, limitPercent: policy.maxChangePercent }
			});
		}
	}
	if (policy.allowedCountries !== null) {
		const allowed = new Set(policy.allowedCountries);
		const outside = [...new Set(input.copies.map((c) => c.country))].filter((c) => !allowed.has(c));
		if (outside.length > 0) {
			flags.push({
				flag: 'location',
				clause: '003 art. 3',
				detail: { countries: outside.join(', '), allowed: policy.allowedCountries.join(', ') }
			});
		}
	}
	const sites = new Set(input.copies.map((c) => c.site.trim().toLowerCase())).size;
	if (sites < policy.offsiteSitesMin) {
		flags.push({
			flag: 'site_count',
			clause: '000 §1.8, 004 art. 3.5',
			detail: { sites, required: policy.offsiteSitesMin }
		});
	}
	return flags;
}

/**
 * Whether a backup is still restorable: among the `versionsRestorable` latest succeeded points of
 * its machine and schedule, and inside the retention (days since it started).
 */
export function isRestorable(
	startedAt: Date,
	newerPoints: number,
	retentionDays: number,
	versionsRestorable: number,
	now: Date
): { restorable: boolean; withinRetention: boolean; retainedUntil: Date } {
	const retainedUntil = new Date(startedAt.getTime() + retentionDays * 86_400_000);
	const withinRetention = now < retainedUntil;
	return {
		restorable: withinRetention && newerPoints < versionsRestorable,
		withinRetention,
		retainedUntil
	};
}
