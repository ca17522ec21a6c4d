/**
 * Plays the demo story (story.ts) through the domain services, in time order, each call on the
 * clock of the moment it tells: reports filed, worked and confirmed, maintenance announced,
 * credits asked and decided. Numbers, deadlines, audit rows, mails and SLA figures are therefore
 * the services' own. The outages behind the story come first, as monitoring history (storySpells).
 */
import type { RequestContext } from '../context';
import { dateIn } from '../calendar/dates';
import { fileIncident } from '../incidents/filing';
import {
	acknowledgeIncident,
	changeIncidentSeverity,
	confirmResolution,
	postIncidentUpdate,
	qualifyIncident,
	reopenIncident,
	resolveIncident
} from '../incidents/workflow';
import { createMaintenance } from '../maintenance/service';
import { decideCredit, requestCredit } from '../sla/credit-requests';
import type { FixedSpell } from './history-plan';
import { PLOTS, type ClientPlot, type IncidentStep, type Scenario } from './story';
import { scenarios } from './story-scenarios';
import { HISTORY_DAYS } from './history';
import { historyStartOf, instantOf, monthBefore, monthStartOf, plusMinutes } from './story-time';

export interface StoryClient {
	slug: string;
	timezone: string;
	/** Component names by key, for the titles. */
	names: Map<string, string>;
	members: { admin: RequestContext; contact: RequestContext };
}

export interface StoryStaff {
	admin: RequestContext;
	operator: RequestContext;
}

/** A staff member logs a phone call this long after it. */
const PHONE_LOGGED_AFTER_MINUTES = 10;

export const hasStory = (slug: string) => slug in PLOTS;

/**
 * The reports whose day is inside the monitoring history: seeded late in a month, the month three
 * months back has left the 90 day bars, and its outage (and the credit behind it) is not told.
 */
function toldScenarios(plot: ClientPlot, now: Date, timezone: string): Scenario[] {
	const start = historyStartOf(now, timezone, HISTORY_DAYS).getTime();
	return scenarios(plot).filter((s) => instantOf(s.when, now, timezone).getTime() >= start);
}

/** The timeline each component of `slug` owes the story, by component key. */
export function storySpells(slug: string, timezone: string, now: Date): Map<string, FixedSpell[]> {
	const plot = PLOTS[slug];
	const spells = new Map<string, FixedSpell[]>();
	if (!plot) return spells;
	const add = (key: string, spell: FixedSpell) =>
		spells.set(key, [...(spells.get(key) ?? []), spell]);
	for (const s of toldScenarios(plot, now, timezone)) {
		if (!s.outage) continue;
		const reportedAt = instantOf(s.when, now, timezone);
		add(plot.roles[s.outage.on], {
			status: s.outage.status,
			from: plusMinutes(reportedAt, s.outage.from),
			to: plusMinutes(reportedAt, s.outage.to)
		});
	}
	for (const m of plot.maintenance) {
		if (!m.down) continue;
		const start = instantOf(m.when, now, timezone);
		add(plot.roles[m.on], {
			status: 'down',
			from: plusMinutes(start, m.down[0]),
			to: plusMinutes(start, m.down[1])
		});
	}
	return spells;
}

interface Action {
	at: Date;
	run: () => Promise<unknown>;
	filing?: boolean;
}

function titled(text: string, plot: ClientPlot, names: Map<string, string>): string {
	return text.replace(/\{(server|app|aux)\}/g, (_, role: keyof ClientPlot['roles']) => {
		const key = plot.roles[role];
		return names.get(key) ?? key;
	});
}

function incidentActions(
	client: StoryClient,
	plot: ClientPlot,
	staff: StoryStaff,
	s: Scenario,
	now: Date
): Action[] {
	const { slug } = client;
	const reportedAt = instantOf(s.when, now, client.timezone);
	const reporter = s.by === 'admin' ? client.members.admin : client.members.contact;
	const filed = { number: '' };
	const input = {
		severity: s.severity,
		components: s.on.map((r) => plot.roles[r]),
		title: titled(s.title, plot, client.names),
		description: titled(s.description, plot, client.names)
	};
	const filing: Action =
		s.by === 'phone'
			? {
					at: plusMinutes(reportedAt, PHONE_LOGGED_AFTER_MINUTES),
					filing: true,
					run: async () => {
						const at = plusMinutes(reportedAt, PHONE_LOGGED_AFTER_MINUTES);
						const row = { ...input, reportedAt: reportedAt.toISOString() };
						filed.number = (await fileIncident(staff.operator, slug, row, at)).number;
					}
				}
			: {
					at: reportedAt,
					filing: true,
					run: async () => {
						filed.number = (await fileIncident(reporter, slug, input, reportedAt)).number;
					}
				};
	const step = (at: Date, st: IncidentStep) => {
		const ops = staff.operator;
		switch (st.do) {
			case 'acknowledge':
				return acknowledgeIncident(ops, slug, filed.number, st, at);
			case 'update':
				return postIncidentUpdate(ops, slug, filed.number, st, at);
			case 'severity':
				return changeIncidentSeverity(ops, slug, filed.number, st, at);
			case 'qualify':
				return qualifyIncident(ops, slug, filed.number, st, at);
			case 'resolve':
				return resolveIncident(ops, slug, filed.number, st, at);
			case 'confirm':
				return confirmResolution(reporter, slug, filed.number, at);
			case 'reopen':
				return reopenIncident(reporter, slug, filed.number, st, at);
		}
	};
	return [
		filing,
		...s.steps.map(([minutes, st]) => {
			const at = plusMinutes(reportedAt, minutes);
			return { at, run: () => step(at, st) };
		})
	];
}

