/**
 * What the public status page may say of incidents and planned maintenance. Pure: no DB, no clock.
 *
 * Neither carries a public flag of its own, so one is public when every component it is attached
 * to is public (the shared infrastructure, published by staff). One that also touches a private
 * component, or none, stays private: its title may speak of a client.
 */
import type {
	IncidentQualification,
	IncidentSeverity,
	IncidentStatus
} from '../../domain/incidents';

export const HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;

/** Public when it touches at least one component and every one it touches is public. */
export function isPublicNotice(componentPublic: boolean[]): boolean {
	return componentPublic.length > 0 && componentPublic.every(Boolean);
}

export interface AffectedRow {
	id: string;
	componentName: string;
	componentPublic: boolean;
}

/**
 * One entry per notice whose components are all public, with their names sorted; first-seen order.
 * The page's views below pick their fields one by one, so nothing else of a row is ever shown.
 */
export function publicOnly<R extends AffectedRow>(rows: R[]): (R & { components: string[] })[] {
	const byId = new Map<string, { row: R; components: string[]; flags: boolean[] }>();
	for (const row of rows) {
		const entry = byId.get(row.id) ?? { row, components: [], flags: [] };
		entry.components.push(row.componentName);
		entry.flags.push(row.componentPublic);
		byId.set(row.id, entry);
	}
	return [...byId.values()]
		.filter((e) => isPublicNotice(e.flags))
		.map(({ row, components }) => ({
			...row,
			components: components.sort((a, b) => a.localeCompare(b))
		}));
}

export interface IncidentFacts {
	title: string;
	severity: IncidentSeverity;
	status: IncidentStatus;
	qualification: IncidentQualification | null;
	reportedAt: Date;
	resolvedAt: Date | null;
}

export interface PublicIncident {
	title: string;
	severity: IncidentSeverity;
	status: IncidentStatus;
	start: string;
	end: string | null;
	components: string[];
}

/**
 * Incidents under way (newest first) and those resolved in the last 90 days (last resolved first).
 * A question (information request) or a report staff found not confirmed was no incident.
 */
export function splitIncidents(
	list: (IncidentFacts & { components: string[] })[],
	now: Date
): { current: PublicIncident[]; past: PublicIncident[] } {
	const since = now.getTime() - HISTORY_DAYS * DAY_MS;
	const view = (i: IncidentFacts & { components: string[] }): PublicIncident => ({
		title: i.title,
		severity: i.severity,
		status: i.status,
		start: i.reportedAt.toISOString(),
		end: i.resolvedAt?.toISOString() ?? null,
		components: i.components
	});
	const incidents = list.filter(
		(i) => i.severity !== 'information_request' && i.qualification !== 'not_confirmed'
	);
	return {
		current: incidents
			.filter((i) => !i.resolvedAt)
			.sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime())
			.map(view),
		past: incidents
			.filter((i) => i.resolvedAt && i.resolvedAt.getTime() >= since)
			.sort((a, b) => b.resolvedAt!.getTime() - a.resolvedAt!.getTime())
			.map(view)
	};
}

export type MaintenanceState = 'scheduled' | 'in_progress' | 'completed';

export interface PublicMaintenance {
	title: string;
	start: string;
	end: string;
	state: MaintenanceState;
	components: string[];
}

/** Maintenance to come or under way (soonest first) and that ended in the last 90 days (latest first). */
export function splitMaintenance(
	list: { title: string; start: Date; end: Date; components: string[] }[],
	now: Date
): { upcoming: PublicMaintenance[]; past: PublicMaintenance[] } {
	const since = now.getTime() - HISTORY_DAYS * DAY_MS;
	const view = (w: (typeof list)[number]): PublicMaintenance => ({
		title: w.title,
		start: w.start.toISOString(),
		end: w.end.toISOString(),
		state: w.end <= now ? 'completed' : w.start <= now ? 'in_progress' : 'scheduled',
		components: w.components
	});
	return {
		upcoming: list
			.filter((w) => w.end > now)
			.sort((a, b) => a.start.getTime() - b.start.getTime())
			.map(view),
		past: list
			.filter((w) => w.end <= now && w.end.getTime() >= since)
			.sort((a, b) => b.end.getTime() - a.end.getTime())
			.map(view)
	};
}

/** Whether a workflow step changed what the public page shows of an incident. */
export function publicFactsChanged(before: IncidentFacts, after: IncidentFacts): boolean {
	return (
		before.status !== after.status ||
		before.severity !== after.severity ||
		before.qualification !== after.qualification ||
		before.resolvedAt?.getTime() !== after.resolvedAt?.getTime()
	);
}
