/**
 * What the demo clients went through in the last months (the reports themselves are in
 * story-scenarios.ts): planned maintenance announced in time or late, credit requests, and the
 * outage each client remembers. demo/replay.ts plays it through the domain services on a
 * backdated clock; the outages behind it are written into the monitoring history first, so every
 * SLA figure follows from the story.
 */
import type {
	IncidentCause,
	IncidentQualification,
	IncidentSeverity
} from '../../domain/incidents';
import { DAY, HOUR, type When } from './story-time';

/** A client's components by the part they play in the story. */
export type Role = 'server' | 'app' | 'aux';
/** Who files: a client contact or admin in the portal, or staff logging a phone call afterwards. */
export type Filer = 'contact' | 'admin' | 'phone';

export type IncidentStep =
	| { do: 'acknowledge'; nature: string; estimatedResolution: string }
	| { do: 'update'; message: string; internal?: boolean }
	| { do: 'severity'; severity: IncidentSeverity; reason: string }
	| { do: 'qualify'; qualification: IncidentQualification; cause: IncidentCause; note: string }
	| { do: 'resolve'; summary: string }
	/** The client's side: the reporting contact confirms or reopens. */
	| { do: 'confirm' }
	| { do: 'reopen'; reason: string };

export interface Scenario {
	when: When;
	severity: IncidentSeverity;
	on: Role[];
	/** `{server}`, `{app}` and `{aux}` read as the client's component names. */
	title: string;
	description: string;
	by: Filer;
	/** Each step this many minutes after the report. */
	steps: [number, IncidentStep][];
	/** The timeline behind the report: down or degraded from `from` to `to` minutes around it. */
	outage?: { on: Role; status: 'down' | 'degraded'; from: number; to: number };
}

export interface MaintenancePlot {
	title: string;
	on: Role;
	when: When;
	minutes: number;
	/** Announced this many minutes before the start, or at that moment. */
	announced: number | When;
	/** The client's agreement, recorded this many minutes before the start. */
	approvedMinutesBefore?: number;
	/** The component down for part of the window (a reboot): minutes after the start. */
	down?: [number, number];
}

export interface CreditPlot {
	/** The missed month, counted back from the seed's month. */
	monthsAgo: 1 | 2 | 3;
	/** The availability credit (default) or the month's GTR penalties (001 §5.2). */
	basis?: 'gtr';
	when: When;
	by: 'contact' | 'admin';
	decision?: { when: When; decision: 'approved' | 'refused'; note: string };
}

/** The server down this long, and what was said. */
export interface Breakdown {
	minutes: number;
	nature: string;
	estimate: string;
	extra?: [number, IncidentStep][];
}

export interface ClientPlot {
	roles: Record<Role, string>;
	/** The worst outage of the month before last. */
	breakdown: Breakdown;
	/** Other outages the client remembers: the ones behind its other credit requests. */
	otherBreakdowns?: { when: When; breakdown: Breakdown }[];
	maintenance: MaintenancePlot[];
	credits: CreditPlot[];
}

