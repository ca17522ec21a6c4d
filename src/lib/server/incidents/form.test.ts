import { describe, expect, it } from 'vitest';
import { fileInputFromForm } from './form';

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
