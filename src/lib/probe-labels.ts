import { m } from '$lib/paraglide/messages';

const STATUS_LABELS: Record<string, () => string> = {
	up: m.probe_status_up,
	degraded: m.probe_status_degraded,
	down: m.probe_status_down
};

export const probeStatusLabel = (status: string) => (STATUS_LABELS[status] ?? (() => status))();

/** Translates the stable codes the probe runner stores in `last_error` (`kind` or `kind:detail`). */
export function probeErrorLabel(error: string): string {
	const [kind, detail = ''] = error.split(':', 2);
	switch (kind) {
		case 'timeout':
			return m.probe_error_timeout();
		case 'status':
			return m.probe_error_status({ code: detail });
		case 'keyword':
			return m.probe_error_keyword();
		case 'network':
			if (detail === 'ECONNREFUSED') return m.probe_error_refused();
			if (detail === 'ENOTFOUND' || detail === 'EAI_AGAIN') return m.probe_error_dns();
			return detail ? m.probe_error_network({ code: detail }) : m.probe_error_unknown();
		default:
			return error;
	}
}
