import type { SubmitFunction } from '@sveltejs/kit';

/** An enhanced form that keeps what was typed once answered: a refusal names fields, values stay. */
export const keepTyped: SubmitFunction =
	() =>
	({ update }) =>
		update({ reset: false });
