import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import StatusBanner from './StatusBanner.svelte';
import type { DisplayStatus } from '$lib/monitoring';

/** Tailwind's own palette, so the test reads the colours the page really gets. */
const theme = readFileSync(createRequire(import.meta.url).resolve('tailwindcss/theme.css'), 'utf8');

function themeColor(name: string): [number, number, number] {
	const value = new RegExp(`--color-${name}:\\s*([^;]+);`).exec(theme)?.[1].trim();
	if (value === '#fff') return [1, 1, 1];
	const oklch = /^oklch\(([\d.]+)% ([\d.]+) ([\d.]+)\)$/.exec(value ?? '');
	if (!oklch) throw new Error(`no colour --color-${name} in tailwindcss/theme.css (${value})`);
	const [l, c, h] = [Number(oklch[1]) / 100, Number(oklch[2]), (Number(oklch[3]) * Math.PI) / 180];
	const [a, b] = [c * Math.cos(h), c * Math.sin(h)];
	// OKLab → linear sRGB (Björn Ottosson's matrices), clipped to the gamut as browsers show it.
	const l3 = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
	const m3 = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
	const s3 = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
	const clip = (x: number) => Math.min(1, Math.max(0, x));
	return [
		clip(4.0767416621 * l3 - 3.3077115913 * m3 + 0.2309699292 * s3),
		clip(-1.2684380046 * l3 + 2.6097574011 * m3 - 0.3413193965 * s3),
		clip(-0.0041960863 * l3 - 0.7034186147 * m3 + 1.707614701 * s3)
	];
}

/** WCAG 2.1 contrast ratio of two linear-light sRGB colours. */
function contrast(x: [number, number, number], y: [number, number, number]): number {
	const luminance = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
	return (hi + 0.05) / (lo + 0.05);
}

const STATES: DisplayStatus[] = ['up', 'degraded', 'down', 'unknown', 'maintenance'];

describe('StatusBanner', () => {
	it.each(STATES)('reads at 4.5:1 or more when %s (WCAG 1.4.3, normal-size text)', (status) => {
		const { body } = render(StatusBanner, { props: { status } });
		const classes = /class="([^"]*)"/.exec(body)?.[1].split(/\s+/) ?? [];
		const color = (prefix: string) => {
			const found = classes.filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length));
			expect(found, `${prefix}* classes of the ${status} banner`).toHaveLength(1);
			return themeColor(found[0]);
		};
		expect(contrast(color('text-'), color('bg-'))).toBeGreaterThanOrEqual(4.5);
	});
});