function maintenanceActions(client: StoryClient, plot: ClientPlot, staff: StoryStaff, now: Date) {
	return plot.maintenance.map((m): Action => {
		const start = instantOf(m.when, now, client.timezone);
		const announcedAt =
			typeof m.announced === 'number'
				? plusMinutes(start, -m.announced)
				: instantOf(m.announced, now, client.timezone);
		const approvedAt =
			m.approvedMinutesBefore === undefined ? null : plusMinutes(start, -m.approvedMinutesBefore);
		// A notice is recorded when given, or once the client's agreement came back.
		const at = approvedAt ?? announcedAt;
		return {
			at,
			run: () =>
				createMaintenance(
					staff.operator,
					client.slug,
					{
						components: [plot.roles[m.on]],
						start: start.toISOString(),
						end: plusMinutes(start, m.minutes).toISOString(),
						title: m.title,
						announcedAt: announcedAt.toISOString(),
						...(approvedAt ? { approvedAt: approvedAt.toISOString() } : {})
					},
					at
				)
		};
	});
}

function creditActions(
	client: StoryClient,
	plot: ClientPlot,
	staff: StoryStaff,
	told: Scenario[],
	now: Date
) {
	const monthsTold = new Set(
		told
			.filter((s) => s.outage)
			.map((s) => dateIn(client.timezone, instantOf(s.when, now, client.timezone)).slice(0, 7))
	);
	return plot.credits.flatMap((c): Action[] => {
		const month = monthBefore(dateIn(client.timezone, now).slice(0, 7), c.monthsAgo);
		if (!monthsTold.has(month)) return [];
		// A request is asked once its month is over, even when the seed runs early on the 1st.
		const requestedAt = new Date(
			Math.max(
				instantOf(c.when, now, client.timezone).getTime(),
				monthStartOf(monthBefore(month, -1), client.timezone).getTime()
			)
		);
		const request = { id: '' };
		const actions: Action[] = [
			{
				at: requestedAt,
				run: async () => {
					const by = client.members[c.by];
					request.id = (
						await requestCredit(by, client.slug, month, requestedAt, c.basis ?? 'availability')
					).id;
				}
			}
		];
		const decision = c.decision;
		if (decision) {
			const at = instantOf(decision.when, now, client.timezone);
			actions.push({
				at,
				run: () =>
					decideCredit(
						staff.admin,
						client.slug,
						request.id,
						{ decision: decision.decision, note: decision.note },
						at
					)
			});
		}
		return actions;
	});
}

const byTime = (a: Action, b: Action) => a.at.getTime() - b.at.getTime();

/**
 * Makes the reports' filings take their turn across clients, oldest first, so report numbers
 * (one yearly sequence for every client) follow the order the reports came in.
 */
function inFilingOrder(filings: Action[]): void {
	let previous: Promise<void> = Promise.resolve();
	for (const filing of [...filings].sort(byTime)) {
		const turn = previous;
		const run = filing.run;
		let release = () => {};
		previous = new Promise((resolve) => (release = resolve));
		filing.run = async () => {
			await turn;
			try {
				return await run();
			} finally {
				release();
			}
		};
	}
}

/**
 * Everything the clients' stories did: each client's story in time order, the clients side by
 * side (their stories meet only in the report numbers). What would still lie ahead of `now` is
 * not played.
 */
export async function replayStory(staff: StoryStaff, clients: StoryClient[], now: Date) {
	const stories = clients.flatMap((client) => {
		const plot = PLOTS[client.slug];
		if (!plot) return [];
		const told = toldScenarios(plot, now, client.timezone);
		const actions = [
			...told.flatMap((s) => incidentActions(client, plot, staff, s, now)),
			...maintenanceActions(client, plot, staff, now),
			...creditActions(client, plot, staff, told, now)
		];
		return [actions.filter((a) => a.at.getTime() <= now.getTime()).sort(byTime)];
	});
	inFilingOrder(stories.flat().filter((a) => a.filing));
	await Promise.all(
		stories.map(async (actions) => {
			for (const action of actions) await action.run();
		})
	);
}