export const PLOTS: Record<string, ClientPlot> = {
	// alteo: no availability credit before the contract year ends; the month's GTR penalties are
	// asked for instead (001 §5.2).
	acme: {
		roles: { server: 'web-1', app: 'extranet', aux: 'db-1' },
		breakdown: {
			minutes: 330,
			nature: 'Contrôleur disque du serveur défaillant.',
			estimate: 'Remplacement de la pièce, rétablissement en fin d’après-midi.'
		},
		otherBreakdowns: [
			{
				when: { monthsAgo: 1, workday: 12, time: '10:00' },
				breakdown: {
					minutes: 300,
					nature: 'Carte réseau du serveur hors service.',
					estimate: 'Carte de remplacement en route, retour en début d’après-midi.'
				}
			}
		],
		maintenance: [
			// 001 §5.5: eight calendar days' notice, in business hours.
			{
				title: 'Mise à jour du noyau',
				on: 'server',
				when: { monthsAgo: 2, workday: 17, time: '10:00' },
				minutes: 45,
				announced: 10 * DAY,
				down: [5, 17]
			},
			{
				title: 'Remplacement d’un commutateur',
				on: 'server',
				when: { monthsAgo: 1, workday: 16, time: '11:00' },
				minutes: 30,
				announced: 3 * DAY,
				down: [2, 20]
			},
			{
				title: 'Migration vers PostgreSQL 17',
				on: 'aux',
				when: { daysAhead: 12, time: '10:00' },
				minutes: 60,
				announced: { minutesAgo: HOUR }
			}
		],
		credits: [
			{
				monthsAgo: 2,
				basis: 'gtr',
				when: { monthsAgo: 1, workday: 2, time: '11:00' },
				by: 'contact',
				decision: {
					when: { monthsAgo: 1, workday: 5, time: '16:00' },
					decision: 'approved',
					note: 'Pénalité GTR déduite de la prochaine facture.'
				}
			},
			{ monthsAgo: 1, basis: 'gtr', when: { minutesAgo: 90 }, by: 'admin' }
		]
	},
	globex: {
		roles: { server: 'erp-1', app: 'erp', aux: 'vpn' },
		breakdown: {
			minutes: 95,
			nature: 'Alimentation du serveur défaillante.',
			estimate: 'Remplacement de l’alimentation, retour sous deux heures.'
		},
		otherBreakdowns: [
			{
				when: { monthsAgo: 3, workday: 18, time: '10:00' },
				breakdown: {
					minutes: 240,
					nature: 'Mise à jour du micrologiciel de la baie de stockage interrompue.',
					estimate: 'Reprise de la mise à jour par le constructeur, retour en début d’après-midi.'
				}
			}
		],
		maintenance: [
			// 48 business hours' notice, outside business hours.
			{
				title: 'Mise à jour de l’ERP',
				on: 'app',
				when: { monthsAgo: 2, workday: 17, time: '19:00' },
				minutes: 120,
				announced: 7 * DAY,
				down: [10, 40]
			},
			{
				title: 'Redémarrage d’urgence du VPN',
				on: 'aux',
				when: { monthsAgo: 1, workday: 16, time: '14:00' },
				minutes: 30,
				announced: HOUR,
				down: [2, 25]
			},
			{
				title: 'Montée de version de l’ERP',
				on: 'app',
				when: { daysAhead: 14, time: '19:00' },
				minutes: 180,
				announced: { minutesAgo: HOUR }
			}
		],
		credits: [
			{
				monthsAgo: 3,
				when: { monthsAgo: 2, workday: 2, time: '09:30' },
				by: 'contact',
				decision: {
					when: { monthsAgo: 2, workday: 3, time: '15:00' },
					decision: 'approved',
					note: 'Avoir émis sur la prochaine facture.'
				}
			},
			{ monthsAgo: 2, when: { monthsAgo: 1, workday: 2, time: '09:30' }, by: 'contact' }
		]
	},
	// softconcept: over an hour only with the client's written agreement (000 §1.4).
	initech: {
		roles: { server: 'srv-1', app: 'dossier-patient', aux: 'sauvegarde' },
		breakdown: {
			minutes: 42 * HOUR,
			nature: 'Carte RAID du serveur hors service, volume dégradé.',
			estimate: 'Pièce à commander, rétablissement demain en fin de journée.',
			extra: [
				[
					DAY + 5,
					{
						do: 'update',
						message:
							'Indisponible depuis plus d’un jour : serveur de secours en préparation (000 §1.6).'
					}
				]
			]
		},
		otherBreakdowns: [
			{
				when: { monthsAgo: 1, workday: 10, time: '09:15' },
				breakdown: {
					minutes: 300,
					nature: 'Alimentation secourue du serveur tombée en panne.',
					estimate: 'Onduleur remplacé dans la matinée, redémarrage contrôlé ensuite.'
				}
			}
		],
		maintenance: [
			{
				title: 'Mise à jour de sécurité',
				on: 'server',
				when: { monthsAgo: 2, workday: 17, time: '19:00' },
				minutes: 45,
				announced: 14 * DAY,
				down: [5, 20]
			},
			{
				title: 'Remplacement du serveur applicatif',
				on: 'app',
				when: { monthsAgo: 1, workday: 5, time: '20:00' },
				minutes: 150,
				announced: 10 * DAY,
				approvedMinutesBefore: 5 * DAY,
				down: [10, 70]
			},
			{
				title: 'Intervention disque',
				on: 'server',
				when: { monthsAgo: 1, workday: 16, time: '19:00' },
				minutes: 40,
				announced: 9 * HOUR,
				down: [2, 30]
			},
			{
				title: 'Migration du dossier patient',
				on: 'app',
				when: { daysAhead: 14, time: '20:00' },
				minutes: 180,
				announced: { minutesAgo: HOUR }
			}
		],
		credits: [
			{
				monthsAgo: 2,
				when: { monthsAgo: 1, workday: 3, time: '10:00' },
				by: 'admin',
				decision: {
					when: { monthsAgo: 1, workday: 6, time: '11:00' },
					decision: 'approved',
					note: 'Avoir au prorata des 42 h d’arrêt (000 §1.6).'
				}
			},
			{ monthsAgo: 1, when: { minutesAgo: 90 }, by: 'admin' }
		]
	}
};
