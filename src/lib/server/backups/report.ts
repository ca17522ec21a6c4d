/**
 * The reception report (002 art. 7.2) in its canonical form, the text the authentication key signs.
 * Byte for byte (README "Backup reception reports"): UTF-8, LF line ends, a final LF, no BOM;
 * integers in decimal without sign or separators; instants in ISO 8601 UTC with milliseconds
 * (`2026-12-01T22:00:00.000Z`); an absent value is `-`; text fields percent-encode `%`, every
 * control character (U+0000–U+001F, U+007F) and nothing else, as `%XX` upper-case hex.
 *
 * Pure module: no DB.
 */
import type { BackupCopy, BackupKind, BackupScope, BackupStatus } from '../../domain/backups';

export const REPORT_FORMAT = 'portal-backup-report/1';

export interface ReportFile {
	path: string;
	/** A Date, or the instant already written as `toISOString` writes it. */
	modifiedAt: Date | string;
	sizeBytes: number;
	sha256?: string | null;
}

export interface ReportInput {
	client: string;
	component: string;
	externalId: string;
	kind: BackupKind;
	scope: BackupScope | null;
	startedAt: Date;
	finishedAt: Date;
	status: BackupStatus;
	sizeBytes: number;
	changedBytes: number | null;
	copies: BackupCopy[];
	files: ReportFile[];
}

// eslint-disable-next-line no-control-regex
const ESCAPED = /[%\u0000-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[%\u0000-\u001f\u007f]/;

export function encodeField(text: string): string {
	if (!NEEDS_ESCAPE.test(text)) return text;
	return text.replace(
		ESCAPED,
		(c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')
	);
}

const instant = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());
const orDash = (v: string | number | null | undefined) =>
	v === null || v === undefined ? '-' : String(v);

export function totalBytesOf(files: readonly ReportFile[]): number {
	let total = 0;
	for (const f of files) total += f.sizeBytes;
	return total;
}

/** The report's lines before its files', each ended by LF. */
export function reportHead(r: ReportInput): string {
	const head = [
		REPORT_FORMAT,
		`client: ${encodeField(r.client)}`,
		`component: ${encodeField(r.component)}`,
		`externalId: ${encodeField(r.externalId)}`,
		`kind: ${r.kind}`,
		`scope: ${orDash(r.scope)}`,
		`startedAt: ${instant(r.startedAt)}`,
		`finishedAt: ${instant(r.finishedAt)}`,
		`status: ${r.status}`,
		`sizeBytes: ${r.sizeBytes}`,
		`changedBytes: ${orDash(r.changedBytes)}`,
		`copies: ${r.copies.length}`,
		...r.copies.map((c) => `copy: ${encodeField(c.site)}\t${c.country}`),
		`files: ${r.files.length}`,
		`totalBytes: ${totalBytesOf(r.files)}`
	];
	return head.join('\n') + '\n';
}

/** The line of the file at `ordinal`, LF included. */
export const reportLine = (ordinal: number, f: ReportFile) =>
	`${ordinal}\t${instant(f.modifiedAt)}\t${f.sizeBytes}\t${orDash(f.sha256 || null)}\t${encodeField(f.path)}\n`;

/** The canonical report text (a manifest of 100,000 files: one line each, built in one pass). */
export function canonicalReport(r: ReportInput): string {
	const lines = new Array<string>(r.files.length);
	for (let i = 0; i < r.files.length; i++) lines[i] = reportLine(i, r.files[i]);
	return reportHead(r) + lines.join('');
}
