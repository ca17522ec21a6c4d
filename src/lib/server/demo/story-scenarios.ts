/** The incident reports every demo client filed, told on the client's own components (story.ts). */
import { DAY, HOUR, type When } from './story-time';
import type { Breakdown, ClientPlot, Scenario } from './story';

function breakdownScenario(
	b: Breakdown,
	when: When = { monthsAgo: 2, workday: 9, time: '11:30' }
): Scenario {
	return {
		when,
		severity: 'critical',
		on: ['server', 'app'],
		title: '{server} hors service',
		description: 'Le serveur ne répond plus du tout : ni l’application ni les accès distants.',
		by: 'contact',
		outage: { on: 'server', status: 'down', from: -10, to: b.minutes },
		steps: [
			[20, { do: 'acknowledge', nature: b.nature, estimatedResolution: b.estimate }],
			[
				90,
				{ do: 'update', message: 'Pièce commandée chez le constructeur, livraison par coursier.' }
			],
			...(b.extra ?? []),
			[b.minutes - 30, { do: 'update', message: 'Pièce remplacée, reconstruction du volume.' }],
			[
				b.minutes,
				{ do: 'resolve', summary: 'Contrôleur remplacé, volume reconstruit, service rétabli.' }
			],
			[b.minutes + DAY + 60, { do: 'confirm' }]
		]
	};
}

