import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import { actorUserId, type RequestContext } from '../context';
import { getDb } from '../db';
import { user } from '../db/schema';
import { notFound, unauthenticated } from '../errors';
import { flagSchema, parseInput } from '../validation';
import { z } from 'zod';

const preferencesSchema = z.object({ muteIncidentMail: flagSchema.default(false) });

function signedInUser(ctx: RequestContext): string {
	if (ctx.actor.kind === 'anonymous') throw unauthenticated();
	const id = actorUserId(ctx);
	if (!id) throw notFound();
	return id;
}

export async function getPreferences(ctx: RequestContext) {
	const id = signedInUser(ctx);
	const [row] = await getDb()
		.select({ email: user.email, name: user.name, muteIncidentMail: user.muteIncidentMail })
		.from(user)
		.where(eq(user.id, id));
	if (!row) throw notFound();
	return row;
}

/** Incident e-mails can be muted; critical reports are mailed regardless. */
export async function updatePreferences(ctx: RequestContext, input: unknown) {
	const id = signedInUser(ctx);
	const data = parseInput(preferencesSchema, input);
	await getDb().transaction(async (tx) => {
		const [before] = await tx
			.select({ muteIncidentMail: user.muteIncidentMail })
			.from(user)
			.where(eq(user.id, id));
		await tx.update(user).set({ muteIncidentMail: data.muteIncidentMail }).where(eq(user.id, id));
		await recordAudit(tx, ctx, {
			action: 'user.preferences',
			targetType: 'user',
			targetId: id,
			before,
			after: data
		});
	});
}
