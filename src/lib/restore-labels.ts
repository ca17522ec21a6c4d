import { m } from '$lib/paraglide/messages';
import { labelFrom } from './labels';

export const restoreStatusLabel = labelFrom({
	filed: m.restore_status_filed,
	quoted: m.restore_status_quoted,
	quote_approved: m.restore_status_quote_approved,
	quote_refused: m.restore_status_quote_refused,
	accepted: m.restore_status_accepted,
	scheduled: m.restore_status_scheduled,
	in_progress: m.restore_status_in_progress,
	completed: m.restore_status_completed,
	failed: m.restore_status_failed,
	cancelled: m.restore_status_cancelled
});

export const restoreScopeLabel = labelFrom({
	server: m.restore_scope_server,
	database: m.restore_scope_database,
	folder: m.restore_scope_folder,
	file: m.restore_scope_file
});

export const restoreKindLabel = labelFrom({
	filed: m.restore_kind_filed,
	accept: m.restore_kind_accept,
	quote: m.restore_kind_quote,
	'approve-quote': m.restore_kind_approve_quote,
	'refuse-quote': m.restore_kind_refuse_quote,
	schedule: m.restore_kind_schedule,
	progress: m.restore_kind_progress,
	complete: m.restore_kind_complete,
	fail: m.restore_kind_fail,
	cancel: m.restore_kind_cancel
});

export const restorePointKindLabel = labelFrom({
	full: m.restore_point_kind_full,
	data_full: m.restore_point_kind_data_full,
	incremental: m.restore_point_kind_incremental
});

export const restoreTestResultLabel = labelFrom({
	succeeded: m.restore_test_result_succeeded,
	failed: m.restore_test_result_failed,
	partial: m.restore_test_result_partial
});

/** Billed, on a quote, or included: what the request costs the client (001 §4.5, 003 art. 5). */
export const restoreBillingLabel = (r: { billable: boolean; needsQuote: boolean }) =>
	r.needsQuote
		? m.restore_billing_quote()
		: r.billable
			? m.restore_billing_billed()
			: m.restore_billing_included();
