import { describe, it, expect } from 'vitest';
import {
	PRESETS,
	PRESET_NAMES,
	deepMerge,
	isPresetName,
	resolveContractSettings,
	validateContractSettings,
	type ContractSettings
} from './settings';
import { minutesOfDay, isIsoDate } from './schedule';

function ok(preset: string, overrides: unknown): ContractSettings {
	const r = resolveContractSettings(preset, overrides);
	if (!r.ok) throw new Error(JSON.stringify(r.issues));
	return r.settings;
}

function issuePaths(preset: string, overrides: unknown): string[] {
	const r = resolveContractSettings(preset, overrides);
	expect(r.ok).toBe(false);
	return r.ok ? [] : r.issues.map((i) => i.path);
}

describe('isPresetName', () => {
	it('accepts the five presets only (000 to 004)', () => {
		expect(PRESET_NAMES).toEqual(['softconcept', 'alteo', 'axantis', 'defi', 'dobaas']);
		for (const n of PRESET_NAMES) expect(isPresetName(n)).toBe(true);
		expect(isPresetName('Alteo')).toBe(false);
		expect(isPresetName('toString')).toBe(false);
		expect(isPresetName(undefined)).toBe(false);
	});
});

describe('resolveContractSettings: preset and overrides', () => {
	it('reports an unknown preset at path "preset"', () => {
		const r = resolveContractSettings('cogip', {});
		expect(r).toMatchObject({ ok: false, issues: [{ path: 'preset' }] });
	});

	it.each([null, [], 'x', 42, new Date()])('rejects non-plain overrides %s at path ""', (o) => {
		expect(issuePaths('alteo', o)).toEqual(['']);
	});

	it('with {} returns the preset itself (001 §5.1)', () => {
		expect(ok('alteo', {})).toEqual(PRESETS.alteo);
	});

	it('deep-merges: a 99.5 % target keeps the rest of sla (001 §5.1)', () => {
		const s = ok('alteo', { sla: { targetPercent: 99.5 } });
		expect(s.sla.targetPercent).toBe(99.5);
		expect(s.sla.credit).toEqual(PRESETS.alteo.sla.credit);
		expect(s.sla.gtr).toEqual(PRESETS.alteo.sla.gtr);
		expect(s.support).toEqual(PRESETS.alteo.support);
	});

	it('deep-merges nested objects: monthly period and a 2 h GTR (001 §5.1, §5.2)', () => {
		const s = ok('alteo', { sla: { period: 'month', gtr: { restoreWithinMinutes: 120 } } });
		expect(s.sla.period).toBe('month');
		expect(s.sla.gtr).toEqual({ ...PRESETS.alteo.sla.gtr, restoreWithinMinutes: 120 });
	});

	it('not counting started slices keeps the other credit fields (001 §5.1)', () => {
		const s = ok('alteo', { sla: { credit: { countStartedSlices: false } } });
		expect(s.sla.credit).toEqual({ ...PRESETS.alteo.sla.credit, countStartedSlices: false });
	});

	it('arrays replace, not merge: Friday support hours (000 §1.5)', () => {
		const s = ok('softconcept', { support: { hours: { fri: [['09:00', '12:00']] } } });
		expect(s.support.hours.fri).toEqual([['09:00', '12:00']]);
		expect(s.support.hours.mon).toEqual(PRESETS.softconcept.support.hours.mon);
	});

	it('arrays replace: backup schedules and credit tiers (000 §1.8, 004 art. 6)', () => {
		const schedules = [{ kind: 'incremental', frequency: 'daily' }];
		const b = ok('softconcept', { backups: { schedules } });
		expect(b.backups.schedules).toEqual([{ kind: 'incremental', frequency: 'daily' }]);
		const t = ok('axantis', { sla: { credit: { tiers: [{ belowPercent: 99, percent: 10 }] } } });
		expect(t.sla.credit).toEqual({
			mode: 'tiers',
			tiers: [{ belowPercent: 99, percent: 10 }],
			capPercent: 20
		});
	});

	it('null replaces: axantis gets no GTR, alteo drops its GTR (001 §5.2)', () => {
		expect(ok('alteo', { sla: { gtr: null } }).sla.gtr).toBeNull();
		const gtr = {
			severities: ['critical'],
			restoreWithinMinutes: 240,
			stepMinutes: 60,
			penaltiesPercent: [20],
			capPercent: 100
		};
		expect(ok('axantis', { sla: { gtr } }).sla.gtr).toEqual(gtr);
	});

	it('a new mode replaces the variant: alteo on Axantis tiers (004 art. 6)', () => {
		const credit = PRESETS.axantis.sla.credit;
		const s = ok('alteo', { sla: { credit } });
		expect(s.sla.credit).toEqual(credit);
	});

	it('a new coverage mode replaces the variant: business-hours coverage (004 art. 6)', () => {
		const s = ok('alteo', { sla: { coverage: PRESETS.axantis.sla.coverage } });
		expect(s.sla.coverage).toEqual(PRESETS.axantis.sla.coverage);
		expect(ok('axantis', { sla: { coverage: { mode: '24x7' } } }).sla.coverage).toEqual({
			mode: '24x7'
		});
	});

	it('a same-mode object merges: Alsace-Moselle holidays on coverage (004 art. 6)', () => {
		const s = ok('axantis', {
			sla: { coverage: { mode: 'schedule', publicHolidays: 'fr-alsace-moselle' } }
		});
		expect(s.sla.coverage).toMatchObject({ mode: 'schedule', publicHolidays: 'fr-alsace-moselle' });
	});

	it('31-day retention on axantis (004 §3)', () => {
		expect(ok('axantis', { backups: { retentionDays: 31 } }).backups.retentionDays).toBe(31);
	});

	it('never mutates the preset or the overrides', () => {
		const overrides = {
			sla: { targetPercent: 99 },
			support: { hours: { sat: [['10:00', '12:00']] } }
		};
		const snapshot = structuredClone(overrides);
		const s = ok('alteo', overrides);
		expect(overrides).toEqual(snapshot);
		expect(PRESETS.alteo.sla.targetPercent).toBe(99.9);
		expect(PRESETS.alteo.support.hours.sat).toEqual([]);
		s.support.hours.sat[0][0] = '11:00';
		expect(overrides.support.hours.sat[0][0]).toBe('10:00');
	});
});

