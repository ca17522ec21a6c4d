import { describe, expect, it } from 'vitest';
import { historyPeriods } from './history-plan';
import { seededRng } from './random-walk';

const FROM = new Date('2026-07-08T22:00:00Z');
const TO = new Date('2026-10-05T09:00:00Z');

describe('historyPeriods (the demo past)', () => {
	it('covers the span without gaps or overlaps and ends open and up', () => {
		for (let seed = 1; seed <= 50; seed++) {
			const periods = historyPeriods(seededRng(seed), FROM, TO);
			expect(periods[0].from).toEqual(FROM);
			for (let i = 1; i < periods.length; i++) {
				expect(periods[i].from).toEqual(periods[i - 1].to);
				expect(periods[i].from.getTime()).toBeGreaterThan(periods[i - 1].from.getTime());
			}
			expect(periods.at(-1)).toMatchObject({ status: 'up', to: null });
			expect(periods.at(-1)!.from.getTime()).toBeLessThan(TO.getTime());
		}
	});

	it('is mostly up, with a few outages, degraded spells and silent gaps', () => {
		const periods = historyPeriods(seededRng(11), FROM, TO);
		const minutes = (status: string) =>
			periods
				.filter((p) => p.status === status && p.to)
				.reduce((sum, p) => sum + (p.to!.getTime() - p.from.getTime()) / 60_000, 0);
		const spells = periods.filter((p) => p.status !== 'up');
		expect(spells.length).toBeGreaterThanOrEqual(3);
		expect(spells.length).toBeLessThanOrEqual(11);
		expect(spells.some((p) => p.status === 'down')).toBe(true);
		expect(spells.some((p) => p.status === 'unknown')).toBe(true);
		expect(minutes('down')).toBeLessThan(4 * 45);
		for (let i = 1; i < periods.length; i++)
			expect(periods[i].status === 'up' || periods[i - 1].status === 'up').toBe(true);
	});

	it('is the same for the same seed', () => {
		expect(historyPeriods(seededRng(5), FROM, TO)).toEqual(historyPeriods(seededRng(5), FROM, TO));
	});

	it('keeps the story’s spells where they are, clear of random ones', () => {
		const outage = {
			status: 'down' as const,
			from: new Date('2026-08-12T08:40:00Z'),
			to: new Date('2026-08-12T10:10:00Z')
		};
		for (let seed = 1; seed <= 50; seed++) {
			const periods = historyPeriods(seededRng(seed), FROM, TO, [outage]);
			const at = periods.findIndex((p) => p.from.getTime() === outage.from.getTime());
			expect(periods[at]).toEqual(outage);
			expect(periods[at - 1].status).toBe('up');
			expect(periods[at + 1].status).toBe('up');
			for (let i = 1; i < periods.length; i++) expect(periods[i].from).toEqual(periods[i - 1].to);
		}
	});
});
