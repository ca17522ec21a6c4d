import type postgres from 'postgres';
import { resolveContractSettings } from '../contracts/settings';
import { countQuery, DATASETS, headerOf, rowsQuery, type Dataset } from './datasets';
import {
	buildManifest,
	checksumLines,
	csvHeader,
	csvRow,
	jsonLine,
	jsonPieces,
	progressPercent,
	type Manifest
} from './format';
import { SLA_MONTH_COLUMNS, slaMonthRow, type SlaMonthSource } from './sla-months';
import { ZipWriter, type WriteText } from './zip-writer';

/** Rows read and written per batch: the most any table keeps in memory at once. */
export const BATCH_ROWS = 1000;
/**
 * Text goes to the ZIP in pieces of about this many characters. A batch's text in one string
 * (over 128 KB) would be allocated straight into V8's old generation, and only a full
 * collection frees those.
 */
const CHUNK_CHARS = 16 * 1024;

type Row = Record<string, unknown>;
/** A table's rows, handed batch by batch to `each`; resolves once the last batch is written. */
type RowSource = (each: (batch: readonly Row[]) => Promise<void>) => Promise<void>;

/**
 * The rows of `query` through postgres.js's callback cursor, which waits for each batch's promise
 * before it asks for the next. Not its async iterator: read with `for await`, every batch outlived
 * two young-generation collections and was promoted to the old generation (half the bytes read,
 * measured), where it stayed until a full collection. The last batch comes with the end of the
 * query, whose promise does not wait for it: it is awaited here.
 */
function cursorOf(query: postgres.PendingQuery<Row[]>): RowSource {
	return async (each) => {
		let last: Promise<void> = Promise.resolve();
		await query.cursor(BATCH_ROWS, (rows) => {
			last = each(rows);
			// A middle batch's failure fails the query; the last one's is thrown below.
			last.catch(() => {});
			return last;
		});
		await last;
	};
}

export interface BuildInput {
	sql: postgres.Sql;
	exportId: string;
	client: { id: string; slug: string; name: string };
	generatedAt: Date;
	path: string;
	/** Read after the tables, one month at a time. */
	sla: SlaMonthSource;
	/** Called after each batch; the caller decides how often to record it. */
	progress: (percent: number, step: string) => Promise<void>;
}

// The byte-order mark lets spreadsheet software read the accents as UTF-8.
const BOM = '\uFEFF';

/** Writes `pieces` joined, in texts of about CHUNK_CHARS characters. */
async function writePieces(write: WriteText, pieces: Iterable<string>): Promise<void> {
	let text = '';
	for (const piece of pieces) {
		text += piece;
		if (text.length >= CHUNK_CHARS) {
			await write(text);
			text = '';
		}
	}
	if (text) await write(text);
}

async function writeRows(
	write: WriteText,
	header: readonly string[],
	source: RowSource,
	format: 'csv' | 'jsonl',
	onBatch: (rows: number) => Promise<void>
): Promise<number> {
	if (format === 'csv') await write(BOM + csvHeader(header));
	let rows = 0;
	await source(async (batch) => {
		await writePieces(
			write,
			batch.map((row) => (format === 'csv' ? csvRow(header, row) : jsonLine(header, row)))
		);
		rows += batch.length;
		await onBatch(batch.length);
	});
	return rows;
}

/**
 * Writes the client's export ZIP to `path`: `client.json`, each dataset as CSV and JSON Lines,
 * the monthly SLA figures (after the tables, a month at a time), then `manifest.json` and `SHA256SUMS`. Tables are read in one
 * repeatable-read snapshot, with cursors, so the row counts of the manifest are the database's.
 */
export async function writeExportZip(input: BuildInput): Promise<Manifest> {
	const { sql, client } = input;
	const zip = new ZipWriter(input.path, input.generatedAt);
	try {
		await sql.begin('isolation level repeatable read read only', async (tx) => {
			const counts = new Map<Dataset, number>();
			for (const d of DATASETS) {
				const [{ n }] = await tx.unsafe(countQuery(d), [client.id]);
				counts.set(d, n as number);
			}
			const total = 2 * [...counts.values()].reduce((a, b) => a + b, 0) + 1;
			let done = 0;
			const step = (name: string) => async (rows: number) => {
				done += rows;
				await input.progress(progressPercent(done, total), name);
			};

			await zip.entry('client.json', async (write) => {
				const [row] = await tx`select * from client where id = ${client.id}`;
				const [contract] = await tx`select * from contract where client_id = ${client.id}`;
				const resolved = contract
					? resolveContractSettings(contract.preset as string, contract.overrides)
					: null;
				const settings = resolved?.ok ? resolved.settings : null;
				await write(
					`${JSON.stringify({ client: row, contract: contract ?? null, settings }, null, 2)}\n`
				);
				await step('client.json')(1);
				return 1;
			});
			for (const d of DATASETS) {
				const header = headerOf(d);
				for (const format of ['csv', 'jsonl'] as const) {
					const name = `${d.name}.${format}`;
					await input.progress(progressPercent(done, total), name);
					await zip.entry(name, (write) =>
						writeRows(
							write,
							header,
							cursorOf(tx.unsafe(rowsQuery(d), [client.id])),
							format,
							step(name)
						)
					);
				}
			}
		});
		// Each month's whole report goes to the JSON lines as it comes, in pieces (a month's outages
		// are megabytes of JSON); only its CSV row is kept.
		const monthRows: Row[] = [];
		await zip.entry('sla_months.jsonl', async (write) => {
			await input.sla(async (sla) => {
				await input.progress(99, 'sla_months.jsonl');
				await writePieces(write, jsonPieces(sla));
				await write('\n');
				monthRows.push(slaMonthRow(sla));
			});
			return monthRows.length;
		});
		await zip.entry('sla_months.csv', (write) =>
			writeRows(
				write,
				SLA_MONTH_COLUMNS,
				(each) => each(monthRows),
				'csv',
				async () => {}
			)
		);
		const manifest = buildManifest({
			exportId: input.exportId,
			client,
			generatedAt: input.generatedAt,
			files: zip.files
		});
		zip.addText('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
		zip.addText('SHA256SUMS', checksumLines(manifest.files));
		await zip.close();
		return manifest;
	} catch (e) {
		zip.abort();
		throw e;
	}
}
