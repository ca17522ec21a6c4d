import { describe, expect, it } from 'vitest';
import { localClock, profileFor, targetsAt } from './profiles';

describe('demo profiles', () => {
	it('are stable per component and differ between components', () => {
		expect(profileFor('server', 'web-1')).toEqual(profileFor('server', 'web-1'));
		expect(profileFor('server', 'web-1')).not.toEqual(profileFor('server', 'erp-1'));
		const p = profileFor('server', 'web-1');
		expect(p.diskTo).toBeGreaterThan(p.diskFrom);
		expect(profileFor('application', 'erp').latencyMs).toBeGreaterThan(p.latencyMs);
	});

	it('push the metrics up in business hours and the I/O wait up during backups', () => {
		const p = profileFor('server', 'web-1');
		const quiet = targetsAt(p, 0, false);
		const busy = targetsAt(p, 1, false);
		for (const metric of [
			'cpuPct',
			'ramPct',
			'netInBps',
			'netOutBps',
			'load1',
			'latencyMs'
		] as const) {
			expect(busy[metric]).toBeGreaterThan(quiet[metric]);
		}
		expect(targetsAt(p, 0, true).iowaitPct).toBeGreaterThan(quiet.iowaitPct + 5);
		expect(busy.cpuPct).toBeLessThanOrEqual(100);
	});

	it('read the wall clock of the client timezone', () => {
		expect(localClock(new Date('2026-10-03T13:30:00Z'), 'Europe/Paris')).toEqual({
			hour: 15.5,
			weekend: true
		});
		expect(localClock(new Date('2026-10-05T22:15:00Z'), 'Europe/Paris')).toEqual({
			hour: 0.25,
			weekend: false
		});
	});
});
