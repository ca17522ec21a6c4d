import { describe, expect, it } from 'vitest';
import {
	isPublicNotice,
	publicFactsChanged,
	publicOnly,
	splitIncidents,
	splitMaintenance,
	type IncidentFacts
} from './public-notices-rules';

const NOW = new Date('2026-10-05T10:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

describe('isPublicNotice: public only when every component it touches is public', () => {
	it('needs at least one component, all public', () => {
		expect(isPublicNotice([true, true])).toBe(true);
		expect(isPublicNotice([true, false])).toBe(false);
		expect(isPublicNotice([false])).toBe(false);
		expect(isPublicNotice([])).toBe(false);
	});
});

describe('publicOnly', () => {
	it("groups rows by notice and drops one that touches a client's private component", () => {
		const rows = [
			{ id: 'a', componentName: 'Réseau', componentPublic: true, title: 'Coupure' },
			{ id: 'b', componentName: 'Réseau', componentPublic: true, title: 'Serveur Acme' },
			{ id: 'a', componentName: 'Portail', componentPublic: true, title: 'Coupure' },
			{ id: 'b', componentName: 'ERP Acme', componentPublic: false, title: 'Serveur Acme' }
		];
		expect(publicOnly(rows).map((n) => [n.title, n.components])).toEqual([
			['Coupure', ['Portail', 'Réseau']]
		]);
	});
});

describe('splitIncidents', () => {
	const incident = (over: Partial<IncidentFacts>) => ({
		title: 'Coupure',
		severity: 'critical' as const,
		status: 'open' as const,
		qualification: null,
		reportedAt: daysAgo(1),
		resolvedAt: null,
		components: ['Réseau'],
		...over
	});

	it('lists unresolved incidents as current, newest first', () => {
		const { current, past } = splitIncidents(
			[
				incident({ title: 'old', reportedAt: daysAgo(3) }),
				incident({ title: 'new', status: 'acknowledged', reportedAt: daysAgo(1) })
			],
			NOW
		);
		expect(current.map((i) => i.title)).toEqual(['new', 'old']);
		expect(current[0]).toEqual({
			title: 'new',
			severity: 'critical',
			status: 'acknowledged',
			start: daysAgo(1).toISOString(),
			end: null,
			components: ['Réseau']
		});
		expect(past).toEqual([]);
	});

	it('keeps the last 90 days of resolved incidents, last resolved first', () => {
		const { current, past } = splitIncidents(
			[
				incident({ title: 'a', status: 'closed', reportedAt: daysAgo(10), resolvedAt: daysAgo(9) }),
				incident({
					title: 'b',
					status: 'resolved',
					reportedAt: daysAgo(3),
					resolvedAt: daysAgo(2)
				}),
				incident({ title: 'c', status: 'closed', reportedAt: daysAgo(95), resolvedAt: daysAgo(91) })
			],
			NOW
		);
		expect(current).toEqual([]);
		expect(past.map((i) => [i.title, i.end])).toEqual([
			['b', daysAgo(2).toISOString()],
			['a', daysAgo(9).toISOString()]
		]);
	});

	it('leaves out questions and reports staff found not confirmed', () => {
		const { current } = splitIncidents(
			[
				incident({ severity: 'information_request' }),
				incident({ qualification: 'not_confirmed' }),
				incident({ title: 'kept', qualification: 'confirmed' })
			],
			NOW
		);
		expect(current.map((i) => i.title)).toEqual(['kept']);
	});
});

describe('splitMaintenance', () => {
	const hour = 3_600_000;
	const at = (h: number) => new Date(NOW.getTime() + h * hour);
	it('shows what is coming or under way soonest first, and the last 90 days of what ended', () => {
		const { upcoming, past } = splitMaintenance(
			[
				{ title: 'later', start: at(48), end: at(50), components: ['Réseau'] },
				{ title: 'now', start: at(-1), end: at(1), components: ['Réseau'] },
				{ title: 'done', start: at(-5), end: at(-4), components: ['Portail'] },
				{ title: 'ended at now', start: at(-1), end: NOW, components: ['Portail'] },
				{ title: 'too old', start: daysAgo(92), end: daysAgo(91), components: ['Portail'] }
			],
			NOW
		);
		expect(upcoming.map((w) => [w.title, w.state])).toEqual([
			['now', 'in_progress'],
			['later', 'scheduled']
		]);
		expect(past.map((w) => [w.title, w.state])).toEqual([
			['ended at now', 'completed'],
			['done', 'completed']
		]);
	});
});

describe('publicFactsChanged: the public page reloads only for what it shows', () => {
	const facts: IncidentFacts = {
		title: 'Coupure',
		severity: 'major',
		status: 'open',
		qualification: null,
		reportedAt: daysAgo(1),
		resolvedAt: null
	};
	it('sees state, severity, qualification and resolution, not the rest', () => {
		expect(publicFactsChanged(facts, { ...facts })).toBe(false);
		expect(publicFactsChanged(facts, { ...facts, status: 'acknowledged' })).toBe(true);
		expect(publicFactsChanged(facts, { ...facts, severity: 'critical' })).toBe(true);
		expect(publicFactsChanged(facts, { ...facts, qualification: 'not_confirmed' })).toBe(true);
		expect(publicFactsChanged(facts, { ...facts, resolvedAt: NOW })).toBe(true);
		expect(
			publicFactsChanged({ ...facts, resolvedAt: new Date(NOW) }, { ...facts, resolvedAt: NOW })
		).toBe(false);
	});
});
