/**
 * The export's file format, pure: how a database value becomes a CSV cell or a JSON line, the
 * manifest, and the progress figures. The ZIP itself is written by `build.ts`.
 */
import { csvLine } from '../util/csv';

/** Bumped when a file, a column or an encoding of the export changes (README, "Export format"). */
export const EXPORT_FORMAT_VERSION = 1;
/** How long a ready export stays downloadable. */
export const EXPORT_KEEP_DAYS = 7;

/** A cell's text: dates in ISO 8601 UTC, objects as JSON, nothing as an empty cell. */
export function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** One CSV line (CRLF-terminated) of a row's values in the header's order; formula-injection safe. */
export function csvRow(columns: readonly string[], row: Record<string, unknown>): string {
	return `${csvLine(columns.map((c) => cellText(row[c])))}\r\n`;
}

export const csvHeader = (columns: readonly string[]) => `${csvLine([...columns])}\r\n`;

/** One JSON Lines record of a row: its columns in the header's order, dates in ISO 8601 UTC. */
export function jsonLine(columns: readonly string[], row: Record<string, unknown>): string {
	const record: Record<string, unknown> = {};
	for (const c of columns) record[c] = row[c] ?? null;
	return `${JSON.stringify(record)}\n`;
}

/**
 * `JSON.stringify(value)` in pieces, for plain data (objects, arrays, primitives, Dates): objects
 * are split at their members and arrays at their elements, each element written whole, so a
 * large value (a month's SLA report, its outages) never becomes one string. Joined, the pieces
 * are exactly `JSON.stringify(value)`.
 */
export function* jsonPieces(value: unknown): Generator<string> {
	if (!isSplit(value)) {
		yield JSON.stringify(value) ?? 'null';
	} else if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++)
			yield `${i === 0 ? '[' : ','}${JSON.stringify(value[i]) ?? 'null'}`;
		yield value.length === 0 ? '[]' : ']';
	} else {
		let first = true;
		for (const [key, member] of Object.entries(value)) {
			const leaf = isSplit(member) ? null : JSON.stringify(member);
			// JSON.stringify leaves out a member it cannot write (undefined, a function).
			if (leaf === undefined) continue;
			yield `${first ? '{' : ','}${JSON.stringify(key)}:${leaf ?? ''}`;
			first = false;
			if (leaf === null) yield* jsonPieces(member);
		}
		yield first ? '{}' : '}';
	}
}

/** An object or array written member by member; anything with `toJSON` (a Date) is a leaf. */
const isSplit = (value: unknown): value is object =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as { toJSON?: unknown }).toJSON !== 'function';

export interface ManifestFile {
	name: string;
	sha256: string;
	bytes: number;
	/** Data rows (a CSV's header line is not one). */
	rows: number;
}

export interface Manifest {
	format: 'hosting-portal-export';
	formatVersion: number;
	exportId: string;
	client: { id: string; slug: string; name: string };
	generatedAt: string;
	files: ManifestFile[];
}

/** The manifest of an export: every other file of the ZIP, in name order. */
export function buildManifest(input: {
	exportId: string;
	client: { id: string; slug: string; name: string };
	generatedAt: Date;
	files: readonly ManifestFile[];
}): Manifest {
	const names = new Set<string>();
	for (const f of input.files) {
		if (names.has(f.name)) throw new Error(`two export files named ${f.name}`);
		names.add(f.name);
	}
	return {
		format: 'hosting-portal-export',
		formatVersion: EXPORT_FORMAT_VERSION,
		exportId: input.exportId,
		client: input.client,
		generatedAt: input.generatedAt.toISOString(),
		files: [...input.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
	};
}

/** `sha256sum -c` input: one line per file, two spaces between the digest and the name. */
export function checksumLines(files: readonly ManifestFile[]): string {
	return files.map((f) => `${f.sha256}  ${f.name}\n`).join('');
}

/** Percent done while running: rows written over rows to write, never 100 before the end. */
export function progressPercent(done: number, total: number): number {
	if (total <= 0) return 0;
	return Math.max(0, Math.min(99, Math.floor((done / total) * 100)));
}

/** When a ready export's file is deleted. */
export function expiryOf(finishedAt: Date): Date {
	return new Date(finishedAt.getTime() + EXPORT_KEEP_DAYS * 86_400_000);
}

/** Complete calendar months from `first` up to, not including, `current` (both `YYYY-MM`). */
export function completeMonths(first: string, current: string): string[] {
	const months: string[] = [];
	let [year, month] = first.split('-').map(Number);
	for (;;) {
		const key = `${year}-${String(month).padStart(2, '0')}`;
		if (key >= current) return months;
		months.push(key);
		month += 1;
		if (month > 12) {
			month = 1;
			year += 1;
		}
	}
}
