import { formatDateTime, formatMoney } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { RestoreRequest } from '../db/schema';

type Terms = Pick<
	RestoreRequest,
	'dueBy' | 'withinHours' | 'needsQuote' | 'stopsServer' | 'billable' | 'quoteAmountCents'
>;

/** The terms a request was filed under, in words, for its mails (the pages lay them out). */
export function termsText(row: Terms, locale: 'fr' | 'en'): string {
	const deadline =
		row.withinHours === null
			? m.restore_terms_no_deadline({}, { locale })
			: row.dueBy
				? m.restore_terms_due({ when: formatDateTime(row.dueBy, locale) }, { locale })
				: m.restore_terms_after_quote({ hours: row.withinHours }, { locale });
	return [
		deadline,
		row.stopsServer
			? m.restore_terms_stops_server({}, { locale })
			: m.restore_terms_server_runs({}, { locale }),
		row.needsQuote
			? m.restore_terms_quote({}, { locale })
			: row.billable
				? m.restore_terms_billed({}, { locale })
				: m.restore_terms_included({}, { locale }),
		row.quoteAmountCents !== null
			? m.restore_terms_quote_amount(
					{ amount: formatMoney(row.quoteAmountCents, locale) },
					{ locale }
				)
			: null
	]
		.filter(Boolean)
		.join('\n');
}
