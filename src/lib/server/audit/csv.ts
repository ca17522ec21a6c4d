import { m } from '$lib/paraglide/messages';
import { csvLine } from '../util/csv';
import type { AuditEntryView } from './read';
import { changesInText } from './words';

/** The trail as CSV, streamed row by row; every cell through csvCell (formula injection). */
export function auditCsvResponse(rows: AsyncIterable<AuditEntryView>, filename: string): Response {
	const encoder = new TextEncoder();
	const header = csvLine([
		m.audit_when(),
		m.audit_who(),
		m.audit_what(),
		m.audit_client(),
		m.audit_target(),
		m.audit_changes(),
		'IP',
		m.audit_user_agent(),
		'action'
	]);
	const iterator = rows[Symbol.asyncIterator]();
	// The byte-order mark lets spreadsheet software read the accents as UTF-8.
	let started = false;
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				controller.enqueue(encoder.encode(`\uFEFF${header}\r\n`));
				return;
			}
			const next = await iterator.next();
			if (next.done) return controller.close();
			const e = next.value;
			const line = csvLine([
				e.at,
				e.who ?? m.audit_system(),
				e.what,
				e.clientName,
				[e.targetType, e.targetId].filter(Boolean).join(' '),
				changesInText(e.changes),
				e.ip,
				e.userAgent,
				e.action
			]);
			controller.enqueue(encoder.encode(`${line}\r\n`));
		},
		async cancel() {
			await iterator.return?.();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`
		}
	});
}
