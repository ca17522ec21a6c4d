import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import type { RestoreScope } from '../../domain/restores';
import {
	restoreClockStart,
	restoreDeadlineState,
	restoreDueBy,
	restoreNumber,
	restorePolicy,
	restoreTerms,
	type RestorePoint
} from './rules';

const incremental = (rank: number): RestorePoint => ({
	kind: 'incremental',
	incrementalRank: rank
});
const full: RestorePoint = { kind: 'full', incrementalRank: null };
const dataFull: RestorePoint = { kind: 'data_full', incrementalRank: null };
const policyOf = (preset: keyof typeof PRESETS) => restorePolicy(PRESETS[preset]);
const terms = (preset: keyof typeof PRESETS, point: RestorePoint, scope: RestoreScope) =>
	restoreTerms(policyOf(preset), point, scope);
/** Paris wall-clock time → instant (winter +01:00 unless `summer`). */
const paris = (local: string, summer = false) =>
	new Date(`${local}:00${summer ? '+02:00' : '+01:00'}`);

describe('softconcept (000 §1.8): 24 h for one of the last five incrementals, 72 h for a full restore', () => {
	it('gives 24 h, with the server stopped, for the newest to the fifth incremental', () => {
		for (const rank of [1, 5])
			expect(terms('softconcept', incremental(rank), 'folder')).toEqual({
				basis: 'incremental',
				withinHours: 24,
				stopsServer: true,
				billable: false,
				needsQuote: false
			});
	});

	it('has no contractual deadline for an older incremental than the last five', () => {
		expect(terms('softconcept', incremental(6), 'file')).toMatchObject({
			basis: null,
			withinHours: null
		});
	});

	it('gives 72 h for a full backup, and for a whole server whatever the point', () => {
		for (const [point, scope] of [
			[full, 'database'],
			[dataFull, 'folder'],
			[incremental(1), 'server']
		] as const)
			expect(terms('softconcept', point, scope)).toMatchObject({ basis: 'full', withinHours: 72 });
	});

	it('counts on the calendar clock from the request, across the DST change', () => {
		const policy = policyOf('softconcept');
		const at = paris('2026-10-24T10:00', true);
		const start = restoreClockStart({ needsQuote: false }, at, null);
		expect(restoreDueBy(policy, 24, start)).toEqual(paris('2026-10-25T09:00'));
		expect(restoreDueBy(policy, 72, start)).toEqual(paris('2026-10-27T09:00'));
	});
});

describe('alteo (001 §4.5): no deadline, billed by difficulty', () => {
	it('bills and quotes a heavy restore, not a single file', () => {
		expect(terms('alteo', dataFull, 'database')).toEqual({
			basis: null,
			withinHours: null,
			stopsServer: false,
			billable: true,
			needsQuote: true
		});
		expect(terms('alteo', dataFull, 'file')).toMatchObject({ billable: false, needsQuote: false });
	});
});

describe('axantis (004 §3.5) and defi (002 art. 7): silent on deadlines, not billed', () => {
	for (const preset of ['axantis', 'defi'] as const)
		it(preset, () => {
			for (const scope of ['server', 'database', 'folder', 'file'] as const)
				expect(terms(preset, full, scope)).toMatchObject({
					basis: null,
					withinHours: null,
					billable: false,
					needsQuote: false
				});
		});
});

describe('dobaas (003 art. 5): every restore billed, heavy ones on a quote', () => {
	it('bills a single file without a quote', () => {
		expect(terms('dobaas', incremental(1), 'file')).toEqual({
			basis: null,
			withinHours: null,
			stopsServer: false,
			billable: true,
			needsQuote: false
		});
	});

	it('quotes folders, databases and servers', () => {
		for (const scope of ['folder', 'database', 'server'] as const)
			expect(terms('dobaas', incremental(1), scope), scope).toMatchObject({
				billable: true,
				needsQuote: true
			});
	});

	it('stops the server for a whole-server restore even where the contract is silent', () => {
		expect(terms('dobaas', full, 'server').stopsServer).toBe(true);
		expect(terms('dobaas', full, 'database').stopsServer).toBe(false);
	});
});

describe('the clock with a quote, and on business hours', () => {
	const policy = { ...policyOf('softconcept'), quoteRequired: 'heavy' as const };

	it('starts at the quote’s approval when a quote is needed, and not before', () => {
		const requestedAt = paris('2026-11-16T10:00');
		expect(restoreClockStart({ needsQuote: true }, requestedAt, null)).toBeNull();
		const approved = paris('2026-11-18T15:00');
		const start = restoreClockStart({ needsQuote: true }, requestedAt, approved);
		expect(restoreDueBy(policy, 24, start)).toEqual(paris('2026-11-19T15:00'));
	});

	it('runs in support hours on the business clock (a Friday evening request waits for Monday)', () => {
		const business = { ...policyOf('defi'), clock: 'business' as const };
		// 002 art. 4.3: Mon–Thu 8:30–12:00, 13:30–17:00; Fri until 16:00.
		expect(restoreDueBy(business, 2, paris('2026-11-20T18:00'))).toEqual(paris('2026-11-23T10:30'));
	});

	it('has none where the contract is silent', () => {
		expect(restoreDueBy(policy, null, paris('2026-11-16T10:00'))).toBeNull();
	});
});

describe('restore deadline states', () => {
	const policy = policyOf('softconcept');
	const state = (
		status: Parameters<typeof restoreDeadlineState>[0]['status'],
		now: string,
		completedAt: string | null = null
	) =>
		restoreDeadlineState({
			policy,
			status,
			clockStart: new Date('2026-11-16T10:00:00Z'),
			dueBy: new Date('2026-11-17T10:00:00Z'),
			completedAt: completedAt ? new Date(completedAt) : null,
			now: new Date(now)
		});

	it('is on track, then at risk at 75 % of the time, then breached', () => {
		expect(state('accepted', '2026-11-16T20:00:00Z')).toBe('on_track');
		expect(state('in_progress', '2026-11-17T04:00:00Z')).toBe('at_risk');
		expect(state('in_progress', '2026-11-17T10:00:01Z')).toBe('breached');
	});

	it('is met or breached once completed, breached once failed, gone once cancelled', () => {
		expect(state('completed', '2026-11-20T00:00:00Z', '2026-11-17T09:00:00Z')).toBe('met');
		expect(state('completed', '2026-11-20T00:00:00Z', '2026-11-17T11:00:00Z')).toBe('breached');
		expect(state('failed', '2026-11-16T12:00:00Z')).toBe('breached');
		expect(state('cancelled', '2026-11-16T12:00:00Z')).toBeNull();
		expect(state('quote_refused', '2026-11-16T12:00:00Z')).toBeNull();
	});
});

describe('restore number', () => {
	it('is RST-<year>-<5 digits>', () => {
		expect(restoreNumber(2026, 42)).toBe('RST-2026-00042');
	});
});
