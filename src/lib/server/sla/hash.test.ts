import { describe, expect, it } from 'vitest';
import { canonicalJson, inputsHash } from './hash';
import { StatusColumns } from './status-columns';
import { DB, WEB, monthInput, paris, settingsOf } from './testing';
import type { SlaInput } from './types';

const base = () =>
	monthInput('alteo', '2026-11', {
		settings: settingsOf('alteo', { sla: { period: 'month' } }),
		components: [WEB, DB],
		stretches: { [WEB.id]: [[paris('2026-11-10 10:00'), paris('2026-11-10 12:00'), 'down']] },
		maintenances: [
			{
				id: 'm-1',
				componentIds: [WEB.id, DB.id],
				start: paris('2026-11-20 10:00'),
				end: paris('2026-11-20 11:00'),
				announcedAt: paris('2026-11-01 10:00')
			}
		],
		qualifications: [
			{
				id: 'q-1',
				componentId: WEB.id,
				start: paris('2026-11-10 10:00'),
				end: paris('2026-11-10 11:00'),
				cause: 'client'
			}
		]
	});

describe('frozen months: a stable hash of the inputs', () => {
	it('canonical JSON sorts keys, writes instants in ISO and drops undefined members', () => {
		expect(
			canonicalJson({ b: 1, a: [new Date('2026-11-01T00:00:00Z'), undefined], c: undefined })
		).toBe('{"a":["2026-11-01T00:00:00.000Z",null],"b":1}');
	});

	it('is a sha256 in hex, the same for the same inputs', () => {
		expect(inputsHash(base())).toMatch(/^[0-9a-f]{64}$/);
		expect(inputsHash(base())).toBe(inputsHash(base()));
	});

	it('stays the hash frozen months were stored with, whether rows come as an array or columns', () => {
		// A frozen month stores this hash of its inputs: the same inputs must keep giving it.
		const frozen = 'fe43fb1b8b3586901d2b91b55f01fa9a9b31979636a2d872a54dfe93f48dc48c';
		const input = base();
		const columns = new StatusColumns();
		for (const r of input.intervals)
			columns.push(r.componentId, r.status, r.from.getTime(), r.to?.getTime() ?? null);
		expect(inputsHash(input)).toBe(frozen);
		expect(inputsHash({ ...input, intervals: columns })).toBe(frozen);
	});

	it('does not depend on the order rows, components or ids arrive in, nor on extra fields', () => {
		const input = base();
		const shuffled: SlaInput = {
			...input,
			components: [...input.components].reverse(),
			intervals: [...input.intervals].reverse(),
			maintenances: input.maintenances.map((m) => ({
				...m,
				componentIds: [...m.componentIds].reverse(),
				title: 'x'
			}))
		};
		expect(inputsHash(shuffled)).toBe(inputsHash(input));
	});

	it('ignores what lies outside the window the engine reads, and asOf once the month is over', () => {
		const input = base();
		const later = { ...input, asOf: new Date(input.asOf.getTime() + 86_400_000) };
		const farRow = {
			componentId: DB.id,
			status: 'down' as const,
			from: paris('2027-03-01 00:00'),
			to: null
		};
		expect(inputsHash(later)).toBe(inputsHash(input));
		expect(inputsHash({ ...input, intervals: [...input.intervals, farRow] })).toBe(
			inputsHash(input)
		);
	});

	it('changes when anything the figures depend on changes', () => {
		const input = base();
		const hash = inputsHash(input);
		expect(inputsHash({ ...input, monthlyFeeCents: 1 })).not.toBe(hash);
		expect(
			inputsHash({
				...input,
				qualifications: [{ ...input.qualifications[0], cause: 'force_majeure' }]
			})
		).not.toBe(hash);
		expect(
			inputsHash({
				...input,
				maintenances: [{ ...input.maintenances[0], approvedAt: paris('2026-11-02 10:00') }]
			})
		).not.toBe(hash);
		expect(
			inputsHash({
				...input,
				settings: settingsOf('alteo', { sla: { period: 'month', degradedWeight: 0.5 } })
			})
		).not.toBe(hash);
		expect(inputsHash({ ...input, asOf: paris('2026-11-15 00:00') })).not.toBe(hash);
	});
});
