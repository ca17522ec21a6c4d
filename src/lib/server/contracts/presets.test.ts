import { describe, it, expect } from 'vitest';
import {
	PRESETS,
	PRESET_NAMES,
	contractSettingsSchema,
	resolveContractSettings,
	type ContractSettings
} from './settings';

function resolved(preset: string): ContractSettings {
	const r = resolveContractSettings(preset, {});
	if (!r.ok) throw new Error(JSON.stringify(r.issues));
	return r.settings;
}

describe('every preset', () => {
	it.each(PRESET_NAMES)('%s validates against the schema, unchanged by parsing', (name) => {
		const parsed = contractSettingsSchema.safeParse(PRESETS[name]);
		expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
		expect(parsed.data).toEqual(PRESETS[name]);
		expect(resolved(name)).toEqual(PRESETS[name]);
	});

	it.each(PRESET_NAMES)('%s uses the 000 §2 deadline table', (name) => {
		const i = PRESETS[name].incidents;
		expect([i.critical.acknowledge, i.critical.resolve]).toEqual([
			{ amount: 1, unit: 'hours' },
			{ amount: 4, unit: 'hours' }
		]);
		expect([i.major.acknowledge, i.major.resolve]).toEqual([
			{ amount: 2, unit: 'hours' },
			{ amount: 1, unit: 'days' }
		]);
		expect([i.minor.acknowledge, i.minor.resolve]).toEqual([
			{ amount: 1, unit: 'days' },
			{ amount: 3, unit: 'days' }
		]);
		expect([i.information_request.acknowledge, i.information_request.resolve]).toEqual([
			{ amount: 1, unit: 'days' },
			{ amount: 3, unit: 'days' }
		]);
		expect([i.atRiskPercent, i.reopenWithinDays, i.autoOpenAfterDownMinutes]).toEqual([75, 7, 5]);
	});

	it.each(PRESET_NAMES)(
		'%s excludes planned maintenance from availability (000 §2, 001 §5.5, 004 art. 6)',
		(name) => {
			expect(PRESETS[name].sla.treatment.maintenance).toBe('remove');
			expect(PRESETS[name].sla.closeAfterDays).toBe(5);
			expect(PRESETS[name].sla.degradedWeight).toBe(0);
		}
	);

	it('presets are frozen, and resolving returns a copy', () => {
		expect(Object.isFrozen(PRESETS.alteo.sla.credit)).toBe(true);
		const s = resolved('alteo');
		s.sla.targetPercent = 50;
		expect(PRESETS.alteo.sla.targetPercent).toBe(99.9);
	});
});

describe('softconcept (contract 000)', () => {
	const s = PRESETS.softconcept;

	it('targets 95 % a month, 7/7 24 h/24 (000 §2)', () => {
		expect(s.sla.targetPercent).toBe(95);
		expect(s.sla.period).toBe('month');
		expect(s.sla.coverage).toEqual({ mode: '24x7' });
	});

	it('does not bill an outage not restored within 4 h (000 §1.6)', () => {
		expect(s.sla.credit).toEqual({ mode: 'outage_pro_rata', minOutageMinutes: 240 });
		expect(s.sla.gtr).toBeNull();
	});

	it('support Mon–Thu 9:00–12:15 & 13:30–18:00, Fri to 17:00, holidays off (000 §1.5)', () => {
		const day = [
			['09:00', '12:15'],
			['13:30', '18:00']
		];
		expect(s.support.hours.mon).toEqual(day);
		expect(s.support.hours.thu).toEqual(day);
		expect(s.support.hours.fri).toEqual([
			['09:00', '12:15'],
			['13:30', '17:00']
		]);
		expect([s.support.hours.sat, s.support.hours.sun]).toEqual([[], []]);
		expect(s.support.publicHolidays).toBe('fr');
	});

	it('runs all four deadlines in business hours (000 §2)', () => {
		const clocks = [s.incidents.critical, s.incidents.major, s.incidents.minor];
		expect([...clocks, s.incidents.information_request].map((d) => d.clock)).toEqual(
			Array(4).fill('business')
		);
	});

	it('sets up a standby server after 1 day of unavailability (000 §1.6)', () => {
		expect(s.incidents.standbyServerAfterHours).toBe(24);
	});

	it('gives 48 business hours notice, > 1 h needs written agreement (000 §1.4)', () => {
		expect(s.maintenance.noticeBusinessHours).toBe(48);
		expect(s.maintenance.longerThanMinutesNeedsApproval).toBe(60);
		expect(s.maintenance.preferredWindow).toBe('outside_business_hours');
	});

	it('backs up monthly full, weekly data, daily incremental, 5 off-site (000 §1.8)', () => {
		expect(s.backups.schedules).toEqual([
			{ kind: 'full', frequency: 'monthly' },
			{ kind: 'data_full', frequency: 'weekly' },
			{ kind: 'incremental', frequency: 'daily' }
		]);
		expect(s.backups.versionsRestorable).toBe(5);
		expect(s.backups.offsiteSitesMin).toBe(1);
	});

	it('restores an incremental within 24 h (server stopped), a full within 72 h (000 §1.8)', () => {
		expect(s.restores).toMatchObject({
			incrementalWithinHours: 24,
			incrementalLastN: 5,
			fullWithinHours: 72,
			clock: 'calendar',
			stopsServer: true,
			billable: 'never',
			providerTests: true
		});
	});
});

