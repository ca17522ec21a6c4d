/**
 * The backup contracts: 002 = DEFI Informatique, 003 = Do'BaaS (rules clause by clause in
 * ./README.md). Every value the contract does not give is marked "silent:" with the reason.
 */
import type { ContractSettings } from './settings-schema';
import { weekly } from './schedule';
import { INCIDENT_COMMON, MON_FRI, incidentDeadlines } from './preset-parts';

const DEFI_HOURS = weekly({
	mon: [
		['08:30', '12:00'],
		['13:30', '17:00']
	],
	tue: [
		['08:30', '12:00'],
		['13:30', '17:00']
	],
	wed: [
		['08:30', '12:00'],
		['13:30', '17:00']
	],
	thu: [
		['08:30', '12:00'],
		['13:30', '17:00']
	],
	fri: [
		['08:30', '12:00'],
		['13:30', '16:00']
	]
});

export const defi: ContractSettings = {
	sla: {
		// 002 art. 4.2, 8: no availability figure, « obligation de moyen »; a nominal target for
		// the report, with no credit
		targetPercent: 99,
		period: 'month', // silent
		coverage: { mode: '24x7' }, // silent: hosting on dedicated servers, no coverage period
		degradedWeight: 0, // silent
		excludedCauses: [
			'client', // 002 art. 10: the client's acts and negligence
			'third_party_operator', // 002 art. 10 « réseaux des opérateurs tiers »
			'force_majeure', // 002 art. 13
			'out_of_scope' // 002 art. 9: anything not expressly provided is excluded
		],
		treatment: { maintenance: 'remove', causes: 'remove' }, // silent
		credit: { mode: 'none' }, // 002: no credit
		gtr: null, // 002: no GTR
		closeAfterDays: 5
	},
	support: {
		hours: DEFI_HOURS, // 002 art. 4.3
		// 002 art. 4.3 « sauf les jours fériés » (Maxéville is not under Alsace-Moselle law); the
		// « 2 journées exceptionnelles de formation interne » have no date: not settable
		publicHolidays: 'fr'
	},
	incidents: {
		// 002 art. 4.2: no deadline (« dans les délais rapides »): silent, the 000 §2 table in
		// the art. 4.3 support hours
		...incidentDeadlines('business'),
		...INCIDENT_COMMON,
		standbyServerAfterHours: null // silent: no standby-server duty in 002
	},
	maintenance: {
		// 002 art. 8: over one hour « s'engage à en informer préalablement »: no delay given
		noticeBusinessHours: null,
		longerThanMinutesNeedsApproval: null, // 002 art. 8: information, not approval
		networkNoticeCalendarDays: null, // silent
		preferredWindow: 'outside_business_hours', // 002 art. 8 « moments les moins préjudiciables »
		avoidAfter: null,
		avoidFridayAfternoon: false,
		avoidWeekends: false,
		avoidHolidaysAndEves: false
	},
	backups: {
		// 002 art. 5, 6 « Fréquence des sauvegardes : 1 fois/jour »; art. 7.2 the client sets the
		// time with the provider: silent, 22:00 by default, a client's own time by override
		schedules: [{ kind: 'data_full', frequency: 'daily', at: '22:00' }],
		graceHours: 3, // silent: the portal's default
		retentionDays: 6, // 002 art. 5, 6 « Rétention de vos sauvegardes : 6 jours »
		versionsRestorable: 5, // 002 art. 7.2 « les 5 dernières historisations de version »
		receptionReportWithinHours: 24, // 002 art. 7.2 « dans un délai maximum de 24 heures »
		// 002 art. 5.1: a dedicated OVH FTP « fournit avec le serveur dédié »: not said to be on
		// another site
		offsiteSitesMin: 0,
		allowedCountries: null, // 002 art. 5: France « pour exemple », not a commitment
		maxChangePercent: null // silent (art. 7.4 bills the volume, not the change)
	},
	restores: {
		incrementalWithinHours: null, // silent: 002 art. 7.3 gives no delay
		incrementalLastN: null,
		fullWithinHours: null,
		clock: 'business', // silent: requests are handled by the art. 4.3 support
		stopsServer: false, // silent
		billable: 'never', // 002 art. 7 « La restauration d'une sauvegarde en cas d'incident » is included
		quoteRequired: 'never',
		providerTests: false // silent
	},
	endOfContract: {
		// 002 art. 7.3: restitution during the contract only; destroyed « un mois franc » after it
		clause: '002 art. 7.3',
		destroyAfter: { amount: 1, unit: 'months' },
		exportWindow: { opensBefore: null, closesAfter: { amount: 0, unit: 'days' } }
	}
};

