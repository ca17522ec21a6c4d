/**
 * The hosting contracts: 000 = Soft Concept, 001 = Alteo, 004 = Axantis (rules clause by clause
 * in ./README.md). Every value the contract does not give is marked "silent:" with the reason.
 */
import type { ContractSettings } from './settings-schema';
import { weekly } from './schedule';
import { INCIDENT_COMMON, MON_FRI, incidentDeadlines } from './preset-parts';

export const softconcept: ContractSettings = {
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
		// 000 §1.8; silent on times and days: none set ("sans interruption de service"), so each
		// backup is due by the end of its day, week or month
		schedules: [
			{ kind: 'full', frequency: 'monthly' }, // « l'intégralité du système et des données »
			{ kind: 'data_full', frequency: 'weekly' }, // « l'intégralité des données »
			{ kind: 'incremental', frequency: 'daily' }
		],
		graceHours: 3, // silent: the portal's default
		// silent in days: 000 §1.8 keeps "the last five"; five weekly fulls span 35 days
		retentionDays: 35,
		versionsRestorable: 5, // 000 §1.8 « Les cinq dernières sauvegardes »
		receptionReportWithinHours: null, // reception reports are 002 art. 7.2 only
		offsiteSitesMin: 1, // 000 §1.8 « sur un site distinct du site du serveur du CLIENT »
		allowedCountries: null, // silent: no location clause
		maxChangePercent: null // silent: no sizing clause
	},
	restores: {
		incrementalWithinHours: 24, // 000 §1.8 « dans un délai de 24 heures »
		incrementalLastN: 5, // 000 §1.8 « l'une des cinq dernières sauvegardes incrémentales »
		fullWithinHours: 72, // 000 §1.8 « dans un délai de 72 heures »
		clock: 'calendar', // 000 §1.8: hours, not business hours
		stopsServer: true, // 000 §1.8 « avec arrêt du serveur pendant l'opération »
		billable: 'never', // 000 §1.8 « comprises dans le prix de l'hébergement »
		quoteRequired: 'never', // 000 §1.8: included, nothing to quote
		providerTests: true // 000 §1.8 « tests de restauration de l'ensemble du système »
	},
	endOfContract: {
		// 000 §1.9: everything handed back on request within one month before the end date, no copy
		// kept: destroyed at the end date
		clause: '000 §1.9',
		destroyAfter: { amount: 0, unit: 'days' },
		exportWindow: {
			opensBefore: { amount: 1, unit: 'months' },
			closesAfter: { amount: 0, unit: 'days' }
		}
	}
};

export const alteo: ContractSettings = {
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
			{
				kind: 'data_full',
				frequency: 'daily',
				at: '22:00',
				scope: 'databases',
				retentionDays: 28
			},
			// silent on the files' time ("la nuit") and kind: full nightly copy at 23:00, after the DBs
			{ kind: 'data_full', frequency: 'daily', at: '23:00', scope: 'files', retentionDays: 7 }
		],
		graceHours: 3, // silent: the portal's default
		retentionDays: 28, // longest per-schedule retention
		versionsRestorable: 7, // silent: every nightly point the 7-day file retention keeps
		receptionReportWithinHours: null, // reception reports are 002 art. 7.2 only
		offsiteSitesMin: 1, // silent: one copy off the server's site, as in 000 and 004
		allowedCountries: null, // silent: no location clause
		maxChangePercent: null // silent: no sizing clause
	},
	restores: {
		incrementalWithinHours: null, // silent: 001 §4.5 gives no restore deadline
		incrementalLastN: null,
		fullWithinHours: null,
		clock: 'calendar', // silent: no deadline to count
		stopsServer: false, // silent: not required by 001
		// 001 §4.5 « facturer cette intervention en fonction de la difficulté »: a single file is
		// not difficult (003 art. 5's simple restore)
		billable: 'heavy',
		quoteRequired: 'heavy', // silent: the client agrees to the price of a difficult restore first
		providerTests: false // silent: no restore-test duty in 001
	},
	endOfContract: {
		// silent: 001 has no reversibility clause; one month after the end, as 002 art. 7.3
		clause: '002 art. 7.3',
		destroyAfter: { amount: 1, unit: 'months' },
		exportWindow: { opensBefore: null, closesAfter: { amount: 1, unit: 'months' } }
	}
};

export const axantis: ContractSettings = {
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
		schedules: [{ kind: 'full', frequency: 'daily', at: '22:00' }],
		graceHours: 3, // silent: the portal's default
		retentionDays: 7, // 004 §3 offers 7 or 31 rolling days: the shorter one; 31 by override
		versionsRestorable: 7, // silent: every daily point within the retention
		receptionReportWithinHours: null, // reception reports are 002 art. 7.2 only
		// 004 §3 « à minima sur deux sites distincts »: the server's and one other
		offsiteSitesMin: 1,
		allowedCountries: null, // silent: the VMs are in France (004 art. 3), backups not stated
		maxChangePercent: null // silent
	},
	restores: {
		incrementalWithinHours: null, // silent: 004 gives no restore deadline
		incrementalLastN: null,
		fullWithinHours: null,
		clock: 'calendar', // silent: no deadline to count
		stopsServer: false, // silent
		billable: 'never', // silent: backups are part of the subscribed option
		quoteRequired: 'never', // silent
		providerTests: false // silent
	},
	endOfContract: {
		// 004 art. 10: 30 working days to copy the data out, then the provider erases it
		clause: '004 art. 10',
		destroyAfter: { amount: 30, unit: 'working_days' },
		exportWindow: { opensBefore: null, closesAfter: { amount: 30, unit: 'working_days' } }
	}
};