describe('alteo (contract 001)', () => {
	const s = PRESETS.alteo;

	it('targets 99.9 % over the contract year, 24/7 (001 §5.1, §5.2)', () => {
		expect(s.sla.targetPercent).toBe(99.9);
		expect(s.sla.period).toBe('contract_year');
		expect(s.sla.coverage).toEqual({ mode: '24x7' });
	});

	it('removes client and authorized-third-party incidents from the formula (001 §5.1)', () => {
		expect(s.sla.excludedCauses).toEqual(
			expect.arrayContaining(['client', 'authorized_third_party', 'out_of_scope'])
		);
		expect(s.sla.treatment).toEqual({ maintenance: 'remove', causes: 'remove' });
	});

	it('credits 2.5 % per started 60 min slice, capped at the monthly fee (001 §5.1)', () => {
		expect(s.sla.credit).toEqual({
			mode: 'slices',
			percentPerSlice: 2.5,
			sliceMinutes: 60,
			countStartedSlices: true,
			capPercent: 100
		});
	});

	it('owes 20/30/40/50 % past a 4 h GTR, capped at the monthly fee (001 §5.2)', () => {
		expect(s.sla.gtr).toEqual({
			severities: ['critical', 'major'],
			restoreWithinMinutes: 240,
			stepMinutes: 60,
			penaltiesPercent: [20, 30, 40, 50],
			capPercent: 100
		});
	});

	it('runs critical and major deadlines on the calendar clock, like the GTR (001 §5.3)', () => {
		expect(s.incidents.critical.clock).toBe('calendar');
		expect(s.incidents.major.clock).toBe('calendar');
		expect(s.incidents.minor.clock).toBe('business');
		expect(s.incidents.standbyServerAfterHours).toBeNull();
	});

	it('announces network works 8 calendar days ahead (001 §5.5)', () => {
		expect(s.maintenance.networkNoticeCalendarDays).toBe(8);
		expect(s.maintenance.longerThanMinutesNeedsApproval).toBeNull();
	});

	it('avoids updates after 16:00, Friday afternoons, weekends, holiday eves (001 §4.1.3)', () => {
		expect(s.maintenance.avoidAfter).toBe('16:00');
		expect(s.maintenance.avoidFridayAfternoon).toBe(true);
		expect(s.maintenance.avoidWeekends).toBe(true);
		expect(s.maintenance.avoidHolidaysAndEves).toBe(true);
	});

	it('backs up databases daily at 22:00 kept 28 days, files nightly kept 7 (001 §4.5)', () => {
		const [db, files] = s.backups.schedules;
		expect(db).toMatchObject({
			frequency: 'daily',
			at: '22:00',
			scope: 'databases',
			retentionDays: 28
		});
		expect(files).toMatchObject({ frequency: 'daily', scope: 'files', retentionDays: 7 });
		expect(s.backups.retentionDays).toBe(28);
		expect(s.restores.billable).toBe('heavy');
		expect(s.restores.fullWithinHours).toBeNull();
	});
});

