import { RESTORE_SCOPES, type RestoreScope } from '../../domain/restores';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import { authorize } from '../policy';
import { restoreRules } from './context';
import { restorablePoints } from './points';
import { restoreClockStart, restoreDueBy, restoreTerms, type RestoreTerms } from './rules';

export interface TermsPreview extends RestoreTerms {
	/** The deadline if sent now; null without one, or until a needed quote is approved. */
	dueBy: string | null;
}

/**
 * What the request form shows before sending (001 §4.5, 003 art. 5): the restorable points,
 * newest first, and for each point and scope the deadline, server stop, billing and quote.
 */
export async function restoreRequestForm(ctx: RequestContext, slug: string, now = new Date()) {
	authorize(ctx, 'restore.read');
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const { settings, policy } = await restoreRules(db, owner.id);
	const points = await restorablePoints(db, owner, settings, now);
	return points.map((p) => ({
		id: p.id,
		componentKey: p.componentKey,
		componentName: p.componentName,
		kind: p.kind,
		scope: p.scope,
		startedAt: p.startedAt.toISOString(),
		sizeBytes: p.sizeBytes,
		terms: Object.fromEntries(
			RESTORE_SCOPES.map((scope) => {
				const terms = restoreTerms(policy, p.point, scope);
				const due = restoreDueBy(policy, terms.withinHours, restoreClockStart(terms, now, null));
				return [scope, { ...terms, dueBy: due?.toISOString() ?? null }];
			})
		) as Record<RestoreScope, TermsPreview>
	}));
}
export type RestoreFormPoint = Awaited<ReturnType<typeof restoreRequestForm>>[number];
