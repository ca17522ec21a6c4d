export type { RestoreDetail, RestoreSummary } from '$lib/server/restores/read';
export type { RestoreFormPoint, TermsPreview } from '$lib/server/restores/form-data';
export type RestoreTimelineEntry =
	import('$lib/server/restores/read').RestoreDetail['updates'][number];
