import { describe, expect, it } from 'vitest';
import { canonicalInstant, instantSchema } from '../validation';
import { canonicalItem, parseSampleBatch, sampleItemSchema } from './samples-input';

const base = {
	client: 'acme',
	component: 'web-1',
	at: '2026-10-05T08:00:00.000Z',
	status: 'up',
	latencyMs: 42,
	cpuPct: 12.5,
	netInBps: 1e9
};

/** One field changed at a time: the values an agent gets wrong, and the edges of each rule. */
const variants: Record<string, unknown[]> = {
	client: ['Acme', ' acme', 'acme-', 'a', 'a'.repeat(40), 'a'.repeat(41), 'null', '', 7, null],
	component: ['Web-1', 'web-1 ', 'db.1_x', '-web', 'w'.repeat(63), 'w'.repeat(64), '', 7],
	at: [
		'2026-10-05T08:00:00Z',
		'2026-10-05T10:00:00.000+02:00',
		'2026-10-05T08:00:00.123456Z',
		'2026-02-29T00:00:00.000Z',
		'2028-02-29T00:00:00.000Z',
		'2100-02-29T00:00:00.000Z',
		'2000-02-29T00:00:00.000Z',
		'2026-04-31T00:00:00.000Z',
		'2026-13-01T00:00:00.000Z',
		'2026-00-10T00:00:00.000Z',
		'2026-10-00T00:00:00.000Z',
		'2026-10-05T24:00:00.000Z',
		'2026-10-05T23:60:00.000Z',
		'2026-10-05T23:59:60.000Z',
		'1999-12-31T23:59:59.999Z',
		'2000-01-01T00:00:00.000Z',
		'2100-12-31T23:59:59.999Z',
		'2101-01-01T00:00:00.000Z',
		'2026-10-05 08:00:00.000Z',
		'2026-10-05T08:00:00.000z',
		'2026-10-05',
		1_791_000_000_000,
		''
	],
	status: ['down', 'degraded', 'unknown', 'UP', '', null],
	latencyMs: [0, -0, 1e-7, 3_600_000, 3_600_001, -1, Number.NaN, Infinity, '12', null, undefined],
	cpuPct: [100, 100.0001, 1e-300, 5e-324],
	load1: [1e6, 1e6 + 1],
	netOutBps: [1e13, 1.0000001e13],
	extra: [1, undefined],
	['__proto__']: [{}]
};

const cases = [
	base,
	...Object.entries(variants).flatMap(([field, values]) =>
		values.map((v) => JSON.parse(JSON.stringify({ ...base, [field]: v })) as unknown)
	),
	...Object.entries(variants).flatMap(([field, values]) =>
		values.map((v) => ({ ...base, [field]: v }) as unknown)
	),
	{ ...base, latencyMs: undefined },
	Object.assign(Object.create(null), base),
	[base],
	null,
	'acme'
];

describe('the samples fast path (canonicalItem)', () => {
	it('accepts only what sampleItemSchema accepts as it is, and gives the same item', () => {
		let fast = 0;
		for (const value of cases) {
			const checked = canonicalItem(value);
			if (!checked) continue;
			fast++;
			const parsed = sampleItemSchema.safeParse(value);
			expect(parsed.success, JSON.stringify(value)).toBe(true);
			expect(checked.item).toMatchObject(parsed.data!);
			expect(checked.at).toBe(Date.parse(parsed.data!.at));
		}
		expect(fast).toBeGreaterThan(20);
	});

	it('reads canonical instants exactly, leap days and month ends included', () => {
		for (const value of variants.at.filter((v): v is string => typeof v === 'string')) {
			const t = canonicalInstant(value);
			if (Number.isNaN(t)) continue;
			expect(instantSchema.safeParse(value).success, value).toBe(true);
			expect(new Date(t).toISOString()).toBe(value);
		}
		expect(canonicalInstant('2028-02-29T12:00:00.000Z')).toBe(Date.UTC(2028, 1, 29, 12));
		expect(canonicalInstant('2026-02-29T12:00:00.000Z')).toBeNaN();
		expect(canonicalInstant('2100-02-29T12:00:00.000Z')).toBeNaN();
	});
});

describe('parseSampleBatch', () => {
	const now = new Date('2026-10-05T09:00:00Z');

	it('reads the fast and the zod forms alike, with metrics too small for real as 0', () => {
		const { items, issues } = parseSampleBatch(
			{
				samples: [
					{ ...base, cpuPct: 1e-9 },
					{ ...base, client: ' ACME ', at: '2026-10-05T10:00:00+02:00', cpuPct: 1e-9 }
				]
			},
			now
		);
		expect(issues).toEqual([]);
		expect(items.map(({ index: _, ...rest }) => rest)).toEqual([
			expect.objectContaining({ client: 'acme', at: new Date(base.at), cpuPct: 0, latencyMs: 42 }),
			expect.objectContaining({ client: 'acme', at: new Date(base.at), cpuPct: 0, latencyMs: 42 })
		]);
	});

	it('names each failing field, whichever path refused the item', () => {
		const { items, issues } = parseSampleBatch(
			{
				samples: [
					base,
					{ ...base, cpuPct: 101 },
					{ ...base, status: 'sideways', extra: 1 },
					{ ...base, at: '2026-10-05T09:06:00.000Z' }
				]
			},
			now
		);
		expect(items.map((i) => i.index)).toEqual([0]);
		expect(issues.map((i) => [i.index, Object.keys(i.fields).sort()])).toEqual([
			[1, ['cpuPct']],
			[2, ['_', 'status']],
			[3, ['at']]
		]);
	});
});