/** Twelve reports and one more: every state, every severity, breached deadlines, excused causes. */
export function scenarios(plot: ClientPlot): Scenario[] {
	return [
		{
			when: { monthsAgo: 2, workday: 3, time: '10:20' },
			severity: 'critical',
			on: ['app'],
			title: '{app} inaccessible',
			description:
				'Plus aucun utilisateur ne peut se connecter depuis 10 h 10 : « service indisponible ».',
			by: 'contact',
			outage: { on: 'app', status: 'down', from: -8, to: 55 },
			steps: [
				[
					15,
					{
						do: 'acknowledge',
						nature: 'Processus applicatif bloqué après la rotation des journaux.',
						estimatedResolution: 'Rétablissement d’ici une heure.'
					}
				],
				[
					35,
					{ do: 'update', message: 'Redémarrage du service en cours ; premiers contrôles bons.' }
				],
				[
					55,
					{
						do: 'resolve',
						summary: 'Service redémarré ; la rotation des journaux ne le bloque plus.'
					}
				],
				[DAY + 60, { do: 'confirm' }]
			]
		},
		{
			when: { monthsAgo: 2, workday: 6, time: '14:05' },
			severity: 'minor',
			on: ['server'],
			title: 'Lenteurs sur {server}',
			description:
				'Les pages mettent plus de vingt secondes à s’afficher depuis le début de l’après-midi.',
			by: 'contact',
			outage: { on: 'server', status: 'degraded', from: -30, to: 260 },
			steps: [
				[
					50,
					{
						do: 'acknowledge',
						nature: 'Charge disque anormale sur le serveur.',
						estimatedResolution: 'Analyse en cours, retour sous deux heures.'
					}
				],
				[
					70,
					{
						do: 'severity',
						severity: 'major',
						reason: 'Ralentissement généralisé : tous les utilisateurs sont touchés.'
					}
				],
				[
					120,
					{
						do: 'update',
						message: 'Sauvegarde lancée hors fenêtre : elle sature les entrées-sorties.',
						internal: true
					}
				],
				[
					260,
					{
						do: 'resolve',
						summary: 'Sauvegarde replanifiée la nuit ; temps de réponse revenus à la normale.'
					}
				],
				[2 * DAY, { do: 'confirm' }]
			]
		},
		breakdownScenario(plot.breakdown),
		...(plot.otherBreakdowns ?? []).map((o) => breakdownScenario(o.breakdown, o.when)),
		{
			when: { monthsAgo: 2, workday: 12, time: '09:45' },
			severity: 'information_request',
			on: [],
			title: 'Question : fenêtre des sauvegardes',
			description:
				'À quelle heure commencent les sauvegardes de nuit, et combien de temps sont-elles gardées ?',
			by: 'admin',
			steps: [
				[
					2 * HOUR,
					{
						do: 'acknowledge',
						nature: 'Question sur la politique de sauvegarde.',
						estimatedResolution: 'Réponse dans la journée.'
					}
				],
				[
					5 * HOUR,
					{
						do: 'resolve',
						summary:
							'Sauvegardes à partir de 22 h, conservées selon votre contrat : le détail est sur la page Contrat.'
					}
				],
				[DAY + 60, { do: 'confirm' }]
			]
		},
		{
			when: { monthsAgo: 2, workday: 15, time: '16:10' },
			severity: 'major',
			on: ['aux'],
			title: '{aux} en échec',
			description: '{aux} ne répond plus depuis 16 h.',
			by: 'contact',
			outage: { on: 'aux', status: 'down', from: -5, to: 150 },
			steps: [
				[
					25,
					{
						do: 'acknowledge',
						nature: 'Flux bloqués entre nos serveurs et le service.',
						estimatedResolution: 'Diagnostic en cours, retour sous une heure.'
					}
				],
				[
					100,
					{
						do: 'qualify',
						qualification: 'confirmed',
						cause: 'client',
						note: 'Règle de pare-feu modifiée côté client le jour même.'
					}
				],
				[
					150,
					{
						do: 'resolve',
						summary: 'Règle de pare-feu rétablie par l’équipe réseau du client ; service revenu.'
					}
				],
				[DAY + 2 * HOUR, { do: 'confirm' }]
			]
		},
		{
			when: { monthsAgo: 1, workday: 2, time: '10:00' },
			severity: 'minor',
			on: ['app'],
			title: 'Export CSV en erreur',
			description:
				'L’export des commandes au format CSV échoue avec une erreur 500 depuis ce matin.',
			by: 'contact',
			steps: [
				[
					3 * HOUR,
					{
						do: 'acknowledge',
						nature: 'Requête trop longue sur les gros volumes.',
						estimatedResolution: 'Correctif sous deux jours.'
					}
				],
				[
					DAY + HOUR,
					{ do: 'update', message: 'Correctif en recette, mise en production demain matin.' }
				],
				[
					DAY + 3 * HOUR,
					{ do: 'resolve', summary: 'Correctif déployé : l’export se fait par lots.' }
				],
				[3 * DAY, { do: 'confirm' }]
			]
		},
		{
			when: { monthsAgo: 1, workday: 5, time: '15:20' },
			severity: 'major',
			on: ['app'],
			title: 'Coupures répétées sur {app}',
			description: 'Plusieurs collaborateurs sont déconnectés toutes les dix minutes.',
			by: 'contact',
			steps: [
				[
					40,
					{
						do: 'acknowledge',
						nature: 'Coupures signalées, aucune alerte de supervision.',
						estimatedResolution: 'Analyse sous deux heures.'
					}
				],
				[
					3 * HOUR,
					{
						do: 'qualify',
						qualification: 'not_confirmed',
						cause: 'client',
						note: 'Aucune coupure mesurée : déconnexions dues au Wi-Fi du site client.'
					}
				],
				[
					3 * HOUR + 20,
					{
						do: 'resolve',
						summary:
							'Rien à corriger côté hébergement ; recommandations transmises pour le Wi-Fi du site.'
					}
				],
				[DAY, { do: 'confirm' }]
			]
		},
		{
			when: { monthsAgo: 1, workday: 8, time: '08:50' },
			severity: 'critical',
			on: ['app'],
			title: '{app} ne répond plus',
			description: 'Écran blanc à l’ouverture depuis 8 h 45.',
			by: 'contact',
			outage: { on: 'app', status: 'down', from: -3, to: 110 },
			steps: [
				[
					85,
					{
						do: 'acknowledge',
						nature: 'Base saturée en connexions après un déploiement.',
						estimatedResolution: 'Rétablissement sous une heure.'
					}
				],
				[
					90,
					{
						do: 'update',
						message: 'Prise en compte tardive : l’astreinte a été prévenue en retard.',
						internal: true
					}
				],
				[
					110,
					{
						do: 'resolve',
						summary: 'Pool de connexions relevé, déploiement corrigé ; service rétabli.'
					}
				],
				[DAY + 2 * HOUR, { do: 'confirm' }]
			]
		},
		{
			when: { monthsAgo: 1, workday: 11, time: '13:40' },
			severity: 'minor',
			on: ['server'],
			title: 'Erreurs intermittentes à l’enregistrement',
			description: 'Une fois sur cinq, l’enregistrement d’une fiche échoue : délai dépassé.',
			by: 'contact',
			outage: { on: 'server', status: 'degraded', from: -10, to: 200 },
			steps: [
				[
					HOUR,
					{
						do: 'acknowledge',
						nature: 'Délais d’attente du proxy trop courts.',
						estimatedResolution: 'Correctif dans l’après-midi.'
					}
				],
				[200, { do: 'resolve', summary: 'Délai d’attente du proxy relevé.' }],
				[21 * HOUR, { do: 'reopen', reason: 'Les erreurs sont revenues ce matin, moins souvent.' }],
				[
					21 * HOUR + 30,
					{ do: 'update', message: 'Nouvelle analyse : un nœud du cluster répond lentement.' }
				],
				[
					26 * HOUR,
					{
						do: 'resolve',
						summary: 'Nœud défaillant retiré du cluster ; plus aucune erreur depuis.'
					}
				],
				[2 * DAY + 2 * HOUR, { do: 'confirm' }]
			]
		},
		{
			when: { monthsAgo: 1, workday: 14, time: '11:00' },
			severity: 'minor',
			on: ['app'],
			title: 'Avertissement de certificat',
			description:
				'Appel de l’accueil : le navigateur signale un certificat qui expire dans cinq jours.',
			by: 'phone',
			steps: [
				[
					HOUR,
					{
						do: 'acknowledge',
						nature: 'Renouvellement automatique du certificat en échec.',
						estimatedResolution: 'Renouvellement dans la journée.'
					}
				],
				[
					5 * HOUR,
					{
						do: 'resolve',
						summary: 'Certificat renouvelé et déployé ; renouvellement automatique réparé.'
					}
				],
				[DAY + HOUR, { do: 'confirm' }]
			]
		},
		{
			when: { daysAgo: 3, time: '10:30' },
			severity: 'minor',
			on: ['app'],
			title: 'Lien de réinitialisation expiré',
			description: 'Le lien reçu pour changer de mot de passe est déjà expiré à l’ouverture.',
			by: 'contact',
			steps: [
				[
					2 * HOUR,
					{
						do: 'acknowledge',
						nature: 'Horloge du serveur de messagerie décalée.',
						estimatedResolution: 'Correction demain.'
					}
				],
				[
					DAY,
					{ do: 'resolve', summary: 'Horloge resynchronisée ; les liens sont valables une heure.' }
				]
			]
		},
		{
			when: { daysAgo: 2, time: '09:30' },
			severity: 'major',
			on: ['server'],
			title: 'Traitements de nuit en échec sur {server}',
			description: 'Les traitements planifiés n’ont pas abouti deux nuits de suite.',
			by: 'contact',
			steps: [
				[
					45,
					{
						do: 'acknowledge',
						nature: 'Espace disque insuffisant sur le volume des traitements.',
						estimatedResolution: 'Extension du volume, retour demain.'
					}
				],
				[
					200,
					{
						do: 'update',
						message: 'Extension commandée ; traitements relancés à la main en attendant.'
					}
				]
			]
		},
		{
			when: { minutesAgo: 50 },
			severity: 'information_request',
			on: [],
			title: 'Question : accès pour une nouvelle collaboratrice',
			description: 'Comment donner accès au portail à une nouvelle collègue de la comptabilité ?',
			by: 'contact',
			steps: []
		}
	];
}

/** Per client: its components' parts, its worst outage, its maintenance and its credit requests. */
