import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import { backupFlags, changePercent, isRestorable } from './policy';

const FR = { site: 'Paris DC2', country: 'FR' };
const base = { sizeBytes: 1000, changedBytes: 40, copies: [FR], baseSizeBytes: 1000 };

describe('backup flags', () => {
	it('flags a change over 5 % since the previous backup (003 art. 4.05)', () => {
		const p = PRESETS.dobaas.backups;
		expect(backupFlags(base, p)).toEqual([]);
		expect(backupFlags({ ...base, changedBytes: 50 }, p)).toEqual([]);
		expect(backupFlags({ ...base, changedBytes: 51 }, p)).toEqual([
			{
				flag: 'change_over_limit',
				clause: '003 art. 4.05',
				detail: { changePercent: 5.1, limitPercent: 5 }
			}
		]);
		expect(backupFlags({ ...base, changedBytes: 900 }, PRESETS.alteo.backups)).toEqual([]);
	});

	it('flags a copy outside France (003 art. 3), not under a contract silent on it', () => {
		const copies = [FR, { site: 'Frankfurt', country: 'DE' }];
		expect(backupFlags({ ...base, copies }, PRESETS.dobaas.backups)).toEqual([
			{ flag: 'location', clause: '003 art. 3', detail: { countries: 'DE', allowed: 'FR' } }
		]);
		expect(backupFlags({ ...base, copies }, PRESETS.axantis.backups)).toEqual([]);
	});

	it('flags too few sites apart from the server’s (000 §1.8, 004 art. 3.5)', () => {
		for (const preset of ['softconcept', 'axantis'] as const) {
			expect(backupFlags({ ...base, copies: [] }, PRESETS[preset].backups)).toEqual([
				{ flag: 'site_count', clause: '000 §1.8, 004 art. 3.5', detail: { sites: 0, required: 1 } }
			]);
		}
		const twice = [FR, { ...FR, site: ' paris dc2 ' }];
		expect(
			backupFlags({ ...base, copies: twice }, { ...PRESETS.axantis.backups, offsiteSitesMin: 2 })
		).toHaveLength(1);
		expect(backupFlags({ ...base, copies: [] }, PRESETS.defi.backups)).toEqual([]);
	});

	it('measures the change against its base; a first backup has none to change from', () => {
		expect(changePercent(51, 1000)).toBe(5.1);
		expect(changePercent(1, 3)).toBe(33.4);
		expect(changePercent(5, 0)).toBe(100);
		expect(
			backupFlags({ ...base, baseSizeBytes: null, changedBytes: 60 }, PRESETS.dobaas.backups)
		).toEqual([]);
	});
});

describe('retention and restorable points', () => {
	const now = new Date('2026-12-10T12:00:00Z');
	it('keeps the last 5 versions within 6 days (002 art. 5, 7.2)', () => {
		const d = new Date('2026-12-06T21:00:00Z');
		expect(isRestorable(d, 4, 6, 5, now).restorable).toBe(true);
		expect(isRestorable(d, 5, 6, 5, now).restorable).toBe(false);
		const old = new Date('2026-12-04T11:00:00Z');
		expect(isRestorable(old, 0, 6, 5, now)).toMatchObject({
			restorable: false,
			withinRetention: false
		});
	});
});