describe('axantis (contract 004)', () => {
	const s = PRESETS.axantis;

	it('targets 99.85 % a calendar month (004 art. 6)', () => {
		expect(s.sla.targetPercent).toBe(99.85);
		expect(s.sla.period).toBe('month');
	});

	it('covers Mon–Fri 08:00–18:00, French public holidays excluded (004 art. 6)', () => {
		expect(s.sla.coverage.mode).toBe('schedule');
		if (s.sla.coverage.mode !== 'schedule') return;
		for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) {
			expect(s.sla.coverage.weekly[d]).toEqual([['08:00', '18:00']]);
		}
		expect([s.sla.coverage.weekly.sat, s.sla.coverage.weekly.sun]).toEqual([[], []]);
		expect(s.sla.coverage.publicHolidays).toBe('fr');
	});

	it('treats every excusable event as available, maintenance as removed (004 art. 6)', () => {
		expect([...s.sla.excludedCauses].sort()).toEqual(
			[
				'authorized_third_party',
				'beyond_capacity',
				'client',
				'force_majeure',
				'out_of_scope',
				'third_party_operator'
			].sort()
		);
		expect(s.sla.treatment).toEqual({ maintenance: 'remove', causes: 'count_as_available' });
	});

	it('credits 5 % below 99.85, 10 % below 99.5, 20 % below 97, capped at 20 % (004 art. 6)', () => {
		expect(s.sla.credit).toEqual({
			mode: 'tiers',
			tiers: [
				{ belowPercent: 99.85, percent: 5 },
				{ belowPercent: 99.5, percent: 10 },
				{ belowPercent: 97, percent: 20 }
			],
			capPercent: 20
		});
		expect(s.sla.gtr).toBeNull();
	});

	it('backs up daily outside business hours, 7 days, on a second site (004 §3)', () => {
		expect(s.backups.schedules).toEqual([{ kind: 'full', frequency: 'daily', at: '22:00' }]);
		expect(s.backups.retentionDays).toBe(7);
		expect(s.backups.offsiteSitesMin).toBe(1);
		expect(s.endOfContract.destroyAfter).toEqual({ amount: 30, unit: 'working_days' });
	});
});

describe('defi (contract 002)', () => {
	const s = PRESETS.defi;

	it('has no availability commitment: no credit, no GTR (002 art. 4.2, 8)', () => {
		expect(s.sla.credit).toEqual({ mode: 'none' });
		expect(s.sla.gtr).toBeNull();
	});

	it('supports Mon–Thu 8:30–12:00 and 13:30–17:00, Fri until 16:00, not on holidays (002 art. 4.3)', () => {
		const day = [
			['08:30', '12:00'],
			['13:30', '17:00']
		];
		for (const d of ['mon', 'tue', 'wed', 'thu'] as const) expect(s.support.hours[d]).toEqual(day);
		expect(s.support.hours.fri).toEqual([
			['08:30', '12:00'],
			['13:30', '16:00']
		]);
		expect([s.support.hours.sat, s.support.hours.sun]).toEqual([[], []]);
		expect(s.support.publicHolidays).toBe('fr');
	});

	it('backs up once a day kept 6 days, the last 5 versions, a report within 24 h (002 art. 5–7.2)', () => {
		expect(s.backups.schedules).toEqual([{ kind: 'data_full', frequency: 'daily', at: '22:00' }]);
		expect(s.backups.retentionDays).toBe(6);
		expect(s.backups.versionsRestorable).toBe(5);
		expect(s.backups.receptionReportWithinHours).toBe(24);
		expect(s.endOfContract.destroyAfter).toEqual({ amount: 1, unit: 'months' });
	});

	it('restores included, with no deadline (002 art. 7, 7.3)', () => {
		expect(s.restores).toMatchObject({
			incrementalWithinHours: null,
			fullWithinHours: null,
			billable: 'never',
			quoteRequired: 'never'
		});
	});
});

describe('dobaas (contract 003)', () => {
	const s = PRESETS.dobaas;

	it('has no availability commitment (003 art. 4.02, 4.03)', () => {
		expect(s.sla.credit).toEqual({ mode: 'none' });
		expect(s.sla.gtr).toBeNull();
	});

	it('keeps data in France, sized for 5 % change (003 art. 3, 4.05)', () => {
		expect(s.backups.allowedCountries).toEqual(['FR']);
		expect(s.backups.maxChangePercent).toBe(5);
	});

	it('bills every restore, a quote for heavy ones, no restore tests (003 art. 5)', () => {
		expect(s.restores).toMatchObject({
			billable: 'always',
			quoteRequired: 'heavy',
			providerTests: false,
			fullWithinHours: null
		});
	});

	it('deletes the data 10 working days after the end (003 art. 10)', () => {
		expect(s.endOfContract.destroyAfter).toEqual({ amount: 10, unit: 'working_days' });
	});
});
