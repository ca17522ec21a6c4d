import { describe, expect, it } from 'vitest';
import { matchesPattern, webhookCreateSchema } from './input';

describe('webhook input', () => {
	it('takes event families from the list, each once', () => {
		const ok = webhookCreateSchema.safeParse({
			url: 'https://hooks.example.com/portal',
			events: ['maintenance.*', 'incident.*']
		});
		expect(ok.success).toBe(true);
		for (const events of [[], ['sla.*'], ['maintenance.created'], ['incident.*', 'incident.*']])
			expect(webhookCreateSchema.safeParse({ url: 'https://x.example', events }).success).toBe(
				false
			);
	});

	it('matches kinds by family', () => {
		expect(matchesPattern('maintenance.created', 'maintenance.*')).toBe(true);
		expect(matchesPattern('incident.updated', 'incident.*')).toBe(true);
		expect(matchesPattern('incidentx.updated', 'incident.*')).toBe(false);
		expect(matchesPattern('public.notices', 'maintenance.*')).toBe(false);
	});
});
