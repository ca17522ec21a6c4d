import { describe, expect, it } from 'vitest';
import {
	restoreClockStart,
	restoreDeadlineState,
	restoreDueBy,
	restoreNumber,
	restoreTerms,
	type RestorePolicy
} from './rules';

/** 000 §1.8 as a policy: 24 h for one of the five last incrementals, 72 h for a full restore. */
const softconcept: RestorePolicy = {
	incrementalWithinHours: 24,
	incrementalsCovered: 5,
	fullWithinHours: 72,
	stopsServer: true,
	billable: false,
	quoteScopes: [],
	atRiskPercent: 75
};
/** 003 art. 5: billed, heavy restores on a quote, no deadline. */
const billedOnQuote: RestorePolicy = {
	incrementalWithinHours: null,
	incrementalsCovered: 5,
	fullWithinHours: null,
	stopsServer: false,
	billable: true,
	quoteScopes: ['folder', 'database', 'server'],
	atRiskPercent: 75
};

const incremental = (rank: number) => ({ kind: 'incremental' as const, incrementalRank: rank });
const full = { kind: 'full' as const, incrementalRank: null };

describe('restore terms (000 §1.8, 001 §4.5, 003 art. 5)', () => {
	it('gives 24 h for one of the five last incrementals, with the server stopped (000 §1.8)', () => {
		for (const rank of [1, 5])
			expect(restoreTerms(softconcept, incremental(rank), 'folder')).toEqual({
				basis: 'incremental',
				withinHours: 24,
				stopsServer: true,
				billable: false,
				needsQuote: false
			});
	});

	it('has no contractual deadline for an older incremental than the five last', () => {
		expect(restoreTerms(softconcept, incremental(6), 'file')).toMatchObject({
			basis: null,
			withinHours: null
		});
	});

	it('gives 72 h for a full backup, and for a whole server whatever the point (000 §1.8)', () => {
		expect(restoreTerms(softconcept, full, 'database')).toMatchObject({
			basis: 'full',
			withinHours: 72
		});
		expect(
			restoreTerms(softconcept, { kind: 'data_full', incrementalRank: null }, 'folder')
		).toMatchObject({ basis: 'full', withinHours: 72 });
		expect(restoreTerms(softconcept, incremental(1), 'server')).toMatchObject({
			basis: 'full',
			withinHours: 72
		});
	});

	it('bills every restore but quotes only the heavy ones (003 art. 5)', () => {
		expect(restoreTerms(billedOnQuote, incremental(1), 'file')).toEqual({
			basis: null,
			withinHours: null,
			stopsServer: false,
			billable: true,
			needsQuote: false
		});
		for (const scope of ['folder', 'database', 'server'] as const)
			expect(restoreTerms(billedOnQuote, incremental(1), scope).needsQuote, scope).toBe(true);
	});

	it('stops the server for a whole-server restore even where the contract is silent', () => {
		expect(restoreTerms(billedOnQuote, full, 'server').stopsServer).toBe(true);
		expect(restoreTerms(billedOnQuote, full, 'database').stopsServer).toBe(false);
	});
});

describe('restore deadline (calendar clock)', () => {
	const requestedAt = new Date('2026-10-24T10:00:00+02:00');

	it('runs from the request, across the DST change on the calendar clock', () => {
		const start = restoreClockStart({ needsQuote: false }, requestedAt, null);
		expect(restoreDueBy(24, start)).toEqual(new Date('2026-10-25T09:00:00+01:00'));
		expect(restoreDueBy(72, start)).toEqual(new Date('2026-10-27T09:00:00+01:00'));
	});

	it('runs from the quote’s approval when a quote is needed, and not before', () => {
		expect(restoreClockStart({ needsQuote: true }, requestedAt, null)).toBeNull();
		const approved = new Date('2026-10-26T15:00:00+01:00');
		expect(
			restoreDueBy(24, restoreClockStart({ needsQuote: true }, requestedAt, approved))
		).toEqual(new Date('2026-10-27T15:00:00+01:00'));
	});

	it('has none where the contract is silent', () => {
		expect(restoreDueBy(null, requestedAt)).toBeNull();
	});

	const state = (
		status: Parameters<typeof restoreDeadlineState>[0]['status'],
		now: string,
		completedAt: string | null = null
	) =>
		restoreDeadlineState({
			status,
			clockStart: new Date('2026-11-16T10:00:00Z'),
			dueBy: new Date('2026-11-17T10:00:00Z'),
			completedAt: completedAt ? new Date(completedAt) : null,
			now: new Date(now),
			atRiskPercent: 75
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
