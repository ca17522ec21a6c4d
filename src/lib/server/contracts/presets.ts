/**
 * The three contract presets. Clause references: 000 = Soft Concept,
 * 001 = Alteo, 004 = Axantis (rules clause by clause in ./README.md). Every value the contract does not
 * give is marked "silent:" with the reason for the choice.
 */
import type { ContractSettings } from './settings-schema';
import { weekly, type TimeSlot } from './schedule';

export const PRESET_NAMES = ['softconcept', 'alteo', 'axantis'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const MON_FRI = (slots: TimeSlot[]) =>
	weekly({ mon: slots, tue: slots, wed: slots, thu: slots, fri: slots });

/** The 000 §2 table: acknowledge / resolve per severity. */
const DEADLINES = {
	critical: { acknowledge: { amount: 1, unit: 'hours' }, resolve: { amount: 4, unit: 'hours' } },
	major: { acknowledge: { amount: 2, unit: 'hours' }, resolve: { amount: 1, unit: 'days' } },
	minor: { acknowledge: { amount: 1, unit: 'days' }, resolve: { amount: 3, unit: 'days' } },
	information_request: {
		acknowledge: { amount: 1, unit: 'days' },
		resolve: { amount: 3, unit: 'days' }
	}
} as const satisfies Record<string, Omit<ContractSettings['incidents']['critical'], 'clock'>>;

type Clock = 'business' | 'calendar';
function incidentDeadlines(critical: Clock, major: Clock = critical, minor = major, info = minor) {
	const mk = (d: (typeof DEADLINES)[keyof typeof DEADLINES], clock: Clock) => ({
		acknowledge: { ...d.acknowledge },
		resolve: { ...d.resolve },
		clock
	});
	return {
		critical: mk(DEADLINES.critical, critical),
		major: mk(DEADLINES.major, major),
		minor: mk(DEADLINES.minor, minor),
		information_request: mk(DEADLINES.information_request, info)
	};
}

/** Values shared by the three presets: portal choices the contracts are silent on. */
const INCIDENT_COMMON = {
	atRiskPercent: 75,
	reopenWithinDays: 7,
	autoOpenAfterDownMinutes: 5
};

const softconcept: ContractSettings = {
	sla: {
		targetPercent: 95, // 000 §2: 95 % monthly, 7/7 24 h/24, maintenance excluded
		period: 'month',
		coverage: { mode: '24x7' },
		degradedWeight: 0, // silent: only "non-fonctionnement" counts, a slow service is up
		// silent: 000 names only maintenance; client-side acts and force majeure excluded as under
		// general law (C. civ. art. 1218, 1231-1)
		excludedCauses: ['client', 'authorized_third_party', 'force_majeure'],
		treatment: { maintenance: 'remove', causes: 'remove' }, // 000 §2 "hors période de maintenance"
		// 000 §1.6: not restored within 4 h → the period of non-operation is not billed
		credit: { mode: 'outage_pro_rata', minOutageMinutes: 240 },
		gtr: null, // the 4 h restore duty is the credit rule above, not a GTR penalty scale
		closeAfterDays: 5
	},
	support: {
		// 000 §1.5: Mon–Thu 9:00–12:15 & 13:30–18:00, Fri until 17:00
		hours: weekly({
			mon: [
				['09:00', '12:15'],
				['13:30', '18:00']
			],
			tue: [
				['09:00', '12:15'],
				['13:30', '18:00']
			],
			wed: [
				['09:00', '12:15'],
				['13:30', '18:00']
			],
			thu: [
				['09:00', '12:15'],
				['13:30', '18:00']
			],
			fri: [
				['09:00', '12:15'],
				['13:30', '17:00']
			]
		}),
		// silent on holidays: closed on French public holidays (Lyon, not Alsace-Moselle)
		publicHolidays: 'fr'
	},
	incidents: {
		...incidentDeadlines('business'), // 000 §2 deadlines, all counted in business hours
		...INCIDENT_COMMON,
		standbyServerAfterHours: 24 // 000 §1.6: unavailability > 1 day → standby server
	},
	maintenance: {
		noticeBusinessHours: 48, // 000 §1.4
		longerThanMinutesNeedsApproval: 60, // 000 §1.4: > 1 h only with written agreement
		networkNoticeCalendarDays: null, // silent: the 48 business-hour notice covers network works too
		preferredWindow: 'outside_business_hours', // 000 §1.4 "en dehors des jours/heures ouvrés"
		avoidAfter: null, // silent: the 001 §4.1.3 advice is not in 000
		avoidFridayAfternoon: false,
		avoidWeekends: false, // maintenance is meant to happen outside business hours, weekends included
		avoidHolidaysAndEves: false
	},
	backups: {
		// 000 §1.8; silent on times: none set ("sans interruption de service")
		schedules: [
			{ kind: 'full', every: 'monthly' },
			{ kind: 'data_full', every: 'weekly' },
			{ kind: 'incremental', every: 'daily' }
		],
		// silent in days: 000 §1.8 keeps "the last five"; five weekly fulls span 35 days
		retentionDays: 35,
		versionsRestorable: 5, // 000 §1.8: one of the five last incrementals
		offsiteSites: 1, // 000 §1.8: external media on a site distinct from the server's
		receptionReportWithinHours: null, // reception reports are 002 art. 7.2 only
		restoreIncrementalWithinHours: 24, // 000 §1.8
		restoreFullWithinHours: 72, // 000 §1.8
		restoreStopsServer: true, // 000 §1.8 "avec arrêt du serveur pendant l'opération"
		restoresMayBeBilled: false // 000 §1.8: included in the hosting price
	},
	endOfContract: {
		// 000 §1.9: everything handed back on request within one month before the end date, no copy
		// kept: destroyed at the end date
		destroyAfter: { amount: 0, unit: 'days' },
		exportWindow: {
			opensBefore: { amount: 1, unit: 'months' },
			closesAfter: { amount: 0, unit: 'days' }
		}
	}
};

const alteo: ContractSettings = {
	sla: {
		targetPercent: 99.9, // 001 §5.1 (= 43'12" a 30-day month)
		// 001 §5.1 "Le temps est l'année et débute à la Date de Mise en Service": the literal
		// clause; 'month' by override
		period: 'contract_year',
		coverage: { mode: '24x7' }, // 001 §5.2 "24 heures sur 24, 7 jours sur 7"
		degradedWeight: 0, // silent: only interruptions count (001 §5.2 "coupure de service")
		excludedCauses: [
			'client', // 001 §5.1
			'authorized_third_party', // 001 §5.1
			'out_of_scope', // 001 §4.1.1 levels 3–4: cause outside Alteo's perimeter is excluded
			'third_party_operator', // 001 §3.1.6: no liability for network operators' failures
			'force_majeure' // silent: general law (C. civ. art. 1218)
		],
		// 001 §5.1 formula removes both from the denominator
		treatment: { maintenance: 'remove', causes: 'remove' },
		// 001 §5.1: 2.5 % per 60 min once the target is missed, capped at the monthly fee
		credit: {
			mode: 'slices',
			percentPerSlice: 2.5,
			sliceMinutes: 60,
			countStartedSlices: true, // silent: read for the client (C. civ. art. 1190, adhesion contract)
			capPercent: 100
		},
		// 001 §5.2: the GTR duration depends on the ordered service level, none in the contract → 4 h
		gtr: {
			// 001 §5.2: "une coupure de service empêchant le fonctionnement du service"
			severities: ['critical', 'major'],
			restoreWithinMinutes: 240,
			stepMinutes: 60,
			penaltiesPercent: [20, 30, 40, 50], // GTR +1 h, +2 h, +3 h, beyond
			capPercent: 100
		},
		closeAfterDays: 5
	},
	support: {
		// silent (001 §2 "calendrier du Prestataire"): Mon–Fri 09:00–18:00, the usual French office
		// day; 002's hours belong to another provider
		hours: MON_FRI([['09:00', '18:00']]),
		publicHolidays: 'fr' // silent: French public holidays are not "jours ouvrés"
	},
	incidents: {
		// silent on per-severity deadlines: the 000 §2 table; critical/major on the calendar clock because
		// 001 §5.2–5.3 measure restoration 24/7 from the ticket; minor/info in business hours
		...incidentDeadlines('calendar', 'calendar', 'business', 'business'),
		...INCIDENT_COMMON, // 001 §4.1.1 level 1: a ping alert opens an incident
		standbyServerAfterHours: null // silent: no standby-server duty in 001 (PRA is an option)
	},
	maintenance: {
		// silent: 001 §3.1.4 only "dans les meilleurs délais"; the 8-day rule below is what makes
		// an interruption "programmée"
		noticeBusinessHours: null,
		longerThanMinutesNeedsApproval: null, // silent: no approval duty in 001
		networkNoticeCalendarDays: 8, // 001 §5.5: ≥ 8 calendar days by e-mail (date, time, duration)
		preferredWindow: 'business_hours', // 001 §4.1.1 "réalisées en jours et heures ouvrés"
		avoidAfter: '16:00', // 001 §4.1.3
		avoidFridayAfternoon: true, // 001 §4.1.3
		avoidWeekends: true, // 001 §4.1.3
		avoidHolidaysAndEves: true // 001 §4.1.3
	},
	backups: {
		// 001 §4.5: databases daily at 22:00 kept 28 days; files nightly kept 7 days
		schedules: [
			{ kind: 'data_full', every: 'daily', at: '22:00', scope: 'databases', retentionDays: 28 },
			// silent on the files' time ("la nuit") and kind: full nightly copy at 23:00, after the DBs
			{ kind: 'data_full', every: 'daily', at: '23:00', scope: 'files', retentionDays: 7 }
		],
		retentionDays: 28, // longest per-schedule retention
		versionsRestorable: 7, // silent: every nightly point the 7-day file retention keeps
		offsiteSites: 1, // silent: one copy off the server's site, as in 000 and 004
		receptionReportWithinHours: null, // reception reports are 002 art. 7.2 only
		restoreIncrementalWithinHours: null, // silent: 001 §4.5 gives no restore deadline
		restoreFullWithinHours: null,
		restoreStopsServer: false, // silent: not required by 001
		restoresMayBeBilled: true // 001 §4.5 "facturer cette intervention en fonction de la difficulté"
	},
	endOfContract: {
		// silent: 001 has no reversibility clause; one month after the end, as 002 art. 7.3
		destroyAfter: { amount: 1, unit: 'months' },
		exportWindow: { opensBefore: null, closesAfter: { amount: 1, unit: 'months' } }
	}
};

const axantis: ContractSettings = {
	sla: {
		targetPercent: 99.85, // 004 art. 6
		period: 'month', // 004 art. 6: calendar month
		coverage: {
			mode: 'schedule', // 004 art. 6: Mon–Fri 8:00–18:00, public holidays excluded
			weekly: MON_FRI([['08:00', '18:00']]),
			publicHolidays: 'fr',
			closedDays: []
		},
		degradedWeight: 0, // silent: only "indisponibilité" counts
		excludedCauses: [
			'out_of_scope', // 004 art. 6 (i) equipment/service not supplied by the provider
			'client', // (ii) client acts, (vi) client not cooperating
			'authorized_third_party', // silent: a third party acting for the client = the client (ii)
			'beyond_capacity', // (iv)
			'third_party_operator', // (v)
			'force_majeure' // art. 6
		],
		// 004 art. 6: maintenance is outside coverage; the formula keeps total minutes as denominator
		treatment: { maintenance: 'remove', causes: 'count_as_available' },
		credit: {
			mode: 'tiers', // 004 art. 6: < 99.85 → 5 %, < 99.5 → 10 %, < 97 → 20 %, cap 20 %
			tiers: [
				{ belowPercent: 99.85, percent: 5 },
				{ belowPercent: 99.5, percent: 10 },
				{ belowPercent: 97, percent: 20 }
			],
			capPercent: 20
		},
		gtr: null, // 004 has no restoration-time guarantee
		closeAfterDays: 5
	},
	support: {
		hours: MON_FRI([['08:00', '18:00']]), // silent on support: the art. 6 coverage period
		publicHolidays: 'fr'
	},
	incidents: {
		// silent: the 000 §2 table, all in business hours since the SLA covers business hours only
		...incidentDeadlines('business'),
		...INCIDENT_COMMON,
		standbyServerAfterHours: null // silent: no standby-server duty in 004
	},
	maintenance: {
		noticeBusinessHours: 48, // silent: 004 only says "programmées"; 000's 48 business hours taken
		longerThanMinutesNeedsApproval: null, // silent: no approval duty in 004
		networkNoticeCalendarDays: null, // silent
		// silent: outside the SLA coverage, like the backups (004 §3)
		preferredWindow: 'outside_business_hours',
		avoidAfter: null,
		avoidFridayAfternoon: false,
		avoidWeekends: false,
		avoidHolidaysAndEves: false
	},
	backups: {
		// 004 §3: daily outside business hours; silent on the time and kind: a VM image at 22:00
		schedules: [{ kind: 'full', every: 'daily', at: '22:00' }],
		retentionDays: 7, // 004 §3 offers 7 or 31 rolling days: the shorter one; 31 by override
		versionsRestorable: 7, // silent: every daily point within the retention
		offsiteSites: 1, // 004 §3: backup platforms in other datacenters ("deux sites distincts")
		receptionReportWithinHours: null, // reception reports are 002 art. 7.2 only
		restoreIncrementalWithinHours: null, // silent: 004 gives no restore deadline
		restoreFullWithinHours: null,
		restoreStopsServer: false, // silent
		restoresMayBeBilled: false // silent: backups are part of the subscribed option
	},
	endOfContract: {
		// 004 art. 10: 30 working days to copy the data out, then the provider erases it
		destroyAfter: { amount: 30, unit: 'working_days' },
		exportWindow: { opensBefore: null, closesAfter: { amount: 30, unit: 'working_days' } }
	}
};

/**
 * The end-of-contract values of the two presets the backups work adds (`defi` for 002, `dobaas`
 * for 003): to be merged into those presets.
 */
export const END_OF_CONTRACT_BY_CONTRACT = {
	// 002 art. 7.3: restitution during the contract only; destroyed "un mois franc" after it
	'002': {
		destroyAfter: { amount: 1, unit: 'months' },
		exportWindow: { opensBefore: null, closesAfter: { amount: 0, unit: 'days' } }
	},
	// 003 art. 10: definitive deletion within 10 working days of the service's end
	'003': {
		destroyAfter: { amount: 10, unit: 'working_days' },
		exportWindow: { opensBefore: null, closesAfter: { amount: 10, unit: 'working_days' } }
	}
} as const satisfies Record<string, ContractSettings['endOfContract']>;

function deepFreeze<T>(x: T): T {
	if (x && typeof x === 'object') {
		for (const v of Object.values(x)) deepFreeze(v);
		Object.freeze(x);
	}
	return x;
}

/** Frozen: resolveContractSettings copies before merging; never mutate a preset. */
export const PRESETS: Record<PresetName, ContractSettings> = deepFreeze({
	softconcept,
	alteo,
	axantis
});
