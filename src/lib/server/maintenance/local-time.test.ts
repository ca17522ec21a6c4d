import { describe, expect, it } from 'vitest';
import { instantOfLocal, localDateTimeSchema, localOfInstant } from './local-time';

describe('instantOfLocal: a wall-clock time in the client’s zone', () => {
	it.each([
		['2026-07-01T22:00', 'Europe/Paris', '2026-07-01T20:00:00.000Z'],
		['2026-12-01T22:00', 'Europe/Paris', '2026-12-01T21:00:00.000Z'],
		['2026-12-01T22:00', 'America/Montreal', '2026-12-02T03:00:00.000Z'],
		// 02:30 does not exist in Paris on 2026-03-29: moved later by the gap.
		['2026-03-29T02:30', 'Europe/Paris', '2026-03-29T01:30:00.000Z'],
		// 02:30 happens twice on 2026-10-25: the first one (summer time).
		['2026-10-25T02:30', 'Europe/Paris', '2026-10-25T00:30:00.000Z']
	])('%s in %s → %s', (local, zone, iso) => {
		expect(instantOfLocal(local, zone).toISOString()).toBe(iso);
	});

	it('reads back what it wrote', () => {
		const at = instantOfLocal('2026-10-24T23:15', 'Europe/Paris');
		expect(localOfInstant(at, 'Europe/Paris')).toBe('2026-10-24T23:15');
	});

	it.each(['2026-07-01', '2026-07-01T24:00', '2026-13-01T10:00', 'x', '2026-07-01T10:00Z'])(
		'refuses %s',
		(value) => {
			expect(localDateTimeSchema.safeParse(value).success).toBe(false);
		}
	);
});
