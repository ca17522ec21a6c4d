/** CSV for spreadsheets: the incident register and the SLA report exports. Pure. */
const CSV_FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: quoted, and a leading formula character neutralised (CSV injection). */
export function csvCell(value: string | null | undefined): string {
	const text = value ?? '';
	const safe = CSV_FORMULA.test(text) ? `'${text}` : text;
	return `"${safe.replace(/"/g, '""')}"`;
}

/** One CSV line of quoted, neutralised cells. */
export function csvLine(values: (string | null | undefined)[]): string {
	return values.map(csvCell).join(',');
}
