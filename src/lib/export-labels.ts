import { m } from '$lib/paraglide/messages';

type ExportStatus = 'queued' | 'running' | 'ready' | 'failed' | 'expired';

const STATUS_LABELS: Record<ExportStatus, () => string> = {
	queued: m.export_status_queued,
	running: m.export_status_running,
	ready: m.export_status_ready,
	failed: m.export_status_failed,
	expired: m.export_status_expired
};

export const exportStatusLabel = (status: ExportStatus) => STATUS_LABELS[status]();
