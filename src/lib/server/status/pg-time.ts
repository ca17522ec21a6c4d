/** Raw queries return timestamptz as Postgres text ("2026-10-05 08:00:00+00"); drizzle columns as Date. */
export function toDate(value: Date | string): Date {
	return value instanceof Date ? value : new Date(value);
}
