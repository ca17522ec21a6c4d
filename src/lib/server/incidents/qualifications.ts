import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { downtimeQualification, incidentComponent, type Incident } from '../db/schema';

/**
 * A confirmed incident with a cause other than the provider qualifies its components'
 * downtime over the report's period (report → resolution) for the SLA (004 art. 6: excusable
 * events). Rebuilt at every step so the qualification follows the report.
 */
export async function syncDowntimeQualifications(tx: Executor, current: Incident): Promise<void> {
	await tx.delete(downtimeQualification).where(eq(downtimeQualification.incidentId, current.id));
	if (
		current.qualification !== 'confirmed' ||
		!current.cause ||
		current.cause === 'provider' ||
		!current.resolvedAt
	)
		return;
	const components = await tx
		.select({ componentId: incidentComponent.componentId })
		.from(incidentComponent)
		.where(eq(incidentComponent.incidentId, current.id));
	if (components.length === 0) return;
	await tx.insert(downtimeQualification).values(
		components.map((c) => ({
			clientId: current.clientId,
			componentId: c.componentId,
			startAt: current.reportedAt,
			endAt: current.resolvedAt!,
			cause: current.cause!,
			note: current.number,
			incidentId: current.id
		}))
	);
}