export const dobaas: ContractSettings = {
	sla: {
		// 003 art. 4.02, 4.03: no availability figure, « obligation de moyens »; a nominal
		// target for the report, with no credit
		targetPercent: 99,
		period: 'month', // silent
		coverage: { mode: '24x7' }, // silent
		degradedWeight: 0, // silent
		excludedCauses: [
			'client', // 003 art. 7 « du fait du Client ou d'un tiers »
			'authorized_third_party', // 003 art. 7
			'third_party_operator', // 003 art. 7: telecommunications, Internet access
			'force_majeure' // 003 art. 7
		],
		treatment: { maintenance: 'remove', causes: 'remove' }, // 003 art. 7 « sans droit à indemnités »
		credit: { mode: 'none' }, // 003: no credit
		gtr: null, // 003: no GTR
		closeAfterDays: 5
	},
	support: {
		// 003 art. 2: support « proactif et réactif », no hours: silent, Mon–Fri 09:00–18:00
		hours: MON_FRI([['09:00', '18:00']]),
		publicHolidays: 'fr' // silent; art. 10 counts « jours ouvrés »
	},
	incidents: {
		...incidentDeadlines('business'), // silent: the 000 §2 table
		...INCIDENT_COMMON,
		standbyServerAfterHours: null // 003 art. 4.02: no continuity guaranteed
	},
	maintenance: {
		noticeBusinessHours: null, // 003 art. 7: announced « dans la mesure du possible »
		longerThanMinutesNeedsApproval: null,
		networkNoticeCalendarDays: null,
		preferredWindow: 'any', // silent
		avoidAfter: null,
		avoidFridayAfternoon: false,
		avoidWeekends: false,
		avoidHolidaysAndEves: false
	},
	backups: {
		// 003 art. 4.04: the frequency is on the order form: silent, one incremental a night at
		// 21:00 and a full every Sunday, by override to match the order
		schedules: [
			{ kind: 'incremental', frequency: 'daily', at: '21:00' },
			{ kind: 'full', frequency: 'weekly', weekday: 'sun', at: '02:00' }
		],
		graceHours: 3, // silent: the portal's default
		retentionDays: 30, // 003 art. 4.04 « en fonction de la souscription »: silent, 30 days
		versionsRestorable: 30, // silent: every point of the retention
		receptionReportWithinHours: null, // reception reports are 002 art. 7.2 only
		offsiteSitesMin: 1, // 003 art. 2 « sauvegarde externalisée »: off the client's site
		allowedCountries: ['FR'], // 003 art. 3 « strictement localisées sur le territoire national »
		maxChangePercent: 5 // 003 art. 4.05 « cinq (5) pourcents de modification »
	},
	restores: {
		incrementalWithinHours: null, // 003 art. 5: planned « selon l'urgence », no delay
		incrementalLastN: null,
		fullWithinHours: null,
		clock: 'business', // silent: through the provider's support
		stopsServer: false, // silent
		billable: 'always', // 003 art. 5 « Toute demande de restauration sera facturée en sus »
		// 003 art. 5: heavy restores (directories, a virtual server, a database) « pourra faire
		// l'objet d'un devis »; a single file is done through support
		quoteRequired: 'heavy',
		providerTests: false // 003 art. 5 excludes « Tests de restauration périodique »
	},
	endOfContract: {
		// 003 art. 10: definitive deletion within 10 working days of the service's end
		clause: '003 art. 10',
		destroyAfter: { amount: 10, unit: 'working_days' },
		exportWindow: { opensBefore: null, closesAfter: { amount: 10, unit: 'working_days' } }
	}
};
