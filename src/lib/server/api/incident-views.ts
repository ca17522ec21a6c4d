import type { Incident } from '../db/schema';
import type { IncidentDetail } from '../incidents/read';

/** What the API answers after a write: the report's number, state and deadlines. */
export const incidentWriteView = (i: Incident) => ({
	number: i.number,
	severity: i.severity,
	status: i.status,
	title: i.title,
	reportedAt: i.reportedAt.toISOString(),
	acknowledgeBy: i.acknowledgeBy.toISOString(),
	resolveBy: i.resolveBy.toISOString(),
	acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
	resolvedAt: i.resolvedAt?.toISOString() ?? null
});

/** The detail without internal ids. */
export const incidentDetailView = ({ updates, ...detail }: IncidentDetail) => ({
	...detail,
	updates: updates.map(({ id: _id, ...u }) => u)
});