describe('resolveContractSettings: strict validation', () => {
	it('reports a typo in overrides with its dotted path', () => {
		expect(issuePaths('alteo', { sla: { targetPercnt: 99.5 } })).toEqual(['sla.targetPercnt']);
		expect(issuePaths('alteo', { sla: { credit: { capPercnt: 50 } } })).toEqual([
			'sla.credit.capPercnt'
		]);
		expect(issuePaths('alteo', { supprt: {} })).toEqual(['supprt']);
	});

	it('reports each unknown key, including deep in arrays', () => {
		const paths = issuePaths('softconcept', {
			backups: { schedules: [{ kind: 'full', frequency: 'daily', hour: '22:00' }] },
			maintenance: { foo: 1, bar: 2 }
		});
		expect(paths.sort()).toEqual(
			['backups.schedules.0.hour', 'maintenance.bar', 'maintenance.foo'].sort()
		);
	});

	it('rejects a JSON "__proto__" key instead of polluting prototypes', () => {
		const overrides = JSON.parse('{"__proto__": {"polluted": true}, "sla": {"__proto__": {}}}');
		expect(issuePaths('alteo', overrides).sort()).toEqual(['__proto__', 'sla.__proto__']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it.each([0, 101, -1, '99.9'])('rejects target %s (001 §5.1: 0 < target ≤ 100)', (t) => {
		expect(issuePaths('alteo', { sla: { targetPercent: t } })).toEqual(['sla.targetPercent']);
	});

	it('accepts a 100 % target', () => {
		expect(ok('alteo', { sla: { targetPercent: 100 } }).sla.targetPercent).toBe(100);
	});

	it.each(['9:00', '25:00', '12:60', '24:00', 'noon'])('rejects slot start %s (000 §1.5)', (t) => {
		const paths = issuePaths('softconcept', { support: { hours: { mon: [[t, '23:00']] } } });
		expect(paths).toContain('support.hours.mon.0.0');
	});

	it('accepts 24:00 as an end and rejects 24:30', () => {
		const s = ok('alteo', { support: { hours: { sat: [['20:00', '24:00']] } } });
		expect(s.support.hours.sat).toEqual([['20:00', '24:00']]);
		const paths = issuePaths('alteo', { support: { hours: { sat: [['20:00', '24:30']] } } });
		expect(paths).toEqual(['support.hours.sat.0.1']);
	});

	it('rejects a slot that ends before it starts (000 §1.5)', () => {
		const o = { support: { hours: { fri: [['17:00', '13:30']] } } };
		expect(issuePaths('softconcept', o)).toEqual(['support.hours.fri.0']);
		const empty = { support: { hours: { fri: [['13:30', '13:30']] } } };
		expect(issuePaths('softconcept', empty)).toEqual(['support.hours.fri.0']);
	});

	it('rejects overlapping or unsorted slots (000 §1.5)', () => {
		const overlapping = [
			['09:00', '12:15'],
			['12:00', '18:00']
		];
		expect(issuePaths('softconcept', { support: { hours: { mon: overlapping } } })).toEqual([
			'support.hours.mon.1'
		]);
		const unsorted = [
			['13:30', '18:00'],
			['09:00', '12:15']
		];
		expect(issuePaths('softconcept', { support: { hours: { tue: unsorted } } })).toEqual([
			'support.hours.tue.1'
		]);
	});

	it('accepts touching slots', () => {
		const touching = [
			['09:00', '12:00'],
			['12:00', '18:00']
		];
		expect(ok('alteo', { support: { hours: { mon: touching } } }).support.hours.mon).toEqual(
			touching
		);
	});

	it('rejects a coverage schedule with no slot at all (004 art. 6)', () => {
		const none = { mon: [], tue: [], wed: [], thu: [], fri: [] };
		expect(issuePaths('axantis', { sla: { coverage: { weekly: none } } })).toEqual([
			'sla.coverage.weekly'
		]);
	});

	it('rejects a bad closed day and accepts a real one (004 art. 6)', () => {
		const bad = { sla: { coverage: { closedDays: ['2025-02-30', '2025-12-26'] } } };
		expect(issuePaths('axantis', bad)).toEqual(['sla.coverage.closedDays.0']);
		const good = ok('axantis', { sla: { coverage: { closedDays: ['2025-05-30'] } } });
		expect(good.sla.coverage).toMatchObject({ closedDays: ['2025-05-30'] });
	});

	it('rejects an unknown excluded cause and duplicates (004 art. 6)', () => {
		expect(issuePaths('axantis', { sla: { excludedCauses: ['weather'] } })).toEqual([
			'sla.excludedCauses.0'
		]);
		expect(issuePaths('axantis', { sla: { excludedCauses: ['client', 'client'] } })).toEqual([
			'sla.excludedCauses'
		]);
	});

	it('rejects unsorted credit tiers and a tier above the target (004 art. 6)', () => {
		const unsorted = [
			{ belowPercent: 97, percent: 20 },
			{ belowPercent: 99.5, percent: 10 }
		];
		const paths = issuePaths('axantis', { sla: { credit: { tiers: unsorted } } });
		expect(paths).toContain('sla.credit.tiers.1.belowPercent');
		expect(issuePaths('axantis', { sla: { targetPercent: 99.5 } })).toEqual([
			'sla.credit.tiers.0.belowPercent'
		]);
	});

	it('rejects an unknown credit mode at its discriminator (000 §1.6, 001 §5.1, 004 art. 6)', () => {
		expect(issuePaths('alteo', { sla: { credit: { mode: 'refund' } } })).toEqual([
			'sla.credit.mode'
		]);
	});

	it('rejects a degraded weight outside 0..1 and a cap above 100 %', () => {
		expect(issuePaths('alteo', { sla: { degradedWeight: 1.5 } })).toEqual(['sla.degradedWeight']);
		expect(issuePaths('alteo', { sla: { credit: { capPercent: 150 } } })).toEqual([
			'sla.credit.capPercent'
		]);
	});

	it('rejects a bad duration and an acknowledge longer than resolve (000 §2)', () => {
		const zero = { incidents: { critical: { acknowledge: { amount: 0 } } } };
		expect(issuePaths('softconcept', zero)).toEqual(['incidents.critical.acknowledge.amount']);
		const weeks = { incidents: { minor: { resolve: { unit: 'weeks' } } } };
		expect(issuePaths('softconcept', weeks)).toEqual(['incidents.minor.resolve.unit']);
		const late = { incidents: { critical: { acknowledge: { amount: 5 } } } };
		expect(issuePaths('softconcept', late)).toEqual(['incidents.critical.acknowledge']);
	});

	it('rejects a bad "avoid after" time and a bad backup time (001 §4.1.3, §4.5)', () => {
		expect(issuePaths('alteo', { maintenance: { avoidAfter: '4pm' } })).toEqual([
			'maintenance.avoidAfter'
		]);
		const s = { backups: { schedules: [{ kind: 'full', frequency: 'daily', at: '24:00' }] } };
		expect(issuePaths('alteo', s)).toEqual(['backups.schedules.0.at']);
	});

	it('rejects a weekday on a daily schedule and a lower-case country code', () => {
		const s = { backups: { schedules: [{ kind: 'full', frequency: 'daily', weekday: 'sun' }] } };
		expect(issuePaths('dobaas', s)).toEqual(['backups.schedules.0.weekday']);
		const c = { backups: { allowedCountries: ['fr'] } };
		expect(issuePaths('dobaas', c)).toEqual(['backups.allowedCountries.0']);
	});

	it('collects several issues at once', () => {
		const paths = issuePaths('alteo', {
			sla: { targetPercent: 0, period: 'week' },
			backups: { retentionDays: -1 }
		});
		expect(paths.sort()).toEqual(['backups.retentionDays', 'sla.period', 'sla.targetPercent']);
	});
});

describe('helpers', () => {
	it('validateContractSettings checks a complete object', () => {
		expect(validateContractSettings(PRESETS.axantis)).toEqual({
			ok: true,
			settings: PRESETS.axantis
		});
		const r = validateContractSettings({ sla: PRESETS.axantis.sla });
		expect(r.ok ? [] : r.issues.map((i) => i.path).sort()).toEqual([
			'backups',
			'endOfContract',
			'incidents',
			'maintenance',
			'restores',
			'support'
		]);
	});

	it('deepMerge leaves arrays and primitives to the patch', () => {
		expect(deepMerge({ a: [1, 2], b: { c: 1, d: 2 } }, { a: [3], b: { d: 4 } })).toEqual({
			a: [3],
			b: { c: 1, d: 4 }
		});
		expect(deepMerge({ a: 1 }, { a: undefined })).toEqual({ a: 1 });
	});

	it('minutesOfDay and isIsoDate', () => {
		expect(minutesOfDay('13:30')).toBe(810);
		expect(minutesOfDay('24:00')).toBe(1440);
		expect(minutesOfDay('24:01')).toBeNull();
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2025-02-29')).toBe(false);
	});
});
