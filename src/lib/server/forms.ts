import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { invalid } from './errors';
import { actionFailure } from './http';
import { formGuardIssues, guardMessages } from './input-guard';

export type FormEvent = RequestEvent<Partial<Record<string, string>>>;

/** What a step answers: its success message, or the fields the page shows after it. */
type Outcome = string | Record<string, unknown>;
type Answer<O extends Outcome> = [O] extends [never]
	? never
	: { form: string } & (O extends string ? { success: O } : O);
type Step<E, O extends Outcome> = (data: FormData, event: E) => Promise<O>;

/**
 * The one form-action adapter: read the posted form, call the service, and map a domain error
 * to `fail()` with what the user typed (passwords excepted) so the form refills. Every answer
 * names its form (a hidden `form` field, or the action's name) so the page shows it beside
 * the right form; anything unexpected (a redirect included) goes through untouched.
 */
export function formAction<E extends FormEvent, O extends Outcome, X extends object = object>(
	name: string,
	run: Step<E, O>,
	keep?: (data: FormData) => X
) {
	return async (event: E) => {
		const data = await event.request.formData();
		const form = String(data.get('form') ?? '') || name;
		try {
			const unsafe = formGuardIssues(data);
			if (Object.keys(unsafe).length > 0)
				throw invalid(
					m.form_has_errors(),
					guardMessages(unsafe, () => m.validation_nul())
				);
			const outcome = await run(data, event);
			const fields: Record<string, unknown> =
				typeof outcome === 'string' ? { success: outcome } : outcome;
			return { form, ...fields } as Answer<O>;
		} catch (err) {
			const failure = actionFailure(err, data);
			return fail(failure.status, { ...failure.data, form, ...(keep?.(data) as X) });
		}
	};
}

/** Several named actions of one page, each through `formAction`. */
export function formActions<
	E extends FormEvent,
	S extends Record<string, Step<E, Outcome>>,
	X extends object = object
>(steps: S, keep?: (data: FormData) => X) {
	return Object.fromEntries(
		Object.entries(steps).map(([name, run]) => [name, formAction(name, run, keep)])
	) as {
		[K in keyof S]: ReturnType<typeof formAction<E, Awaited<ReturnType<S[K]>>, X>>;
	};
}
