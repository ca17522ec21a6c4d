import { describe, expect, it } from 'vitest';
import { fileInputFromForm, wallClockToIso } from './form';

describe('wallClockToIso', () => {
	it('reads a datetime-local value on the Paris clock, summer and winter', () => {
		expect(wallClockToIso('2026-07-01T10:30')).toBe('2026-07-01T08:30:00.000Z');
		expect(wallClockToIso('2026-01-15T10:30:15')).toBe('2026-01-15T09:30:15.000Z');
	});

	it('passes anything else through for validation to refuse', () => {
		expect(wallClockToIso('yesterday')).toBe('yesterday');
		expect(wallClockToIso('2026-02-30T10:00')).toBe('2026-02-30T10:00');
	});
});

describe('fileInputFromForm', () => {
	it('keeps every ticked component and leaves an empty report time out', () => {
		const data = new FormData();
		data.set('severity', 'critical');
		data.append('components', 'web-1');
		data.append('components', 'db-1');
		data.set('title', 'Site down');
		data.set('description', 'line 1\nline 2');
		data.set('reportedAt', '');
		expect(fileInputFromForm(data)).toEqual({
			severity: 'critical',
			components: ['web-1', 'db-1'],
			title: 'Site down',
			description: 'line 1\nline 2',
			reportedAt: undefined
		});
	});
});
