import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { RESTORE_SCOPES, RESTORE_STATUSES } from '../../domain/restores';
import { instantSchema, isoDateSchema, keySchema } from '../validation';

/** Plain text, line breaks kept; rendered as text, never as HTML. */
const text = (max: number) =>
	z
		.string()
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1).max(max))
		.meta({ description: `Plain text, 1 to ${max} characters once trimmed` });

/** Form checkboxes and JSON alike; anything but `true` is no confirmation. */
const confirmed = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.literal(true));

export const requestRestoreSchema = z.object({
	backupId: z.uuid().meta({ description: 'The restore point: a succeeded, restorable backup' }),
	scope: z.enum(RESTORE_SCOPES).meta({
		description:
			'server = the whole machine; database, folder or file = one of them (003 art. 5: a file is a simple restore)'
	}),
	target: z
		.string()
		.trim()
		.min(1)
		.max(1000)
		.refine((s) => !s.includes('\0'))
		.meta({ description: 'What to restore and where: a database name, a path, the server' }),
	confirmDataLoss: confirmed.meta({
		description: 'Must be true: data written after the restore point will be lost (001 §4.5)'
	}),
	note: z.string().trim().max(5000).optional()
});
export type RequestRestoreInput = z.infer<typeof requestRestoreSchema>;

/** A number from JSON or a form field; an empty field is no number (not 0). */
const whole = (min: number, max: number) =>
	z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(max));

export const quoteSchema = z.object({
	amountCents: whole(0, 100_000_000).meta({ description: 'The quote in euro cents' }),
	note: text(5000)
});
export const scheduleSchema = z.object({
	at: instantSchema.meta({ description: 'When the work starts (ISO 8601 with an offset)' }),
	message: z.string().trim().max(2000).optional()
});
export const progressSchema = z.object({
	percent: whole(0, 100),
	message: z.string().trim().max(2000).optional()
});
export const completeSchema = z.object({ verification: text(5000) });
export const failSchema = z.object({ reason: text(5000) });
export const decisionSchema = z.object({ comment: z.string().trim().max(2000).optional() });
export const acceptSchema = z.object({ message: z.string().trim().max(2000).optional() });

export const restoreFiltersSchema = z.object({
	status: z.enum(RESTORE_STATUSES).optional().catch(undefined),
	component: keySchema.optional().catch(undefined),
	from: isoDateSchema.optional().catch(undefined),
	to: isoDateSchema.optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type RestoreFilters = z.infer<typeof restoreFiltersSchema>;

export const fieldMessages = {
	backupId: () => m.restore_invalid_backup(),
	scope: () => m.restore_invalid_scope(),
	target: () => m.restore_invalid_target(),
	confirmDataLoss: () => m.restore_invalid_confirm(),
	note: () => m.restore_invalid_note(),
	amountCents: () => m.restore_invalid_amount(),
	at: () => m.restore_invalid_instant(),
	percent: () => m.restore_invalid_percent(),
	verification: () => m.restore_invalid_required(),
	reason: () => m.restore_invalid_required(),
	message: () => m.restore_invalid_note(),
	comment: () => m.restore_invalid_note()
};
